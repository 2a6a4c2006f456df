package io.byzcheck.theory.yin;

import io.byzcheck.theory.VectorMath;
import io.byzcheck.theory.Admissibility;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.Discrepancy;
import java.util.Arrays;

/**
 * Yin et al. 2018, Definition 2 (YIN-DEF2): for β ∈ [0, 1/2), the coordinate-wise β-trimmed mean has
 * k-th coordinate (1/((1−2β)m))·Σ_{x∈U_k} x, U_k being x_k¹..x_kᵐ without their βm largest and βm smallest
 * elements. The normalisation equals 1/|U_k| only when βm is an integer, so that is required here (see
 * {@link #NON_INTEGER_DISCREPANCY}); the analysis (Lemma 3) also counts "βm" trimmed machines per side.
 */
public final class TrimmedMean {
  public static final Citation CITATION = new Citation("YIN-DEF2", "YIN", "§3, Definition 2");

  /** The definition leaves βm ∉ ℕ open; we require an integer. */
  public static final Discrepancy NON_INTEGER_DISCREPANCY = new Discrepancy("YIN-DEF2",
      "Definition 2: remove 'the largest and smallest β fraction' and divide the sum of the rest by (1−2β)m",
      "βm must be an integer (else IllegalArgumentException); then |U_k| = (1−2β)m and the result is the mean of U_k",
      "for βm ∉ ℕ 'a β fraction' is not a number of elements, and any rounding of it makes |U_k| ≠ (1−2β)m, "
          + "so the printed normalisation would scale the result by |U_k|/((1−2β)m) ≠ 1 (identical inputs x "
          + "would not give x)");

  private TrimmedMean() {}

  /** The number βm of values trimmed per side, when the definition applies. */
  public static int trimmedPerSide(double beta, int m) {
    conditions(beta, m).orThrow();
    return (int) Math.round(beta * m);
  }

  /** The normalisation 1/((1−2β)m) of Definition 2. */
  public static double normalisation(double beta, int m) {
    conditions(beta, m).orThrow();
    return 1 / ((1 - 2 * beta) * m);
  }

  /** β ∈ [0, 1/2), m ≥ 1 and βm ∈ ℕ. */
  public static Admissibility conditions(double beta, int m) {
    double bm = beta * m;
    return Admissibility.of(CITATION)
        .require("β ∈ [0, 1/2)", beta >= 0 && beta < 0.5, "β = " + beta)
        .require("m ≥ 1", m >= 1, "m = " + m)
        .require("βm is an integer", Math.abs(bm - Math.rint(bm)) < 1e-9, "βm = " + bm)
        .build();
  }

  /** trmean_β of one coordinate's values. */
  public static double trimmedMean(double beta, double... values) {
    int m = values.length;
    int k = trimmedPerSide(beta, m);
    double[] s = values.clone();
    for (double v : s) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("Definition 2 is stated for real vectors: every value must be finite, got " + v);
      }
    }
    Arrays.sort(s);
    double sum = 0;
    for (int i = k; i < m - k; i++) {
      sum += s[i];
    }
    return sum * normalisation(beta, m);
  }

  /** trmean_β{xⁱ} coordinate by coordinate. */
  public static double[] of(double[][] vectors, double beta) {
    int d = VectorMath.requireRectangular(vectors, "Definition 2");
    double[] out = new double[d];
    double[] column = new double[vectors.length];
    for (int k = 0; k < d; k++) {
      for (int i = 0; i < vectors.length; i++) {
        column[i] = vectors[i][k];
      }
      out[k] = trimmedMean(beta, column);
    }
    return out;
  }
}
