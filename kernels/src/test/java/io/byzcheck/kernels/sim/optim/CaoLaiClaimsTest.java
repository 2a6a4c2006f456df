package io.byzcheck.kernels.sim.optim;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.attack.SignFlipping;
import io.byzcheck.kernels.sim.problem.Problem;
import io.byzcheck.kernels.sim.problem.Problems;
import org.junit.jupiter.api.Test;

/**
 * Cao &amp; Lai Figs. 2 and 4 on a 10 000-sample instance of their synthetic design (m = 50, inverse
 * attack, |S₀| = 1000, ξ₁ = ξ₂ = 0.223, μ = 0.001, η = 1): with 20 attackers MNM and CNM converge and GIANT
 * does not; with 45 (a Byzantine majority) CNM still converges and MNM does not.
 */
class CaoLaiClaimsTest {
  static final long SEED = 20261124L;
  static final Problem PROBLEM = Problems.caoLaiSynthetic(10_000, 20, SEED);

  static Trajectory run(Optimizer optimizer, int byzantine) {
    Cluster cluster = Cluster.builder(PROBLEM).workers(50).byzantine(byzantine, SignFlipping.inverse()).serverSample(1000)
        .seed(SEED).build();
    return optimizer.run(cluster, new double[20]);
  }

  @Test
  void twentyInverseAttackers() {
    // ‖θ*‖ ≈ 3√20 ≈ 13 at the start; "converges" = error below 0.1, "fails" = error above the start's.
    double start = run(new ComparisonNewton(0.223, 0.223, 0.001, 1), 20).iterates().getFirst().error().orElseThrow();
    assertThat(run(ApproximateNewton.giant(1, 25), 20).finalError()).isGreaterThan(start);
    assertThat(run(ApproximateNewton.medianNewton(1, 25, 1e-6), 20).finalError()).isLessThan(0.1);
    assertThat(run(new ComparisonNewton(0.223, 0.223, 0.001, 25), 20).finalError()).isLessThan(0.1);
  }

  @Test
  void fortyFiveInverseAttackers() {
    double start = run(new ComparisonNewton(0.223, 0.223, 0.001, 1), 45).iterates().getFirst().error().orElseThrow();
    Trajectory cnm = run(new ComparisonNewton(0.223, 0.223, 0.001, 25), 45);
    assertThat(cnm.finalError()).isLessThan(0.1);
    // CNM keeps only workers that pass eqs. (19) and (21): the 45 inverted messages never do.
    assertThat(cnm.last().accepted()).isLessThanOrEqualTo(5);
    assertThat(run(ApproximateNewton.medianNewton(1, 25, 1e-6), 45).finalError()).isGreaterThan(start);
  }
}
