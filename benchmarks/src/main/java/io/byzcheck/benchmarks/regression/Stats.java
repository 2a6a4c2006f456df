package io.byzcheck.benchmarks.regression;

/** Means, variances and logs of the few per-fork values a verdict rests on. */
final class Stats {
  private Stats() {}

  static double[] logs(double[] x) {
    double[] l = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      l[i] = Math.log(x[i]);
    }
    return l;
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  static double median(double[] x) {
    double[] s = x.clone();
    java.util.Arrays.sort(s);
    int h = s.length / 2;
    return s.length % 2 == 1 ? s[h] : (s[h - 1] + s[h]) / 2;
  }

  /** The unbiased sample variance (n − 1 in the denominator); 0 for a single value. */
  static double variance(double[] x) {
    if (x.length < 2) {
      return 0;
    }
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return s / (x.length - 1);
  }

  /** (max − min) / geometric mean: the fork-to-fork spread the report quotes. */
  static double relativeSpread(double[] x) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return (hi - lo) / Math.exp(mean(logs(x)));
  }
}
