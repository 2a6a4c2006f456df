package io.byzcheck.kernels.sim.optim;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.Progress;
import io.byzcheck.kernels.sim.problem.AdditiveNoise;
import io.byzcheck.kernels.sim.problem.Problem;
import org.junit.jupiter.api.Test;

/**
 * The strongly convex reduction of Alistarh et al. Theorems 3.4–3.5 (Hazan &amp; Kale's epochs): an epoch's output
 * with gap ε_e is within √(2ε_e/σ) of x* (strong convexity), so the next epoch's ball may shrink only as the square
 * root of the gap. With T doubled and η halved each epoch the noise term of Theorem 3.2, D𝒱/√(Tm), halves when D
 * shrinks by √2; a ball halved each epoch shrinks as 2^{−e} while x̄'s error shrinks as 2^{−e/2}, excludes x* after a
 * few epochs and leaves the error on a floor.
 */
class ByzantineSgdRestartsTest {
  private static final int M = 10;
  private static final int SEEDS = 24;

  /** Mean over seeds of ‖x̄ − x*‖² after {@code restarts} epochs beyond the first (32 iterations), honest workers. */
  private static double meanSquaredError(int restarts) {
    double s = 0;
    for (int seed = 1; seed <= SEEDS; seed++) {
      double[] mu = {0.25 * Math.cos(seed), 0.25 * Math.sin(seed)};
      Problem p = AdditiveNoise.problem(AdditiveNoise.quadratic(mu), 2, 1000 * M, 1 - 1e-5, seed);
      Cluster c = Cluster.builder(p).workers(M).seed(100 + seed).monitorEvery(Integer.MAX_VALUE).build();
      ByzantineSgd alg = ByzantineSgd.theoretical(M, 0.5, 0.5, 32, 1, 0.1, 1, restarts);
      double[] x = alg.run(c, new double[2], Progress.NONE).output();
      s += ((x[0] - mu[0]) * (x[0] - mu[0]) + (x[1] - mu[1]) * (x[1] - mu[1])) / SEEDS;
    }
    return s;
  }

  @Test
  void fourMoreEpochsDivideTheSquaredErrorByAboutTheirSixteenfoldIterations() {
    // averaged SGD on ½‖x − μ‖² with noise of norm 𝒱 = 1: E‖x̄ − μ‖² ≈ 𝒱²/(mT_e), T_e = 32·2^e, once the ball holds x*
    double early = meanSquaredError(5);
    double late = meanSquaredError(9);
    System.out.printf("restarts: E‖x̄ − x*‖² %.3g after 5, %.3g after 9 (ratio %.3g, 16 expected)%n", early, late,
        early / late);
    assertThat(early).isBetween(0.2 / (M * 32 * 32.0), 5.0 / (M * 32 * 32.0));
    // 24 seeds of a squared error with ≈ 2 degrees of freedom: each mean within a factor 1.6 of its expectation
    assertThat(early / late).isBetween(16 / 2.6, 16 * 2.6);
  }
}
