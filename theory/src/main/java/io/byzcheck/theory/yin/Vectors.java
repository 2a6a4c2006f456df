package io.byzcheck.theory.yin;

/** Shape checks shared by Yin's definitions. */
final class Vectors {
  private Vectors() {}

  /** The common dimension d ≥ 1 of m ≥ 1 finite vectors, or an IllegalArgumentException naming what is wrong. */
  static int requireRectangular(double[][] vectors, String where) {
    if (vectors == null || vectors.length == 0) {
      throw new IllegalArgumentException(where + " needs m ≥ 1 vectors, got none");
    }
    int d = vectors[0].length;
    if (d == 0) {
      throw new IllegalArgumentException(where + " needs dimension d ≥ 1, got d = 0");
    }
    for (double[] v : vectors) {
      if (v.length != d) {
        throw new IllegalArgumentException(where + " needs vectors of one dimension d, got " + d + " and " + v.length);
      }
      for (double x : v) {
        if (!Double.isFinite(x)) {
          throw new IllegalArgumentException(where + " is stated for real vectors: every coordinate must be finite, got " + x);
        }
      }
    }
    return d;
  }
}
