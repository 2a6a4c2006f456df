package io.byzcheck.properties.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The slope of log(error) against log(x) (or against x, for a contraction factor), with a standard error that
 * accounts for the spread of the trials.
 *
 * <p>The fitted slope is least squares with weights fixed by the design (equal per grid point), so it is a
 * fixed linear combination b̂ = Σⱼ cⱼ·ȳⱼ of the per-point means ȳⱼ of log(error), cⱼ = (uⱼ − ū)/Σ(u − ū)², uⱼ =
 * log xⱼ. Its estimand is the least-squares slope through the true means E[log error] over the grid — an average
 * of the local slope over the grid, whatever the curve's shape — so no linear model has to hold for the standard
 * error to be right. (Inverse-variance weights would be more efficient but would make the estimand depend on
 * the noise when the curve bends, as a sum of terms does.)
 * <ul>
 *   <li>{@link #independent}: the grid points are independent experiments (each trial runs at one point), so
 *       Var b̂ = Σⱼ cⱼ²·sⱼ²/Nⱼ, with Welch–Satterthwaite degrees of freedom.</li>
 *   <li>{@link #independentOfMeans}: as {@link #independent} with log(mean error) per point (delta method).</li>
 *   <li>{@link #paired}: each trial observes every grid point (e.g. log‖w_t − w*‖ at every t of one run), so the
 *       points are dependent; the slope of each trial, bᵢ = Σⱼ cⱼ·yᵢⱼ, is i.i.d. across trials and b̂ is their
 *       mean, with the one-sample t standard error (N − 1 degrees of freedom).</li>
 * </ul>
 * Both are asymptotic (CLT for the means of log errors, which are light-tailed for errors of bounded relative
 * spread); at the levels used here (≈10⁻⁵) the t quantile is the stated approximation.
 *
 * @param x the grid (x, not log x)
 * @param logX whether the slope is against log x (a rate) or against x (a contraction: log ρ per unit of x)
 * @param trials trials per grid point
 * @param meanLog per point, the mean of log(error) (natural log)
 * @param standardError per point, the standard error of {@code meanLog}
 * @param slope b̂
 * @param intercept â, the fitted line being â + b̂·u
 * @param slopeError the standard error of b̂
 * @param degreesOfFreedom of the t distribution the tests use
 */
public record SlopeFit(double[] x, boolean logX, int[] trials, double[] meanLog, double[] standardError, double slope,
    double intercept, double slopeError, double degreesOfFreedom) {

  public SlopeFit {
    x = x.clone();
    trials = trials.clone();
    meanLog = meanLog.clone();
    standardError = standardError.clone();
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public int[] trials() {
    return trials.clone();
  }

  @Override
  public double[] meanLog() {
    return meanLog.clone();
  }

  @Override
  public double[] standardError() {
    return standardError.clone();
  }

  /**
   * Fit over independent grid points.
   *
   * @param errors errors[j][i]: trial i at grid point j; every error finite and &gt; 0, ≥ 2 trials per point
   */
  public static SlopeFit independent(double[] x, boolean logX, double[][] errors) {
    double[] c = coefficients(x, logX, errors.length);
    int k = x.length;
    double[] mean = new double[k];
    double[] se = new double[k];
    int[] count = new int[k];
    double var = 0;
    double dfDenominator = 0;
    for (int j = 0; j < k; j++) {
      double[][] col = logs(errors[j], j);
      Moments m = Moments.of(col, 0, col.length);
      mean[j] = m.mean();
      se[j] = m.standardError();
      count[j] = col.length;
      double v = c[j] * c[j] * se[j] * se[j];
      var += v;
      dfDenominator += v * v / (col.length - 1);
    }
    double df = dfDenominator > 0 ? var * var / dfDenominator : Double.POSITIVE_INFINITY;
    return finish(x, logX, count, mean, se, c, Math.sqrt(var), df);
  }

  /**
   * Fit over independent grid points of log(mean error) instead of the mean of log(error): per point log ēⱼ with the
   * delta-method standard error sⱼ/(ēⱼ√Nⱼ). The estimand is the slope of log E[error]; the same as
   * {@link #independent}'s under a power law with a scale-free spread, and 1.5× tighter for errors like |N(0, 1)|
   * (relative spread 0.76 against 1.11 for log|Z|), whose log has a heavy left tail.
   */
  public static SlopeFit independentOfMeans(double[] x, boolean logX, double[][] errors) {
    double[] c = coefficients(x, logX, errors.length);
    int k = x.length;
    double[] mean = new double[k];
    double[] se = new double[k];
    int[] count = new int[k];
    double var = 0;
    double dfDenominator = 0;
    for (int j = 0; j < k; j++) {
      double[][] col = new double[errors[j].length][1];
      for (int i = 0; i < col.length; i++) {
        log(errors[j][i], j, i);
        col[i][0] = errors[j][i];
      }
      Moments m = Moments.of(col, 0, col.length);
      mean[j] = Math.log(m.mean());
      se[j] = m.standardError() / m.mean();
      count[j] = col.length;
      double v = c[j] * c[j] * se[j] * se[j];
      var += v;
      dfDenominator += v * v / (col.length - 1);
    }
    double df = dfDenominator > 0 ? var * var / dfDenominator : Double.POSITIVE_INFINITY;
    return finish(x, logX, count, mean, se, c, Math.sqrt(var), df);
  }

  /**
   * Fit over a grid that every trial observes.
   *
   * @param errors errors[i][j]: trial i at grid point j; every error finite and &gt; 0, ≥ 2 trials
   */
  public static SlopeFit paired(double[] x, boolean logX, double[][] errors) {
    if (errors.length < 2) {
      throw new IllegalArgumentException("a paired slope fit needs at least two trials, got " + errors.length);
    }
    int k = x.length;
    double[] c = coefficients(x, logX, errors[0].length);
    double[][] perTrial = new double[errors.length][1];
    double[][] byPoint = new double[k][errors.length];
    for (int i = 0; i < errors.length; i++) {
      if (errors[i].length != k) {
        throw new IllegalArgumentException("trial " + i + " has " + errors[i].length + " errors for " + k
            + " grid points");
      }
      for (int j = 0; j < k; j++) {
        double y = log(errors[i][j], j, i);
        byPoint[j][i] = y;
        perTrial[i][0] += c[j] * y;
      }
    }
    double[] mean = new double[k];
    double[] se = new double[k];
    int[] count = new int[k];
    for (int j = 0; j < k; j++) {
      Moments m = Moments.of(asColumn(byPoint[j]), 0, errors.length);
      mean[j] = m.mean();
      se[j] = m.standardError();
      count[j] = errors.length;
    }
    Moments b = Moments.of(perTrial, 0, errors.length);
    return finish(x, logX, count, mean, se, c, b.standardError(), errors.length - 1);
  }

  /** u = log x or x, the abscissa of the fit. */
  public double abscissa(double value) {
    return logX ? Math.log(value) : value;
  }

  /** The fitted line's log(error) at x. */
  public double fitted(double value) {
    return intercept + slope * abscissa(value);
  }

  /** The line of slope s through the centroid of the per-point means (the theory slope drawn through the data). */
  public double through(double s, double value) {
    double ubar = 0;
    double ybar = 0;
    for (int j = 0; j < x.length; j++) {
      ubar += abscissa(x[j]) / x.length;
      ybar += meanLog[j] / x.length;
    }
    return ybar + s * (abscissa(value) - ubar);
  }

  /** The half-width of the fitted line's pointwise band at x, at t quantile q. */
  public double bandHalfWidth(double value, double q) {
    // Var(â + b̂u) with â = ȳ̄ − b̂ū and Cov(ȳ̄, b̂) = Σ cⱼ·sⱼ²/k: the band of a fixed linear combination
    int k = x.length;
    double ubar = 0;
    for (double v : x) {
      ubar += abscissa(v) / k;
    }
    double[] c = coefficients(x, logX, k);
    double du = abscissa(value) - ubar;
    double var = 0;
    for (int j = 0; j < k; j++) {
      double w = 1.0 / k + du * c[j];
      var += w * w * standardError[j] * standardError[j];
    }
    return q * Math.sqrt(var);
  }

  /** The t quantile of the fit's degrees of freedom. */
  public double quantile(double p) {
    return Double.isInfinite(degreesOfFreedom)
        ? org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1).inverseCumulativeProbability(p)
        : TDistribution.of(degreesOfFreedom).inverseCumulativeProbability(p);
  }

  /** P(T ≥ z) for the fit's t distribution. */
  public double survival(double z) {
    return Double.isInfinite(degreesOfFreedom)
        ? org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1).survivalProbability(z)
        : TDistribution.of(degreesOfFreedom).survivalProbability(z);
  }

  private static SlopeFit finish(double[] x, boolean logX, int[] count, double[] mean, double[] se, double[] c,
      double slopeError, double df) {
    double slope = 0;
    double ubar = 0;
    double ybar = 0;
    for (int j = 0; j < x.length; j++) {
      slope += c[j] * mean[j];
      ubar += (logX ? Math.log(x[j]) : x[j]) / x.length;
      ybar += mean[j] / x.length;
    }
    return new SlopeFit(x, logX, count, mean, se, slope, ybar - slope * ubar, slopeError, df);
  }

  /** cⱼ = (uⱼ − ū)/Σ(u − ū)². */
  static double[] coefficients(double[] x, boolean logX, int points) {
    if (x.length < 3 || x.length != points) {
      throw new IllegalArgumentException("a slope fit needs ≥ 3 grid points with errors at each, got " + x.length
          + " points and errors for " + points);
    }
    double[] u = new double[x.length];
    double ubar = 0;
    for (int j = 0; j < x.length; j++) {
      if (!Double.isFinite(x[j]) || (logX && !(x[j] > 0))) {
        throw new IllegalArgumentException("grid point " + j + " must be finite" + (logX ? " and > 0" : "")
            + ", got " + x[j]);
      }
      u[j] = logX ? Math.log(x[j]) : x[j];
      ubar += u[j] / x.length;
    }
    double sxx = 0;
    for (double v : u) {
      sxx += (v - ubar) * (v - ubar);
    }
    if (!(sxx > 0)) {
      throw new IllegalArgumentException("a slope fit needs at least two distinct grid points");
    }
    double[] c = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      c[j] = (u[j] - ubar) / sxx;
    }
    return c;
  }

  private static double[][] logs(double[] errors, int point) {
    double[][] out = new double[errors.length][1];
    for (int i = 0; i < errors.length; i++) {
      out[i][0] = log(errors[i], point, i);
    }
    return out;
  }

  private static double[][] asColumn(double[] v) {
    double[][] out = new double[v.length][1];
    for (int i = 0; i < v.length; i++) {
      out[i][0] = v[i];
    }
    return out;
  }

  private static double log(double e, int point, int trial) {
    if (!(e > 0) || !Double.isFinite(e)) {
      throw new IllegalArgumentException("an error must be finite and > 0 for a log-log fit, got " + e
          + " at grid point " + point + ", trial " + trial);
    }
    return Math.log(e);
  }
}
