package io.byzcheck.kernels.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.byzcheck.kernels.sim.problem.Dataset;
import io.byzcheck.kernels.sim.problem.LogisticRegression;
import io.byzcheck.kernels.sim.problem.Objective;
import io.byzcheck.kernels.sim.problem.Problems;
import io.byzcheck.kernels.sim.problem.SoftmaxRegression;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every objective's gradient against central differences of its loss, and its Hessian-vector product
 * against central differences of its gradient: a different method than the closed forms in the code.
 */
class ObjectiveDerivativesTest {
  private static final long SEED = 20261127L;

  static Stream<Objective> objectives() {
    SplittableRandom rng = new SplittableRandom(SEED);
    int n = 30;
    int d = 4;
    double[] x = new double[n * d];
    double[] binary = new double[n];
    double[] classes = new double[n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        x[i * d + k] = rng.nextGaussian();
      }
      binary[i] = rng.nextInt(2);
      classes[i] = rng.nextInt(3);
    }
    return Stream.of(Problems.leastSquaresGaussian(40, 4, 0.5, SEED).objective(),
        Problems.leastSquaresRademacher(40, 4, 0.5, SEED).objective(),
        Problems.caoLaiSynthetic(60, 5, SEED).objective(),
        Problems.meanEstimation(25, 3, 1, SEED).objective(),
        Problems.quadratic(10, 3, SEED).objective(),
        new LogisticRegression(new Dataset(x, n, d, binary), 0.1),
        new SoftmaxRegression(new Dataset(x, n, d, classes), 3, 0.05));
  }

  @ParameterizedTest
  @MethodSource("objectives")
  void gradientMatchesCentralDifferencesOfTheLoss(Objective f) {
    double[] theta = point(f.dimension(), 1);
    double[] g = new double[f.dimension()];
    f.gradient(theta, g);
    double h = 1e-5;
    for (int k = 0; k < theta.length; k++) {
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[k] += h;
      minus[k] -= h;
      double numeric = (f.loss(plus) - f.loss(minus)) / (2 * h);
      assertThat(g[k]).as("∂f/∂θ_%d of %s", k, f.getClass().getSimpleName()).isCloseTo(numeric,
          org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(numeric))));
    }
  }

  @ParameterizedTest
  @MethodSource("objectives")
  void hessianVectorProductMatchesDifferencesOfTheGradient(Objective f) {
    double[] theta = point(f.dimension(), 2);
    double[] v = point(f.dimension(), 3);
    double[] hv = new double[f.dimension()];
    f.hessianVector(theta, v, hv);
    double h = 1e-5;
    double[] plus = theta.clone();
    double[] minus = theta.clone();
    for (int k = 0; k < theta.length; k++) {
      plus[k] += h * v[k];
      minus[k] -= h * v[k];
    }
    double[] gp = new double[f.dimension()];
    double[] gm = new double[f.dimension()];
    f.gradient(plus, gp);
    f.gradient(minus, gm);
    for (int k = 0; k < theta.length; k++) {
      double numeric = (gp[k] - gm[k]) / (2 * h);
      assertThat(hv[k]).as("(Hv)_%d of %s", k, f.getClass().getSimpleName()).isCloseTo(numeric,
          org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(numeric))));
    }
  }

  @ParameterizedTest
  @MethodSource("objectives")
  void hessianOperatorAgreesWithTheProductAndItsDiagonal(Objective f) {
    double[] theta = point(f.dimension(), 4);
    double[] v = point(f.dimension(), 5);
    Objective.HessianOperator a = f.hessianAt(theta);
    double[] fast = new double[f.dimension()];
    double[] plain = new double[f.dimension()];
    a.apply(v, fast);
    f.hessianVector(theta, v, plain);
    for (int k = 0; k < fast.length; k++) {
      assertThat(fast[k]).as("(Hv)_%d of %s", k, f.getClass().getSimpleName()).isCloseTo(plain[k],
          org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(plain[k]))));
    }
    double[] diag = a.diagonal();
    if (diag != null) {
      double[] e = new double[f.dimension()];
      for (int k = 0; k < e.length; k++) {
        e[k] = 1;
        f.hessianVector(theta, e, plain);
        e[k] = 0;
        assertThat(diag[k]).as("H_%d%d of %s", k, k, f.getClass().getSimpleName()).isCloseTo(plain[k],
            org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(plain[k]))));
      }
    }
  }

  @Test
  void softmaxOperatorSkipsZeroFeaturesWithoutChangingTheProduct() {
    // Sparse rows (as MNIST's pixels): a third of the features are 0, one feature column is always 0.
    hessianOperatorAgreesWithTheProductAndItsDiagonal(SparseSoftmaxData.problem(new SplittableRandom(SEED + 1), 23, 7, 4, 1e-3));
  }

  @Test
  void generatorsAreReproducibleFromTheSeed() {
    assertThat(Problems.caoLaiSynthetic(100, 5, 7).objective().data())
        .isEqualTo(Problems.caoLaiSynthetic(100, 5, 7).objective().data())
        .isNotEqualTo(Problems.caoLaiSynthetic(100, 5, 8).objective().data());
  }

  @Test
  void caoLaiDesignHasSecondMomentEigenvaluesNearTwoAndTwoHundred() {
    Objective f = Problems.caoLaiSynthetic(50_000, 20, SEED).objective();
    // The least-squares Hessian is E_N[xxᵀ]; its extreme eigenvalues by power iteration on H and on λ̂I − H.
    double[] zero = new double[20];
    double max = powerIteration(v -> {
      double[] out = new double[20];
      f.hessianVector(zero, v, out);
      return out;
    });
    double min = max - powerIteration(v -> {
      double[] out = new double[20];
      f.hessianVector(zero, v, out);
      for (int k = 0; k < 20; k++) {
        out[k] = max * v[k] - out[k];
      }
      return out;
    });
    assertThat(max).isBetween(190.0, 210.0);
    assertThat(min).isBetween(1.8, 2.2);
  }

  @Test
  void badDataIsAClearError() {
    assertThatThrownBy(() -> new Dataset(new double[] {1, Double.NaN}, 1, 2, new double[] {0}))
        .hasMessageContaining("feature 1 of sample 0 is NaN");
    assertThatThrownBy(() -> new LogisticRegression(new Dataset(new double[] {1}, 1, 1, new double[] {2}), 0))
        .hasMessageContaining("labels 0 or 1");
    assertThatThrownBy(() -> Problems.leastSquaresGaussian(10, 3, 1, 1).objective().loss(new double[2]))
        .hasMessageContaining("θ has length 2 but the problem has d = 3");
    assertThatThrownBy(() -> new SoftmaxRegression(new Dataset(new double[] {1}, 1, 1, new double[] {3}), 3, 0))
        .hasMessageContaining("class indices 0..2");
  }

  private static double powerIteration(java.util.function.UnaryOperator<double[]> a) {
    double[] v = point(20, 9);
    double lambda = 0;
    for (int it = 0; it < 3000; it++) {
      double[] w = a.apply(v);
      lambda = Vectors.norm(w);
      for (int k = 0; k < w.length; k++) {
        v[k] = w[k] / lambda;
      }
    }
    return lambda;
  }

  private static double[] point(int d, long salt) {
    SplittableRandom rng = new SplittableRandom(SEED + salt);
    double[] p = new double[d];
    for (int k = 0; k < d; k++) {
      p[k] = 0.5 * rng.nextGaussian();
    }
    return p;
  }
}
