package io.byzcheck.kernels.rules;

/**
 * out = Σᵢ βᵢ·rows[i] (β ≥ 0, Σβ = 1) in one pass over the data: the final step of every
 * coefficient-space rule. Computed as x_a + Σᵢ βᵢ(xᵢ − x_a) in double, with a the largest weight, so
 * that averaging identical vectors returns them exactly and close vectors lose nothing to a large
 * common offset; double accumulation cannot overflow.
 */
final class Combination {
  private static final int BLOCK = 2048;

  private Combination() {}

  static void write(float[][] rows, double[] beta, float[] out) {
    int anchor = 0;
    for (int i = 1; i < beta.length; i++) {
      if (beta[i] > beta[anchor]) {
        anchor = i;
      }
    }
    float[] xa = rows[anchor];
    double[] acc = new double[Math.min(BLOCK, out.length)];
    for (int from = 0; from < out.length; from += BLOCK) {
      int len = Math.min(BLOCK, out.length - from);
      java.util.Arrays.fill(acc, 0, len, 0);
      for (int i = 0; i < rows.length; i++) {
        double b = beta[i];
        if (b == 0 || i == anchor) {
          continue;
        }
        float[] row = rows[i];
        for (int k = 0; k < len; k++) {
          acc[k] += b * ((double) row[from + k] - xa[from + k]);
        }
      }
      for (int k = 0; k < len; k++) {
        out[from + k] = (float) (xa[from + k] + acc[k]);
      }
    }
  }

  /** out = the average of the listed rows. */
  static void average(float[][] rows, int[] which, float[] out) {
    double[] beta = new double[rows.length];
    for (int i : which) {
      beta[i] += 1.0 / which.length;
    }
    write(rows, beta, out);
  }
}
