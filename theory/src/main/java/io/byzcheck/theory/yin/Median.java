package io.byzcheck.theory.yin;

import io.byzcheck.theory.VectorMath;
import io.byzcheck.theory.Citation;
import java.util.Arrays;

/**
 * Yin et al. 2018, Definition 1 (YIN-DEF1): the coordinate-wise median g = med{xⁱ : i ∈ [m]} has k-th
 * coordinate the usual one-dimensional median of x_k¹, …, x_kᵐ. "Usual" is read as the middle order
 * statistic for odd m and the midpoint of the two middle ones for even m (the paper does not say; the
 * analysis (Corollary 1) only uses that p̂(med) = 1/2, which both middle values and their midpoint
 * satisfy). This is the plain reference formula, not a fast kernel.
 */
public final class Median {
  public static final Citation CITATION = new Citation("YIN-DEF1", "YIN", "§3, Definition 1");

  private Median() {}

  /** The one-dimensional median; midpoint of the two middle values when the count is even. */
  public static double median(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("Definition 1 needs m ≥ 1 values, got none");
    }
    double[] s = values.clone();
    for (double v : s) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("Definition 1 is stated for real vectors: every value must be finite, got " + v);
      }
    }
    Arrays.sort(s);
    int m = s.length;
    // Midpoint as a + (b − a)/2 so that two values near ±Double.MAX_VALUE do not overflow.
    return m % 2 == 1 ? s[m / 2] : s[m / 2 - 1] + (s[m / 2] - s[m / 2 - 1]) / 2;
  }

  /** med{xⁱ}: vectors of equal dimension d ≥ 1, m ≥ 1 of them. */
  public static double[] of(double[][] vectors) {
    int d = VectorMath.requireRectangular(vectors, "Definition 1");
    double[] out = new double[d];
    double[] column = new double[vectors.length];
    for (int k = 0; k < d; k++) {
      for (int i = 0; i < vectors.length; i++) {
        column[i] = vectors[i][k];
      }
      out[k] = median(column);
    }
    return out;
  }
}
