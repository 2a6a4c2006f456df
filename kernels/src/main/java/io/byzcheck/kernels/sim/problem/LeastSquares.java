package io.byzcheck.kernels.sim.problem;

/**
 * Least squares f(x, θ) = ½(xᵀθ − y)² (Yin Prop. 1 and App. A.2; Cao &amp; Lai §V-A). Quadratic in θ
 * (Yin Def. 9 with H = xxᵀ, p = −yx, c = y²/2), so its Hessian does not depend on θ.
 */
public record LeastSquares(Dataset data) implements Objective {

  @Override
  public double loss(double[] theta) {
    requireDimension(theta);
    double s = 0;
    for (int i = 0; i < data.rows(); i++) {
      double r = data.dot(i, theta, 0) - data.targets()[i];
      s += r * r;
    }
    return 0.5 * s / data.rows();
  }

  @Override
  public void gradient(double[] theta, double[] out) {
    requireDimension(theta);
    java.util.Arrays.fill(out, 0);
    double inv = 1.0 / data.rows();
    for (int i = 0; i < data.rows(); i++) {
      data.addScaled(i, (data.dot(i, theta, 0) - data.targets()[i]) * inv, out, 0);
    }
  }

  @Override
  public void hessianVector(double[] theta, double[] v, double[] out) {
    requireDimension(v);
    java.util.Arrays.fill(out, 0);
    double inv = 1.0 / data.rows();
    for (int i = 0; i < data.rows(); i++) {
      data.addScaled(i, data.dot(i, v, 0) * inv, out, 0);
    }
  }

  @Override
  public Objective restrict(int[] samples) {
    return new LeastSquares(data.subset(samples));
  }

  @Override
  public Objective on(Dataset other) {
    return new LeastSquares(other);
  }
}
