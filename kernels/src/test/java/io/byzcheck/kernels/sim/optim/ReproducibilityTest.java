package io.byzcheck.kernels.sim.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.byzcheck.kernels.rules.CoordinateWiseMedian;
import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.attack.RandomVectors;
import io.byzcheck.kernels.sim.problem.Problem;
import io.byzcheck.kernels.sim.problem.Problems;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs are bit-for-bit reproducible from the seed, and stochastic parts really depend on it. */
class ReproducibilityTest {
  static final Problem PROBLEM = Problems.leastSquaresGaussian(2_000, 4, 1, 3);

  static Trajectory run(long seed) {
    // Mini-batches, a random attack, a random output iterate: every seeded stream is exercised.
    Cluster cluster = Cluster.builder(PROBLEM).workers(10).byzantine(3, new RandomVectors(5)).seed(seed).build();
    return new MomentumSgd(new CoordinateWiseMedian(), Tolerance.largest(), 0.05, 0.9, 50, 8).run(cluster,
        new double[4]);
  }

  @Test
  void sameSeedSameTrajectoryBitForBit() {
    Trajectory a = run(11);
    Trajectory b = run(11);
    assertThat(a.iterates()).isEqualTo(b.iterates());
    assertThat(a.output()).isEqualTo(b.output());
    assertThat(run(12).iterates()).isNotEqualTo(a.iterates());
  }

  @Test
  void aClusterReplaysTheSameRunEachTime() {
    Cluster cluster = Cluster.builder(PROBLEM).workers(10).byzantine(3, new RandomVectors(5)).seed(5).build();
    Optimizer sgd = new MomentumSgd(new CoordinateWiseMedian(), Tolerance.largest(), 0.05, 0.9, 20, 8);
    assertThat(sgd.run(cluster, new double[4]).iterates()).isEqualTo(sgd.run(cluster, new double[4]).iterates());
  }

  @Test
  void progressIsReportedForEveryIteration() {
    Cluster cluster = Cluster.builder(PROBLEM).workers(10).seed(1).monitorEvery(10).build();
    List<Integer> seen = new ArrayList<>();
    Trajectory run = RobustGradientDescent.median(0.5, 30).run(cluster, new double[4], (done, total) -> {
      assertThat(total).isEqualTo(30);
      seen.add(done);
    });
    assertThat(seen).hasSize(30).startsWith(1).endsWith(30);
    // Monitored every 10 iterations plus the start: t = 0, 10, 20, 30.
    assertThat(run.iterates()).extracting(Iterate::t).containsExactly(0, 10, 20, 30);
  }

  @Test
  void badSettingsAreClearErrors() {
    assertThatThrownBy(() -> Cluster.builder(PROBLEM).workers(10).build()).hasMessageContaining("needs a seed");
    assertThatThrownBy(() -> Cluster.builder(PROBLEM).workers(10).byzantine(10, new RandomVectors(1)).seed(1).build())
        .hasMessageContaining("0 ≤ q < m = 10");
    assertThatThrownBy(() -> Cluster.builder(PROBLEM).workers(3000).seed(1).build())
        .hasMessageContaining("cannot give each of m = 3000 workers one sample");
    assertThatThrownBy(() -> new ComparisonNewton(0.2, 0.2, 0, 5).run(Cluster.builder(PROBLEM).workers(4).seed(1).build(),
        new double[4])).hasMessageContaining("needs the server's clean sample S₀");
    assertThatThrownBy(() -> RobustGradientDescent.median(-1, 5)).hasMessageContaining("robust gradient descent (Yin et al. Alg. 1) needs step size η > 0 and finite, got step size η = -1.0");
    assertThatThrownBy(() -> RobustGradientDescent.median(0.1, 5).run(Cluster.builder(PROBLEM).workers(4).seed(1).build(),
        new double[] {0, 0, Double.NaN, 0})).hasMessageContaining("non-finite");
  }

  @Test
  void aDivergingRunStopsWithInfiniteErrorNotNan() {
    // Mean GD with a step far beyond 2/L diverges; the trajectory says where, with ∞ rather than NaN.
    Cluster cluster = Cluster.builder(PROBLEM).workers(4).seed(1).build();
    Trajectory run = RobustGradientDescent.mean(1e6, 400).run(cluster, new double[4]);
    assertThat(run.diverged()).isTrue();
    assertThat(run.finalError()).isInfinite();
    assertThat(java.util.Arrays.stream(run.output()).allMatch(Double::isFinite)).isTrue();
  }
}
