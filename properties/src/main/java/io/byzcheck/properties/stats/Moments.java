package io.byzcheck.properties.stats;

/**
 * Sample mean and unbiased sample variance of one column of observations (Welford's update, so that large
 * means do not cancel the variance), over the first n trials.
 */
public record Moments(long n, double mean, double variance) {

  public static Moments of(double[][] observations, int column, int n) {
    if (n < 2) {
      throw new IllegalArgumentException("moments need at least two trials, got " + n);
    }
    double mean = 0;
    double m2 = 0;
    for (int i = 0; i < n; i++) {
      double x = observations[i][column];
      if (!Double.isFinite(x)) {
        throw new IllegalArgumentException("trial " + i + " observed a non-finite value " + x + " in column " + column);
      }
      double delta = x - mean;
      mean += delta / (i + 1);
      m2 += delta * (x - mean);
    }
    return new Moments(n, mean, m2 / (n - 1));
  }

  public double standardError() {
    return Math.sqrt(variance / n);
  }

  /** Sample covariance of two columns over the first n trials. */
  public static double covariance(double[][] observations, int a, int b, int n) {
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      ma += observations[i][a] / n;
      mb += observations[i][b] / n;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += (observations[i][a] - ma) * (observations[i][b] - mb);
    }
    return s / (n - 1);
  }
}
