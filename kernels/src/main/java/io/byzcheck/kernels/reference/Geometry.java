package io.byzcheck.kernels.reference;

/** Direct double-precision geometry for the references: no Gram trick, no centring. */
public final class Geometry {
  private Geometry() {}

  public static double squaredDistance(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      double e = a[k] - b[k];
      s += e * e;
    }
    return s;
  }

  public static double[][] squaredDistances(double[][] x) {
    int n = x.length;
    double[][] d2 = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        d2[i][j] = d2[j][i] = squaredDistance(x[i], x[j]);
      }
    }
    return d2;
  }

  public static double norm(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v * v;
    }
    return Math.sqrt(s);
  }

  public static double[] mean(double[][] x, int[] which) {
    double[] out = new double[x[0].length];
    for (int i : which) {
      for (int k = 0; k < out.length; k++) {
        out[k] += x[i][k];
      }
    }
    for (int k = 0; k < out.length; k++) {
      out[k] /= which.length;
    }
    return out;
  }
}
