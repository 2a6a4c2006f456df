package io.byzcheck.properties.stats;

import java.util.Arrays;

/** The claims of kind E: a failure probability, an upper bound on a mean, an equality, a ratio of moments. */
public final class Claims {
  /** Mean claims whose detectable excess is larger than this multiple of the bound are INCONCLUSIVE. */
  public static final double MEAN_CAP = 10;

  private Claims() {}

  /**
   * "X ≤ B with probability ≥ 1 − δ": a trial fails when column {@code column} exceeds B; exact binomial test of
   * P(fail) ≤ δ with Clopper–Pearson bounds. Tightness is the empirical (1 − δ)-quantile of X over B.
   */
  public static Claim exceedance(String label, int column, double bound, double delta) {
    return new Probability(label, column, bound, delta, false);
  }

  /** As {@link #exceedance} for a 0/1 failure indicator; tightness is the failure rate over δ. */
  public static Claim failure(String label, int column, double delta) {
    return new Probability(label, column, 0.5, delta, true);
  }

  /**
   * "E[X] ≤ B". With a finite {@code width} (X is known to lie in an interval of that width a.s.) the empirical
   * Bernstein bound; with width = +∞ the one-sided t-test (asymptotic, needs Var X &lt; ∞).
   */
  public static Claim meanAtMost(String label, int column, double bound, double width) {
    return new MeanAtMost(label, column, bound, width);
  }

  /**
   * "E[X] ≤ B" for X ≥ 0 of unknown tail: rejected by the empirical Bernstein bound on min(X, cap·B), which lies in
   * [0, cap·B] and has E[min(X, cap·B)] ≤ E[X] — valid for any tail, however heavy (a diverging run only makes the
   * truncated mean larger). The confidence bound that lets a check stop early for HOLDS is the t-test's on X
   * (asymptotic). {@code cap} is fixed before the data are seen.
   */
  public static Claim nonNegativeMeanAtMost(String label, int column, double bound, double cap) {
    return new TruncatedMean(label, column, bound, cap);
  }

  /** "E[X] = v": two-sided t-test with its confidence interval (asymptotic, needs Var X &lt; ∞). */
  public static Claim meanEquals(String label, int column, double value) {
    return new MeanEquals(label, column, value);
  }

  /**
   * "E[A]/E[B]^{3/2} ≤ S" (Yin's absolute skewness with A = |X − μ|³, B = (X − μ)²): the ratio of sample means with
   * a delta-method standard error, one-sided t-test (asymptotic, needs the sixth moment of X).
   */
  public static Claim skewnessAtMost(String label, int absCubeColumn, int squareColumn, double bound) {
    return new Skewness(label, absCubeColumn, squareColumn, bound);
  }

  record Probability(String label, int column, double bound, double delta, boolean indicator) implements Claim {
    Probability {
      if (!(delta > 0 && delta < 1)) {
        throw new IllegalArgumentException(label + ": δ must lie in (0, 1), got " + delta);
      }
    }

    @Override
    public double scale() {
      return indicator ? Double.NaN : bound;
    }

    @Override
    public String method() {
      return "exact one-sided binomial test of P(fail) ≤ δ = " + delta + ", Clopper–Pearson bounds";
    }

