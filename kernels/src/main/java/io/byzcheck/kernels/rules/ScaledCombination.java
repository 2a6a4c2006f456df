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
      for (int k = 0; k < out.length; k++) {
        out[k] = (float) (out[k] * total);
      }
    }
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
