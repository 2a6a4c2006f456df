package io.byzcheck.kernels.sim;

/** The few double-vector operations the simulator needs; plain loops, d is small next to the data. */
public final class Vectors {
  private Vectors() {}

  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  /** ‖a‖, scaled so that huge coordinates do not overflow. */
  public static double norm(double[] a) {
    double max = 0;
    for (double v : a) {
      max = Math.max(max, Math.abs(v));
    }
    if (max == 0 || !Double.isFinite(max)) {
      return max;
    }
    double s = 0;
    for (double v : a) {
      double t = v / max;
      s += t * t;
    }
    return max * Math.sqrt(s);
  }

  public static double distance(double[] a, double[] b) {
    double[] diff = new double[a.length];
    for (int k = 0; k < a.length; k++) {
      diff[k] = a[k] - b[k];
    }
    return norm(diff);
  }

  /** y += a·x. */
  public static void axpy(double a, double[] x, double[] y) {
    if (a == 0) {
      return;
    }
    for (int k = 0; k < x.length; k++) {
      y[k] += a * x[k];
    }
  }

  public static float[] toFloats(double[] a) {
    return toFloats(a, new float[a.length]);
  }

  /** Rounds a to float32 into f and returns f. */
  public static float[] toFloats(double[] a, float[] f) {
    for (int k = 0; k < a.length; k++) {
      f[k] = (float) a[k];
    }
    return f;
  }

  /**
   * Rounds a to float32 into f; false if a value is not finite there (NaN, ±∞, or beyond ±3.4·10³⁸, which float32
   * rounds to ±∞). One pass: the simulator's exchanges check every honest message.
   */
  public static boolean toFiniteFloats(double[] a, float[] f) {
    boolean finite = true;
    for (int k = 0; k < a.length; k++) {
      float v = (float) a[k];
      f[k] = v;
      finite &= Float.isFinite(v);
    }
    return finite;
  }

  public static double[] toDoubles(float[] a) {
    double[] d = new double[a.length];
    for (int k = 0; k < a.length; k++) {
      d[k] = a[k];
    }
    return d;
  }
}
