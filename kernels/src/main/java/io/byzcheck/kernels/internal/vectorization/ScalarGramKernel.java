package io.byzcheck.kernels.internal.vectorization;

/**
 * Portable double accumulation of the centred Gram matrix, blocked over coordinates, and the portable
 * combination pass. Its buffers live in the thread's {@link KernelScratch} and are reused, so steady-state calls allocate nothing.
 */
final class ScalarGramKernel implements GramKernel {
  static final int BLOCK = 256;

  @Override
  public void gram(float[][] rows, float[][] sample, double[][] g, int start, int end) {
    int n = rows.length;
    for (double[] row : g) {
      java.util.Arrays.fill(row, 0);
    }
    KernelScratch s = KernelScratch.get();
    if (s.scalarCentred.length < n) {
      s.scalarCentred = new double[n][BLOCK];
    }
    double[][] y = s.scalarCentred;
    for (int from = start; from < end; from += BLOCK) {
      int len = Math.min(BLOCK, end - from);
      float[] c = s.scalarCentre.centre(sample, from, len);
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < len; k++) {
          y[i][k] = (double) rows[i][from + k] - c[k];
        }
      }
      for (int i = 0; i < n; i++) {
        for (int j = i; j < n; j++) {
          double sum = 0;
          for (int k = 0; k < len; k++) {
            sum += y[i][k] * y[j][k];
          }
          g[i][j] += sum;
        }
      }
    }
    symmetrise(g);
  }

  @Override
  public void squaredNorms(float[][] rows, double[] out, int from, int to) {
    for (int i = 0; i < rows.length; i++) {
      double s = 0;
      float[] row = rows[i];
      for (int k = from; k < to; k++) {
        s += (double) row[k] * row[k];
      }
      out[i] = s;
    }
  }

  @Override
  public void combine(float[][] rows, double[] beta, int anchor, float[] out, int from, int to) {
    combineRange(rows, beta, anchor, out, from, to, KernelScratch.get().scalarCombination);
  }

  /** The combination over [from, to), blocked so the double accumulator stays in cache; also the SIMD tail. */
  static void combineRange(float[][] rows, double[] beta, int anchor, float[] out, int start, int end,
      double[] acc) {
    float[] xa = rows[anchor];
    for (int from = start; from < end; from += acc.length) {
      int len = Math.min(acc.length, end - from);
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

  /** Copies the upper triangle to the lower one. */
  static void symmetrise(double[][] g) {
    for (int i = 0; i < g.length; i++) {
      for (int j = 0; j < i; j++) {
        g[i][j] = g[j][i];
      }
    }
  }
}
