package io.byzcheck.kernels.sim.optim;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;
import io.byzcheck.kernels.sim.problem.Problem;
import io.byzcheck.kernels.sim.problem.Problems;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Without attackers every optimizer reaches θ* of a well-conditioned least-squares problem whose noise
 * is so small (σ = 0.01, N = 4000, d = 5) that the statistical error ‖θ̂ − θ*‖ ≈ σ√(d/N) ≈ 4·10⁻⁴ is far
 * below the tolerance 10⁻²; the start is ‖θ*‖ ≈ 2 away.
 */
class OptimizersReachTheOptimumTest {
  static final long SEED = 20261127L;
  static final Problem PROBLEM = Problems.leastSquaresGaussian(4_000, 5, 0.01, SEED);

  static Stream<Named<Optimizer>> optimizers() {
    return Stream.of(
        Named.of("Yin Alg. 1 Option I (median)", RobustGradientDescent.median(0.5, 60)),
        Named.of("Yin Alg. 1 Option II (trimmed mean)", RobustGradientDescent.trimmedMean(0.1, 0.5, 60)),
        Named.of("Yin Alg. 1 with projection onto a ball holding θ*", RobustGradientDescent.median(0.5, 60).projectedOnto(10)),
        Named.of("mean GD", RobustGradientDescent.mean(0.5, 60)),
        Named.of("Yin Alg. 2 (one-round median)", new OneRoundMedian()),
        Named.of("ByzantineSGD", ByzantineSgd.theoretical(20, 0.3, 10, 1000, 1, 0.1, 0, 0)),
        Named.of("ByzantineSGD with restarts", ByzantineSgd.theoretical(20, 0.3, 10, 50, 1, 0.1, 0, 3)),
        Named.of("RESAM Alg. 1 (momentum, CWMed)",
            new MomentumSgd(new CoordinateWiseMedian(), Tolerance.largest(), 0.1, 0.9, 200, 0)),
        Named.of("GIANT", ApproximateNewton.giant(1, 8)),
        Named.of("MNM", ApproximateNewton.medianNewton(1, 8, 1e-8)),
        Named.of("CNM", new ComparisonNewton(0.5, 0.5, 0.001, 10)),
        Named.of("comparison-based GD", new ComparisonGradientDescent(0.5, 0.5, 60)),
        Named.of("FLTrust (Cao et al. 2021), one local step", ServerGuidedGradientDescent.flTrust(0.5, 60)));
  }

  @ParameterizedTest
  @MethodSource("optimizers")
  void reachesTheOptimumWithoutAttackers(Optimizer optimizer) {
    Cluster cluster = Cluster.builder(PROBLEM).workers(20).serverSample(400).seed(SEED).build();
    Trajectory run = optimizer.run(cluster, new double[5]);
    double outputError = io.byzcheck.kernels.sim.Vectors.distance(run.output(), PROBLEM.optimum().orElseThrow());
    assertThat(run.diverged()).isFalse();
    assertThat(run.iterates().getFirst().error().orElseThrow()).as("start").isGreaterThan(1);
    assertThat(outputError).as("‖output − θ*‖ of %s (seed %d)", optimizer.name(), SEED).isLessThan(1e-2);
    assertThat(run.last().excluded()).isZero();
  }
}
