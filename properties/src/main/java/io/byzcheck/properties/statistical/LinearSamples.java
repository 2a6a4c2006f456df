package io.byzcheck.properties.statistical;

import io.byzcheck.kernels.sim.problem.Dataset;
import io.byzcheck.kernels.sim.problem.Objective;

/**
 * Alistarh et al. 2018, Theorem 4.3's hard instance (ALI-T43): a linear f on [−D, D] with a Gaussian stochastic
 * estimator, f_z(x) = z·x with scalar samples z ~ N(g, 𝒱²), so f(x) = g·x and ∇f_z − ∇f = z − g is subgaussian with
 * variance proxy 𝒱² (Definition 4.1, d = 1). The samples are the dataset's single feature column.
 */
record LinearSamples(Dataset data) implements Objective {
  LinearSamples {
    if (data.cols() != 1) {
      throw new IllegalArgumentException("a linear estimator on ℝ has one feature per sample, got " + data.cols());
    }
  }

  /** The mean sample z̄: f̄(x) = z̄·x. */
  private double slope() {
    double s = 0;
    for (int i = 0; i < data.rows(); i++) {
      s += data.features()[i];
    }
    return s / data.rows();
  }

  @Override
  public double loss(double[] x) {
    requireDimension(x);
    return slope() * x[0];
  }

  @Override
  public void gradient(double[] x, double[] out) {
    requireDimension(x);
    out[0] = slope();
  }

  @Override
  public void hessianVector(double[] x, double[] v, double[] out) {
    requireDimension(v);
    out[0] = 0;
  }

  @Override
  public Objective restrict(int[] samples) {
    return new LinearSamples(data.subset(samples));
  }

  @Override
  public Objective on(Dataset other) {
    return new LinearSamples(other);
  }
}
