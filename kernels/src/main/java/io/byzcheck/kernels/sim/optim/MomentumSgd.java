package io.byzcheck.kernels.sim.optim;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.Progress;
import io.byzcheck.kernels.sim.Session;
import java.util.Optional;

/**
 * RESAM Algorithm 1, distributed SGD with worker momentum: honest workers send
 * m_t = β·m_{t−1} + (1 − β)·g_t (eq. (5)), the server steps θ_{t+1} = θ_t − γ·F(m_t⁽¹⁾, …, m_t⁽ⁿ⁾)
 * (eq. (6)) with an (f, λ)-resilient averaging rule F, and outputs θ̂ drawn uniformly from
 * {θ₁, …, θ_T} with the server's seeded generator — or, as RESAM's experiments (§5) report, the last
 * iterate θ_{T+1} ({@link #lastIterate()}).
 *
 * @param batch mini-batch size per worker (0 for full local gradients)
 * @param randomOutput true for Algorithm 1's random output iterate, false for the last iterate
 */
public record MomentumSgd(AggregationRule rule, Tolerance declaredF, double learningRate, double beta, int iterations,
    int batch, boolean randomOutput) implements Optimizer {
  private static final String WHO = "momentum SGD (RESAM Alg. 1)";


  /** Algorithm 1 as stated, with the random output iterate. */
  public MomentumSgd(AggregationRule rule, Tolerance declaredF, double learningRate, double beta, int iterations,
      int batch) {
    this(rule, declaredF, learningRate, beta, iterations, batch, true);
  }

  /** The same run, returning the last iterate (what RESAM's experiments plot). */
  public MomentumSgd lastIterate() {
    return new MomentumSgd(rule, declaredF, learningRate, beta, iterations, batch, false);
  }

  public MomentumSgd {
    Checks.positive(WHO, "learning rate γ", learningRate);
    Checks.atLeast(WHO, "the number of iterations T", iterations, 1);
    if (!(beta >= 0 && beta < 1)) {
      throw new IllegalArgumentException("RESAM Algorithm 1 needs β ∈ [0, 1), got β = " + beta);
    }
    if (batch < 0) {
      throw new IllegalArgumentException("the mini-batch size must be ≥ 0 (0 = full local gradient), got " + batch);
    }
  }

  @Override
  public String name() {
    return "momentum SGD (RESAM Alg. 1, β = " + beta + ") with " + rule.name();
  }

  @Override
  public Trajectory run(Cluster cluster, double[] start, Progress progress) {
    Session session = cluster.start();
    int d = start.length;
    int f = declaredF.f(cluster.workers());
    Recorder recorder = new Recorder(cluster, progress, iterations, start);
    int pick = session.serverRandom().nextInt(iterations) + 1;
    double[] theta = start.clone();
    float[] g = new float[d];
    double[][] chosen = {theta};
    theta = recorder.iterate(theta, 0, iterations, (t, current, next) -> {
      if (t == pick) {
        chosen[0] = current.clone();
      }
      WorkerVectors messages = session.exchange(t, d, (worker, out) -> worker.momentum(current, beta, batch, out),
          Optional.of(rule), f);
      int excluded = Session.aggregate(rule, messages, f, g);
      Steps.descend(current, learningRate, g, next);
      return new Recorder.Outcome(cluster.workers() - excluded, excluded);
    });
    return recorder.finish(name(), recorder.diverged() || !randomOutput ? theta : chosen[0]);
  }
}
