package io.byzcheck.properties.gen;

import java.util.SplittableRandom;

/** Where the f Byzantine vectors go, given the honest ones. */
public enum ByzantinePlacement {
  /** Far outside the honest cluster (10³ diameters away, in random directions). */
  FAR_OUTLIERS,
  /** On the boundary of the honest cluster: extreme honest points pushed slightly outward. */
  BOUNDARY_INLIERS,
  /** All f at one point just outside the cluster (collusion). */
  COORDINATED_POINT,
  /** Per coordinate, the honest maximum (or minimum) plus a margin: drags coordinate-wise rules. */
  PER_COORDINATE_EXTREMES,
  /** "A little is enough": mean ± z·std per coordinate with z = 1 (Baruch et al.; RESAM D.1). */
  ALIE,
  /** Inner-product manipulation / "fall of empires" (Xie et al. 2020; RESAM D.1): −ε·(honest mean), ε = 0.1. */
  INNER_PRODUCT_MANIPULATION,
  /** RESAM Prop. 2: the first n − f vectors 0, the rest 1 (the honest family is ignored). */
  LOWER_BOUND_CONSTRUCTION;

  /** Fills rows [h, n) of x from the honest rows [0, h). */
  void place(SplittableRandom rnd, double[][] x, int h) {
    int n = x.length;
    int d = x[0].length;
    double[] mean = new double[d];
    double[] std = new double[d];
    double[] lo = new double[d];
    double[] hi = new double[d];
    java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < h; i++) {
      for (int k = 0; k < d; k++) {
        mean[k] += x[i][k] / h;
        lo[k] = Math.min(lo[k], x[i][k]);
        hi[k] = Math.max(hi[k], x[i][k]);
      }
    }
    double diam = 0;
    for (int i = 0; i < h; i++) {
      double s = 0;
      for (int k = 0; k < d; k++) {
        double dev = x[i][k] - mean[k];
        std[k] += dev * dev / h;
        s += dev * dev;
      }
      diam = Math.max(diam, 2 * Math.sqrt(s));
    }
    double scale = diam > 0 ? diam : 1;
    double[] shared = randomUnit(rnd, d);
    for (int i = h; i < n; i++) {
      switch (this) {
        case FAR_OUTLIERS -> {
          double[] u = randomUnit(rnd, d);
          for (int k = 0; k < d; k++) {
            x[i][k] = mean[k] + 1e3 * scale * u[k];
          }
        }
        case BOUNDARY_INLIERS -> {
          double[] src = x[rnd.nextInt(h)];
          for (int k = 0; k < d; k++) {
            x[i][k] = mean[k] + 1.05 * (src[k] - mean[k]);
          }
        }
        case COORDINATED_POINT -> {
          for (int k = 0; k < d; k++) {
            x[i][k] = mean[k] + 0.75 * scale * shared[k];
          }
        }
        case PER_COORDINATE_EXTREMES -> {
          for (int k = 0; k < d; k++) {
            double margin = 0.1 * (hi[k] - lo[k]);
            x[i][k] = shared[k] >= 0 ? hi[k] + margin : lo[k] - margin;
          }
        }
        case ALIE -> {
          for (int k = 0; k < d; k++) {
            x[i][k] = mean[k] + (shared[k] >= 0 ? 1 : -1) * Math.sqrt(std[k]);
          }
        }
        case INNER_PRODUCT_MANIPULATION -> {
          for (int k = 0; k < d; k++) {
            x[i][k] = -0.1 * mean[k];
          }
        }
        case LOWER_BOUND_CONSTRUCTION -> {
          for (int k = 0; k < d; k++) {
            x[i][k] = 1;
          }
        }
      }
    }
    if (this == LOWER_BOUND_CONSTRUCTION) {
      for (int i = 0; i < h; i++) {
        java.util.Arrays.fill(x[i], 0);
      }
    }
  }

  static double[] randomUnit(SplittableRandom rnd, int d) {
    double[] u = new double[d];
    double s = 0;
    for (int k = 0; k < d; k++) {
      u[k] = rnd.nextGaussian();
      s += u[k] * u[k];
    }
    s = Math.sqrt(s);
    for (int k = 0; k < d; k++) {
      u[k] = s > 0 ? u[k] / s : (k == 0 ? 1 : 0);
    }
    return u;
  }
}
