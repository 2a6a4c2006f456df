package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * out = Σᵢ βᵢ·rows[i] (β ≥ 0, Σβ = 1) in one pass over the data: the final step of every
 * coefficient-space rule. Computed as x_a + Σᵢ βᵢ(xᵢ − x_a) in double, with a the largest weight, so
 * that averaging identical vectors returns them exactly and close vectors lose nothing to a large
 * common offset; double accumulation cannot overflow.
 */
final class Combination {
  private Combination() {}

  static void write(float[][] rows, double[] beta, float[] out) {
    VectorizationProvider.getInstance().gramKernel().combine(rows, beta, anchor(beta), out);
  }

  /** {@link #write}, and whether out is finite (false exactly when a row read holds NaN or ±∞), in the same pass. */
  static boolean writeIfFinite(float[][] rows, double[] beta, float[] out) {
    return VectorizationProvider.getInstance().gramKernel().combineIfFinite(rows, beta, anchor(beta), out);
  }

  /** The first of the largest weights. */
  private static int anchor(double[] beta) {
    int anchor = 0;
    for (int i = 1; i < beta.length; i++) {
      if (beta[i] > beta[anchor]) {
        anchor = i;
      }
    }
    return anchor;
  }

  /** out = the average of the listed rows (beta: a scratch of length rows.length, overwritten). */
  static void average(float[][] rows, int[] which, int count, double[] beta, float[] out) {
    java.util.Arrays.fill(beta, 0);
    for (int t = 0; t < count; t++) {
      beta[which[t]] += 1.0 / count;
    }
    write(rows, beta, out);
  }

  /** out = the average of the listed rows. */
  static void average(float[][] rows, int[] which, float[] out) {
    average(rows, which, which.length, new double[rows.length], out);
  }
}
