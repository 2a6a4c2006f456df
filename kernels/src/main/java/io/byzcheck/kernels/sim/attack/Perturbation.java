package io.byzcheck.kernels.sim.attack;

/**
 * The perturbation directions of Shejwalkar &amp; Houmansadr 2021 (NDSS, "Manipulating the Byzantine", §IV): the
 * malicious vector is ḡ − γ·p with ḡ the honest mean and p one of these (the authors' code subtracts its
 * "deviation"; the paper writes ∇ᵖ = −p).
 */
public enum Perturbation {
  /** p = ḡ/‖ḡ‖ (inverse unit vector); 0 when ḡ = 0, which leaves the attack at ḡ. */
  UNIT_VECTOR("uv"),
  /** p = sign(ḡ), coordinate-wise (inverse sign). */
  SIGN("sgn"),
  /** p = the coordinate-wise standard deviation of the honest vectors, 1/(|H| − 1) as the authors' torch.std. */
  STD("std");

  private final String label;

  Perturbation(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** p for the honest vectors and their mean. */
  public double[] of(double[][] honest, double[] mean) {
    int d = mean.length;
    double[] p = new double[d];
    switch (this) {
      case UNIT_VECTOR -> {
        double norm = 0;
        for (double v : mean) {
          norm += v * v;
        }
        norm = Math.sqrt(norm);
        for (int k = 0; k < d && norm > 0; k++) {
          p[k] = mean[k] / norm;
        }
      }
      case SIGN -> {
        for (int k = 0; k < d; k++) {
          p[k] = Math.signum(mean[k]);
        }
      }
      case STD -> {
        int h = honest.length;
        for (int k = 0; k < d && h > 1; k++) {
          double s = 0;
          for (double[] x : honest) {
            s += (x[k] - mean[k]) * (x[k] - mean[k]);
          }
          p[k] = Math.sqrt(s / (h - 1));
        }
      }
    }
    return p;
  }
}
