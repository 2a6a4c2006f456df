package io.byzcheck.theory.resam;

/** Euclidean helpers for RESAM's definitions; every input is validated so that no NaN leaks into a bound. */
final class VectorMath {
  private VectorMath() {}

  static int requireRectangular(double[][] xs, String where) {
    if (xs == null || xs.length == 0) {
      throw new IllegalArgumentException(where + " needs n ≥ 1 vectors, got none");
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

  static void requireVector(double[] x, int d, String where) {
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
  static double distance(double[] a, double[] b) {
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

  static double norm(double[] a) {
    return distance(a, new double[a.length]);
  }

  /** Distinct indices of [0, n), validated. */
  static void requireSubset(int[] s, int n, String where) {
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
