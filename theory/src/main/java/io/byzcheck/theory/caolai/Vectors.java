package io.byzcheck.theory.caolai;

/** Euclidean helpers for Cao &amp; Lai's algorithms, with validation. */
final class Vectors {
  private Vectors() {}

  static int requireRectangular(double[][] xs, String where) {
    if (xs == null || xs.length == 0) {
      throw new IllegalArgumentException(where + " needs at least one vector, got none");
    }
    int d = xs[0].length;
    for (double[] x : xs) {
      requireVector(x, d, where);
    }
    if (d == 0) {
      throw new IllegalArgumentException(where + " needs dimension d ≥ 1");
    }
    return d;
  }

  static void requireVector(double[] x, int d, String where) {
    if (x.length != d) {
      throw new IllegalArgumentException(where + " needs vectors of one dimension d = " + d + ", got " + x.length);
    }
    for (double v : x) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(where + " needs finite coordinates, got " + v);
      }
    }
  }

  static double distance(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += (a[k] - b[k]) * (a[k] - b[k]);
    }
    return Math.sqrt(s);
  }

  static double[] mean(double[][] xs) {
    int d = requireRectangular(xs, "mean");
    double[] m = new double[d];
    for (double[] x : xs) {
      for (int k = 0; k < d; k++) {
        m[k] += x[k] / xs.length;
      }
    }
    return m;
  }

  static double[] step(double[] theta, double eta, double[] direction, String where) {
    requireVector(direction, theta.length, where);
    if (!(eta > 0) || Double.isInfinite(eta)) {
      throw new IllegalArgumentException(where + " needs a step size η > 0, got η = " + eta);
    }
    double[] out = new double[theta.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = theta[k] - eta * direction[k];
    }
    return out;
  }
}