    @Override
    public Evaluation evaluate(double[][] obs, int n, double alpha) {
      int k = 0;
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = obs[i][column];
        if (Double.isNaN(x[i])) {
          throw new IllegalArgumentException(label + ": trial " + i + " observed NaN");
        }
        k += x[i] > bound ? 1 : 0;
      }
      double upper = ExactBinomial.upper(n, k, alpha);
      double tightness;
      if (indicator) {
        tightness = (double) k / n / delta;
      } else {
        Arrays.sort(x);
        tightness = x[Math.min(n - 1, (int) Math.ceil((1 - delta) * n) - 1)] / bound;
      }
      double detectable = ExactBinomial.detectable(n, delta, alpha) / delta;
      return new Evaluation(label, (double) k / n, ExactBinomial.lower(n, k, alpha), upper, delta, tightness,
          ExactBinomial.pValue(n, k, delta), detectable, upper <= delta, detectable * delta <= 1);
    }
  }

  record MeanAtMost(String label, int column, double bound, double width) implements Claim {
    MeanAtMost {
      if (!(bound > 0) || !(width > 0)) {
        throw new IllegalArgumentException(label + ": a mean bound needs B > 0 and a range width > 0, got B = " + bound
            + ", width = " + width);
      }
    }

    @Override
    public double scale() {
      return bound;
    }

    private boolean bounded() {
      return Double.isFinite(width);
    }

    @Override
    public String method() {
      return bounded()
          ? "empirical Bernstein bound (Maurer & Pontil 2009, Thm 4) on E[X] ≤ B, X in a range of width " + width + " a.s."
          : "one-sided t-test of E[X] ≤ B (CLT, asymptotic: X unbounded with finite variance)";
    }

    @Override
    public Evaluation evaluate(double[][] obs, int n, double alpha) {
      Moments m = Moments.of(obs, column, n);
      double radius;
      double p;
      double detect;
      double z = MeanTests.tQuantile(n, ExactBinomial.POWER);
      if (bounded()) {
        radius = MeanTests.bernsteinRadius(m, width, alpha);
        p = MeanTests.bernsteinPValue(m, width, bound);
        detect = radius + z * m.standardError();
      } else {
        radius = MeanTests.tQuantile(n, 1 - alpha) * m.standardError();
        p = MeanTests.upperPValue(m.mean(), m.standardError(), n, bound);
        detect = radius + z * m.standardError();
      }
      double detectable = 1 + detect / bound;
      return new Evaluation(label, m.mean(), m.mean() - radius, m.mean() + radius, bound, m.mean() / bound, p,
          detectable, m.mean() + radius <= bound, detectable <= MEAN_CAP);
    }
  }

  record TruncatedMean(String label, int column, double bound, double cap) implements Claim {
    TruncatedMean {
      if (!(bound > 0) || !(cap > 1)) {
        throw new IllegalArgumentException(label + ": needs B > 0 and a truncation cap > 1, got " + bound + ", " + cap);
      }
    }

    @Override
    public double scale() {
      return bound;
    }

    @Override
    public String method() {
      return "empirical Bernstein bound on E[min(X, " + cap + "·B)] ≤ E[X] (valid for any tail of X ≥ 0) to reject "
          + "E[X] ≤ B; t-test upper bound (asymptotic) to stop early";
    }

    @Override
    public Evaluation evaluate(double[][] obs, int n, double alpha) {
      double top = cap * bound;
      double[][] cut = new double[n][1];
      for (int i = 0; i < n; i++) {
        double x = obs[i][column];
        if (Double.isNaN(x) || x < 0) {
          throw new IllegalArgumentException(label + ": trial " + i + " observed " + x + ", not a value ≥ 0");
        }
        cut[i][0] = Math.min(x, top);
      }
      Moments t = Moments.of(cut, 0, n);
      double radius = MeanTests.bernsteinRadius(t, top, alpha);
      double p = MeanTests.bernsteinPValue(t, top, bound);
      double detectable = 1 + (radius + MeanTests.tQuantile(n, ExactBinomial.POWER) * t.standardError()) / bound;
      Moments m = Moments.of(obs, column, n);
      double upper = m.mean() + MeanTests.tQuantile(n, 1 - alpha) * m.standardError();
      return new Evaluation(label, m.mean(), t.mean() - radius, upper, bound, m.mean() / bound, p, detectable,
          upper <= bound, detectable <= MEAN_CAP);
    }
  }

  record MeanEquals(String label, int column, double value) implements Claim {
    @Override
    public String method() {
      return "two-sided t-test of E[X] = v with its confidence interval (CLT, asymptotic: finite variance)";
    }

    @Override
    public Evaluation evaluate(double[][] obs, int n, double alpha) {
      Moments m = Moments.of(obs, column, n);
      double half = MeanTests.tQuantile(n, 1 - alpha / 2) * m.standardError();
      double detect = half + MeanTests.tQuantile(n, ExactBinomial.POWER) * m.standardError();
      double detectable = 1 + detect / Math.abs(value);
      return new Evaluation(label, m.mean(), m.mean() - half, m.mean() + half, value, m.mean() / value,
          MeanTests.twoSidedPValue(m.mean(), m.standardError(), n, value), detectable, false,
          detectable <= MEAN_CAP);
    }
  }

  record Skewness(String label, int column, int squareColumn, double bound) implements Claim {
    @Override
    public String method() {
      return "one-sided t-test of E|X−μ|³/Var(X)^{3/2} ≤ S, delta-method standard error (CLT, asymptotic)";
    }

    @Override
    public Evaluation evaluate(double[][] obs, int n, double alpha) {
      Moments a = Moments.of(obs, column, n);
      Moments b = Moments.of(obs, squareColumn, n);
      double cov = Moments.covariance(obs, column, squareColumn, n);
      double r = a.mean() / Math.pow(b.mean(), 1.5);
      // ∂r/∂a = b^{-3/2}, ∂r/∂b = −(3/2)·a·b^{-5/2}
      double ga = Math.pow(b.mean(), -1.5);
      double gb = -1.5 * a.mean() * Math.pow(b.mean(), -2.5);
      double se = Math.sqrt(Math.max(0, ga * ga * a.variance() + gb * gb * b.variance() + 2 * ga * gb * cov) / n);
      double radius = MeanTests.tQuantile(n, 1 - alpha) * se;
      double detectable = 1 + (radius + MeanTests.tQuantile(n, ExactBinomial.POWER) * se) / bound;
      return new Evaluation(label, r, r - radius, r + radius, bound, r / bound, MeanTests.upperPValue(r, se, n, bound),
          detectable, r + radius <= bound, detectable <= MEAN_CAP);
    }
  }
}
