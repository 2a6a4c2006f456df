package io.byzcheck.kernels.gram;

/** Portable double accumulation of the centred Gram matrix, blocked over coordinates. */
public final class ScalarGramKernel implements GramKernel {
  private static final int BLOCK = 256;

  @Override
  public void gram(float[][] rows, float[] c, double[][] g) {
    int n = rows.length;
    int d = c.length;
    for (double[] row : g) {
      java.util.Arrays.fill(row, 0);
    }
    double[][] y = new double[n][BLOCK];
    for (int from = 0; from < d; from += BLOCK) {
      int len = Math.min(BLOCK, d - from);
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < len; k++) {
          y[i][k] = (double) rows[i][from + k] - c[from + k];
        }
      }
      for (int i = 0; i < n; i++) {
        for (int j = i; j < n; j++) {
          double s = 0;
          for (int k = 0; k < len; k++) {
            s += y[i][k] * y[j][k];
          }
          g[i][j] += s;
        }
      }
    }
    symmetrise(g);
  }

  @Override
  public void squaredNorms(float[][] rows, double[] out) {
    for (int i = 0; i < rows.length; i++) {
      double s = 0;
      for (float v : rows[i]) {
        s += (double) v * v;
      }
      out[i] = s;
    }
  }

  /** Copies the upper triangle to the lower one. */
  public static void symmetrise(double[][] g) {
    for (int i = 0; i < g.length; i++) {
      for (int j = 0; j < i; j++) {
        g[i][j] = g[j][i];
      }
    }
  }
}
