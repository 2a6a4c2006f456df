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

  /** Σᵢ‖z − xᵢ‖: the geometric median's objective (Cao &amp; Lai eq. 13). */
  public static double sumOfDistances(double[][] x, double[] z) {
    double s = 0;
    for (double[] xi : x) {
      s += Math.sqrt(squaredDistance(xi, z));
    }
    return s;
  }

  /** Σᵢ wᵢ‖z − xᵢ‖: the weighted geometric median's objective (rows of weight 0 take no part). */
  public static double sumOfDistances(double[][] x, double[] w, double[] z) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      if (w[i] > 0) {
        s += w[i] * Math.sqrt(squaredDistance(x[i], z));
      }
    }
    return s;
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

  /**
   * The norms of the rows, their median τ (midpoint for an even count) and the mean over the selected rows of
   * xᵢ·min{1, τ/‖xᵢ‖}, formed coordinate by coordinate (the zero vector if none is selected): SignGuard's and
   * clipped clustering's last step. {@code selected} is given the norms and τ.
   */
  public static double[] clippedMean(double[][] x, java.util.function.BiFunction<double[], Double, boolean[]> selected) {
    int n = x.length;
    int d = x[0].length;
    double[] norms = new double[n];
    for (int i = 0; i < n; i++) {
      norms[i] = norm(x[i]);
    }
    double tau = io.byzcheck.kernels.rules.ClippedClustering.median(norms);
    boolean[] s = selected.apply(norms, tau);
    int size = 0;
    double[] out = new double[d];
    for (int i = 0; i < n; i++) {
      if (s[i]) {
        size++;
        double scale = norms[i] > tau ? tau / norms[i] : 1;
        for (int k = 0; k < d; k++) {
          out[k] += x[i][k] * scale;
        }
      }
    }
    if (size > 0) {
      for (int k = 0; k < d; k++) {
        out[k] /= size;
      }
    }
    return out;
  }
}
