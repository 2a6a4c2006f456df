package io.byzcheck.kernels.rules;

/** out = Σᵢ βᵢ·rows[i] in one pass over the data (the final step of every coefficient-space rule). */
final class Combination {
  private Combination() {}

  static void write(float[][] rows, double[] beta, float[] out) {
    java.util.Arrays.fill(out, 0f);
    for (int i = 0; i < rows.length; i++) {
      float b = (float) beta[i];
      if (b == 0f) {
        continue;
      }
      float[] row = rows[i];
      for (int k = 0; k < out.length; k++) {
        out[k] = Math.fma(row[k], b, out[k]);
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
