package io.byzcheck.kernels.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.byzcheck.kernels.sim.problem.ConjugateGradient;
import io.byzcheck.kernels.sim.problem.Dataset;
import io.byzcheck.kernels.sim.problem.LeastSquares;
import io.byzcheck.kernels.sim.problem.LocalSolver;
import io.byzcheck.kernels.sim.problem.LogisticRegression;
import io.byzcheck.kernels.sim.problem.Objective;
import io.byzcheck.kernels.sim.problem.SoftmaxRegression;
import io.byzcheck.kernels.sim.problem.Problems;
import org.junit.jupiter.api.Test;

class LocalSolverTest {

  @Test
  void leastSquaresErmSolvesTheNormalEquationsWorkedByHand() {
    // Samples x = (1,0), y = 1; x = (0,1), y = 2; x = (1,1), y = 4. XᵀX = [[2,1],[1,2]], Xᵀy = (5,6);
    // (XᵀX)⁻¹ = (1/3)[[2,−1],[−1,2]], so w = ((10 − 6)/3, (−5 + 12)/3) = (4/3, 7/3).
    LeastSquares f = new LeastSquares(new Dataset(new double[] {1, 0, 0, 1, 1, 1}, 3, 2, new double[] {1, 2, 4}));
    double[] w = LocalSolver.minimise(f, new double[2]);
    assertThat(w[0]).isCloseTo(4.0 / 3, offset(1e-9));
    assertThat(w[1]).isCloseTo(7.0 / 3, offset(1e-9));
  }

  @Test
  void conjugateGradientAddsMu() {
    // Same data, Hessian XᵀX/3 = [[2/3,1/3],[1/3,2/3]]; with μ = 1/3 it is [[1,1/3],[1/3,1]]; solving against b = (4/3, 4/3)
    // gives v = (1, 1) by symmetry: (1 + 1/3)·1 = 4/3.
    LeastSquares f = new LeastSquares(new Dataset(new double[] {1, 0, 0, 1, 1, 1}, 3, 2, new double[] {1, 2, 4}));
    double[] v = new double[2];
    ConjugateGradient.solve(f, new double[2], 1.0 / 3, new double[] {4.0 / 3, 4.0 / 3}, v);
    assertThat(v[0]).isCloseTo(1, offset(1e-12));
    assertThat(v[1]).isCloseTo(1, offset(1e-12));
  }

  @Test
  void singularLocalHessianIsAClearError() {
    // One sample x = (1, 0): the Hessian is [[1,0],[0,0]], singular along e₂; with μ = 0 CG meets zero curvature.
    LeastSquares f = new LeastSquares(new Dataset(new double[] {1, 0}, 1, 2, new double[] {1}));
    assertThatThrownBy(() -> ConjugateGradient.solve(f, new double[2], 0, new double[] {0, 1}, new double[2]))
        .hasMessageContaining("not positive definite");
  }

  @Test
  void softmaxErmWithThePreconditionedOperatorIsTheErmOfThePlainProducts() {
    // Sparse features (a third zero, one column always zero) as in MNIST; the reference hides the softmax's own
    // operator (cached probabilities, compressed rows, Jacobi diagonal) behind the plain hessianVector products.
    SoftmaxRegression f = SparseSoftmaxData.problem(new java.util.SplittableRandom(17), 60, 9, 4, 1e-3);
    Objective plain = new Objective() {
      public double loss(double[] t) {
        return f.loss(t);
      }

      public void gradient(double[] t, double[] out) {
        f.gradient(t, out);
      }

      public void hessianVector(double[] t, double[] v, double[] out) {
        f.hessianVector(t, v, out);
      }

      public int dimension() {
        return f.dimension();
      }

      public Objective restrict(int[] samples) {
        return f.restrict(samples);
      }

      public Objective on(Dataset other) {
        return f.on(other);
      }

      public Dataset data() {
        return f.data();
      }
    };
    double[] fast = LocalSolver.minimise(f, new double[f.dimension()]);
    double[] reference = LocalSolver.minimise(plain, new double[f.dimension()]);
    double[] g = new double[f.dimension()];
    f.gradient(fast, g);
    assertThat(Vectors.norm(g)).isLessThan(1e-8);
    // both stop at ‖∇F‖ ≤ 10⁻⁹·max(1, ‖∇F(0)‖); strong convexity ℓ₂ = 10⁻³ puts them within 2·10⁻⁹/10⁻³ of each other
    assertThat(Vectors.distance(fast, reference)).isLessThan(1e-5);
  }

  @Test
  void logisticErmHasAVanishingGradient() {
    var data = Problems.leastSquaresGaussian(200, 3, 1, 5).objective().data();
    double[] labels = new double[data.rows()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = data.targets()[i] > 0 ? 1 : 0;
    }
    LogisticRegression f = new LogisticRegression(data.withTargets(labels), 0.01);
    double[] w = LocalSolver.minimise(f, new double[3]);
    double[] g = new double[3];
    f.gradient(w, g);
    assertThat(Vectors.norm(g)).isLessThan(1e-8);
  }
}
