package io.byzcheck.kernels.sim.problem;

/**
 * Mean estimation, Yin eq. (6): f(w, z) = ‖w − z‖², whose population minimiser is E[z]. The problem
 * behind Observation 1's lower bound; quadratic (Yin Def. 9 with H = 2I, p = −2z, c = ‖z‖²).
 */
public record MeanEstimation(Dataset data) implements Objective {

  @Override
  public double loss(double[] w) {
    requireDimension(w);
    double s = 0;
    for (int i = 0; i < data.rows(); i++) {
      for (int k = 0; k < data.cols(); k++) {
        double r = w[k] - data.features()[i * data.cols() + k];
        s += r * r;
      }
    }
    return s / data.rows();
  }

  @Override
  public void gradient(double[] w, double[] out) {
    requireDimension(w);
    for (int k = 0; k < out.length; k++) {
      out[k] = 2 * w[k];
    }
    double scale = -2.0 / data.rows();
    for (int i = 0; i < data.rows(); i++) {
      data.addScaled(i, scale, out, 0);
    }
  }

  @Override
  public void hessianVector(double[] w, double[] v, double[] out) {
    requireDimension(v);
    for (int k = 0; k < out.length; k++) {
      out[k] = 2 * v[k];
    }
  }

  /** The sample mean, this objective's exact minimiser. */
  public double[] sampleMean() {
    double[] m = new double[data.cols()];
    for (int i = 0; i < data.rows(); i++) {
      data.addScaled(i, 1.0 / data.rows(), m, 0);
    }
    return m;
  }

  @Override
  public Objective restrict(int[] samples) {
    return new MeanEstimation(data.subset(samples));
  }

  @Override
  public Objective on(Dataset other) {
    return new MeanEstimation(other);
  }
}
