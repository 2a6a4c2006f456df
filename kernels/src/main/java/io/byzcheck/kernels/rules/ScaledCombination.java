package io.byzcheck.kernels.rules;

/**
 * out = Σᵢ βᵢ·rows[i] for weights βᵢ ≥ 0 of any total: the last step of the rules that rescale the vectors they
 * average (clipping to a norm, FLTrust's rescaling to ‖g₀‖), where Σβ is not 1. Computed as (Σβ)·Σᵢ(βᵢ/Σβ)xᵢ
 * with {@link Combination} (anchored, in double, so averaging identical vectors loses nothing), then one
 * multiplication; Σβ = 0 gives the zero vector.
 */
final class ScaledCombination {
  private ScaledCombination() {}

  /** out = Σᵢ βᵢ·rows[i]; {@code beta} (length rows.length, βᵢ ≥ 0, finite) is overwritten by β/Σβ. */
  static void write(float[][] rows, double[] beta, float[] out) {
    double total = 0;
    for (double b : beta) {
      total += b;
    }
    if (!(total > 0)) {
      java.util.Arrays.fill(out, 0f);
      return;
    }
    for (int i = 0; i < beta.length; i++) {
      beta[i] /= total;
    }
    Combination.write(rows, beta, out);
    if (total != 1) {
      int anchor = 0;
      for (int i = 1; i < beta.length; i++) {
        anchor = beta[i] > beta[anchor] ? i : anchor;
      }
      for (int k = 0; k < out.length; k++) {
        float scaled = (float) (out[k] * total);
        // The combination was rounded to float before the scaling: harmless (one more rounding) while it is a
        // normal float, but below the normal range its absolute error 2⁻¹⁵⁰ is multiplied by Σβ (FLTrust's
        // ‖g₀‖/‖gᵢ‖ reaches 10⁷ on subnormal workers), and a rounded-up combination can overflow where the exact
        // product fits. Those coordinates are recomputed in double and rounded once.
        if (!(Math.abs(out[k]) >= Float.MIN_NORMAL) || !Float.isFinite(scaled)) {
          scaled = (float) (total * exactCoordinate(rows, beta, anchor, k));
        }
        out[k] = scaled;
      }
    }
  }

  /** Σᵢ βᵢ·rows[i][k] for Σβ = 1 in double, anchored at row a as {@link Combination} is. */
  private static double exactCoordinate(float[][] rows, double[] beta, int a, int k) {
    double xa = rows[a][k];
    double s = 0;
    for (int i = 0; i < rows.length; i++) {
      if (beta[i] != 0 && i != a) {
        s += beta[i] * (rows[i][k] - xa);
      }
    }
    return xa + s;
  }

  /**
   * out = the mean over the selected rows of xᵢ·min{1, τ/‖xᵢ‖} (each clipped to norm τ), the last step of SignGuard
   * and clipped clustering; nothing selected gives the zero vector.
   */
  static void clippedMean(float[][] rows, double[] norms, boolean[] selected, double tau, float[] out) {
    int size = 0;
    for (boolean s : selected) {
      size += s ? 1 : 0;
    }
    double[] beta = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      if (selected[i]) {
        beta[i] = (norms[i] > tau ? tau / norms[i] : 1) / size;
      }
    }
    write(rows, beta, out);
  }
}
