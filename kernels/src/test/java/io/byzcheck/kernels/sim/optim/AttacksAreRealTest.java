package io.byzcheck.kernels.sim.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.byzcheck.kernels.ByzantineInputException;
import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.Vectors;
import io.byzcheck.kernels.sim.attack.AdaptiveScale;
import io.byzcheck.kernels.sim.attack.Attack;
import io.byzcheck.kernels.sim.attack.FallOfEmpires;
import io.byzcheck.kernels.sim.attack.LittleIsEnough;
import io.byzcheck.kernels.sim.attack.Mimic;
import io.byzcheck.kernels.sim.attack.NonFinite;
import io.byzcheck.kernels.sim.attack.RandomVectors;
import io.byzcheck.kernels.sim.attack.SignFlipping;
import io.byzcheck.kernels.sim.problem.Problem;
import io.byzcheck.kernels.sim.problem.Problems;
import io.byzcheck.kernels.sim.attack.LabelFlipping;
import io.byzcheck.kernels.sim.problem.Dataset;
import io.byzcheck.kernels.sim.problem.LocalSolver;
import io.byzcheck.kernels.sim.problem.SoftmaxRegression;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With 8 of 20 workers Byzantine (α = 0.4 &lt; 1/2), each attack measurably breaks the mean-based
 * baseline — its error to the clean ERM θ̂ after 10 steps is at least 10× that of the unattacked mean —
 * while median GD (Yin Alg. 1, Option I) stays within 10× its own unattacked error. Least squares,
 * N = 4000, d = 5, σ = 1.
 */
class AttacksAreRealTest {
  static final long SEED = 20261128L;
  static final Problem PROBLEM = Problems.leastSquaresGaussian(4_000, 5, 1, SEED);
  static final int M = 20;
  static final int Q = 8;

  static Stream<Named<Attack>> attacks() {
    return Stream.of(Named.of("sign flipping", SignFlipping.signFlipping()),
        Named.of("Gaussian", new RandomVectors(10)),
        Named.of("ALIE (Baruch z)", LittleIsEnough.baruch()),
        Named.of("ALIE (RESAM ζ = 1)", LittleIsEnough.fixed(1)),
        Named.of("IPM (ζ = 1.1)", new FallOfEmpires(1.1)),
        Named.of("mimic", new Mimic(0)),
        Named.of("adaptive ALIE", new AdaptiveScale(AdaptiveScale.Direction.ALIE)),
        Named.of("adaptive IPM", new AdaptiveScale(AdaptiveScale.Direction.IPM)));
  }

  /** The clean empirical risk minimiser over all N samples. */
  static final double[] ERM = io.byzcheck.kernels.sim.problem.LocalSolver.minimise(PROBLEM.objective(), new double[5]);

  static double errorToErm(Optimizer optimizer, Attack attack, int byzantine) {
    Cluster cluster = Cluster.builder(PROBLEM).workers(M).byzantine(byzantine, attack).seed(SEED).build();
    Trajectory run = optimizer.run(cluster, new double[5]);
    return run.diverged() ? Double.POSITIVE_INFINITY : Vectors.distance(run.output(), ERM);
  }

  @ParameterizedTest
  @MethodSource("attacks")
  void breaksTheMeanButNotTheMedian(Attack attack) {
    double meanClean = errorToErm(RobustGradientDescent.mean(0.5, 10), Attack.honest(), 0);
    double meanAttacked = errorToErm(RobustGradientDescent.mean(0.5, 10), attack, Q);
    double medianClean = errorToErm(RobustGradientDescent.median(0.5, 10), Attack.honest(), 0);
    double medianAttacked = errorToErm(RobustGradientDescent.median(0.5, 10), attack, Q);
    System.out.printf("%-22s mean %.3g → %.3g, median %.3g → %.3g%n", attack.name(), meanClean, meanAttacked,
        medianClean, medianAttacked);
    assertThat(meanAttacked).as("mean under %s (seed %d)", attack.name(), SEED).isGreaterThan(10 * meanClean);
    assertThat(medianAttacked).as("median under %s (seed %d)", attack.name(), SEED).isLessThan(10 * medianClean);
  }

  @Test
  void nonFiniteWorkersAreExcludedByTheMedianAndRejectedByAMeanThatDeclaredNoByzantines() {
    Cluster cluster = Cluster.builder(PROBLEM).workers(M).byzantine(Q, new NonFinite(NonFinite.Kind.NAN)).seed(SEED).build();
    Trajectory run = RobustGradientDescent.median(0.5, 10).run(cluster, new double[5]);
    assertThat(run.last().excluded()).isEqualTo(Q);
    assertThat(run.last().accepted()).isEqualTo(M - Q);
    assertThat(run.finalError()).isLessThan(0.5);
    assertThatThrownBy(() -> RobustGradientDescent.mean(0.5, 10).run(cluster, new double[5]))
        .isInstanceOf(ByzantineInputException.class);
  }

  @Test
  void labelFlippingBreaksTheMeanButNotTheMedian() {
    // Three Gaussian blobs (centres 3·e₀, 3·e₁, 3·e₂ in d = 4, plus a bias feature); 8 of 20 workers train on y → 2 − y.
    SplittableRandom rng = new SplittableRandom(SEED);
    int n = 4_000;
    double[] x = new double[n * 5];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      int c = rng.nextInt(3);
      y[i] = c;
      for (int k = 0; k < 4; k++) {
        x[i * 5 + k] = rng.nextGaussian() + (k == c ? 3 : 0);
      }
      x[i * 5 + 4] = 1;
    }
    Problem blobs = new Problem("blobs", new SoftmaxRegression(new Dataset(x, n, 5, y), 3, 0.01), Optional.empty(),
        Optional.empty());
    double[] erm = LocalSolver.minimise(blobs.objective(), new double[15]);
    double[] errors = new double[4];
    Optimizer[] optimizers = {RobustGradientDescent.mean(1, 100), RobustGradientDescent.median(1, 100)};
    for (int o = 0; o < 2; o++) {
      for (int attacked = 0; attacked < 2; attacked++) {
        Cluster.Builder b = Cluster.builder(blobs).workers(M).seed(SEED);
        if (attacked == 1) {
          b.labelFlipping(Q, LabelFlipping.reversed(3));
        }
        errors[2 * o + attacked] = Vectors.distance(optimizers[o].run(b.build(), new double[15]).output(), erm);
      }
    }
    System.out.printf("label flipping         mean %.3g → %.3g, median %.3g → %.3g%n", errors[0], errors[1], errors[2],
        errors[3]);
    assertThat(errors[1]).as("mean under label flipping").isGreaterThan(10 * errors[0]);
    assertThat(errors[3]).as("median under label flipping").isLessThan(10 * errors[2]);
  }
}
