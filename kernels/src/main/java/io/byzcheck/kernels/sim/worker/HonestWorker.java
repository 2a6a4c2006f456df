package io.byzcheck.kernels.sim.worker;

import io.byzcheck.kernels.sim.problem.ConjugateGradient;
import io.byzcheck.kernels.sim.problem.LocalSolver;
import io.byzcheck.kernels.sim.problem.Objective;
import java.util.SplittableRandom;

/**
 * A worker that follows the protocol on its shard Sⱼ and returns what the algorithm asks for. Its
 * generator is its own (split from the run's seed), so mini-batches do not depend on thread timing.
 * Byzantine workers own one too: attacks start from what they would have sent honestly.
 */
public final class HonestWorker {
  private final Objective shard;
  private final SplittableRandom rng;
  private double[] momentum;

  public HonestWorker(Objective shard, SplittableRandom rng) {
    this.shard = shard;
    this.rng = rng;
  }

  public Objective shard() {
    return shard;
  }

  /** ∇f̄⁽ʲ⁾(θ) over the whole shard (Yin Algorithm 1; Cao &amp; Lai eq. (4)). */
  public void gradient(double[] theta, double[] out) {
    shard.gradient(theta, out);
  }

  /** A mini-batch gradient, samples drawn uniformly with replacement (RESAM eq. (2); ALI line 4). */
  public void stochasticGradient(double[] theta, int batch, double[] out) {
    if (batch < 1) {
      throw new IllegalArgumentException("a mini-batch needs at least one sample, got " + batch);
    }
    int[] picks = new int[batch];
    for (int b = 0; b < batch; b++) {
      picks[b] = rng.nextInt(shard.samples());
    }
    shard.batchGradient(picks, theta, out);
  }

  /**
   * RESAM eq. (5): m_t = β·m_{t−1} + (1 − β)·g_t with m_0 = 0, g_t a mini-batch gradient (batch ≥ 1)
   * or the full local gradient (batch = 0).
   */
  public void momentum(double[] theta, double beta, int batch, double[] out) {
    if (!(beta >= 0 && beta < 1)) {
      throw new IllegalArgumentException("momentum needs β ∈ [0, 1), got β = " + beta);
    }
    if (batch == 0) {
      gradient(theta, out);
    } else {
      stochasticGradient(theta, batch, out);
    }
    if (momentum == null) {
      momentum = new double[out.length];
    }
    for (int k = 0; k < out.length; k++) {
      momentum[k] = beta * momentum[k] + (1 - beta) * out[k];
      out[k] = momentum[k];
    }
  }

  /** (Hⱼ + μI)⁻¹g, the local Newton direction (Cao &amp; Lai eqs. (7), (10)). */
  public void newtonDirection(double[] theta, double[] g, double mu, double[] out) {
    ConjugateGradient.solve(shard, theta, mu, g, out);
  }

  /** (Hⱼ + μI)⁻¹∇f̄⁽ʲ⁾(θ): the Newton direction from the worker's own data alone (what Cao &amp; Lai's attackers invert). */
  public void localNewtonDirection(double[] theta, double mu, double[] out) {
    double[] g = new double[theta.length];
    gradient(theta, g);
    newtonDirection(theta, g, mu, out);
  }

  /** argmin_w Fⱼ(w), the local ERM (Yin Algorithm 2). */
  public double[] localMinimiser(double[] start) {
    return LocalSolver.minimise(shard, start);
  }
}
