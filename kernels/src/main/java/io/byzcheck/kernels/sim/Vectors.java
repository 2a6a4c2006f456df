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

  public static double[] toDoubles(float[] a) {
    double[] d = new double[a.length];
    for (int k = 0; k < a.length; k++) {
      d[k] = a[k];
    }
    return d;
  }
}
