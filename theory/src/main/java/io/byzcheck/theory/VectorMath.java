package io.byzcheck.theory;

/**
 * Euclidean helpers for the statements that take vectors (RESAM's definitions, Yin's median and
 * trimmed mean, Cao &amp; Lai's algorithms); every input is validated so that no NaN leaks into a bound.
 */
public final class VectorMath {
  private VectorMath() {}

  /** The common dimension d ≥ 1 of at least one finite vector, or an error naming what is wrong. */
  public static int requireRectangular(double[][] xs, String where) {
    if (xs == null || xs.length == 0) {
      throw new IllegalArgumentException(where + " needs at least one vector, got none");
    }
    int d = xs[0].length;
    if (d == 0) {
      throw new IllegalArgumentException(where + " needs dimension d ≥ 1, got d = 0");
    }
    for (double[] x : xs) {
      requireVector(x, d, where);
    }
    return d;
  }

  /** x has dimension d and finite coordinates. */
  public static void requireVector(double[] x, int d, String where) {
    if (x.length != d) {
      throw new IllegalArgumentException(where + " needs vectors of one dimension d = " + d + ", got " + x.length);
    }
    for (double v : x) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(where + " is stated for real vectors: every coordinate must be finite, got " + v);
      }
    }
  }

  /** ‖a − b‖, scaled so that huge coordinates do not overflow. */
  public static double distance(double[] a, double[] b) {
    double scale = 0;
    for (int j = 0; j < a.length; j++) {
      scale = Math.max(scale, Math.abs(a[j] - b[j]));
    }
    if (scale == 0) {
      return 0;
    }
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double t = (a[j] - b[j]) / scale;
      s += t * t;
    }
    return scale * Math.sqrt(s);
  }

  public static double norm(double[] a) {
    return distance(a, new double[a.length]);
  }

  /** The coordinate-wise mean of validated vectors. */
  public static double[] mean(double[][] xs) {
    int d = requireRectangular(xs, "mean");
    double[] m = new double[d];
    for (double[] x : xs) {
      for (int k = 0; k < d; k++) {
        m[k] += x[k] / xs.length;
      }
    }
    return m;
  }

  /** θ − η·direction, with η &gt; 0 finite. */
  public static double[] step(double[] theta, double eta, double[] direction, String where) {
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

  /** Distinct indices of [0, n), validated. */
  public static void requireSubset(int[] s, int n, String where) {
    boolean[] seen = new boolean[n];
    for (int i : s) {
      if (i < 0 || i >= n) {
        throw new IllegalArgumentException(where + " needs S ⊆ [n]: index " + i + " is outside [0, " + n + ")");
      }
      if (seen[i]) {
        throw new IllegalArgumentException(where + " needs S to be a set: index " + i + " repeats");
      }
      seen[i] = true;
    }
  }
}
