package io.byzcheck.properties.stats;

import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;
import org.apache.commons.statistics.interval.BinomialConfidenceInterval;

/**
 * "Holds with probability ≥ 1 − δ" as a test: k failures in n independent trials, H₀: p ≤ δ against p &gt; δ,
 * exact binomial p-value P(Bin(n, δ) ≥ k), Clopper–Pearson one-sided bounds, and the power of the test at
 * level α: the smallest failure probability it detects with probability ≥ 0.9.
 */
public final class ExactBinomial {
  /** The detection probability the power is quoted at. */
  public static final double POWER = 0.9;

  private ExactBinomial() {}

  /** P(Bin(n, δ) ≥ k), the one-sided exact p-value (Commons Statistics' binomial test). */
  public static double pValue(int n, int k, double delta) {
    check(n, k, delta);
    return BinomialTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN).test(n, k, delta).getPValue();
  }

  /** Clopper–Pearson upper confidence bound on p at level α (one-sided). */
  public static double upper(int n, int k, double alpha) {
    check(n, k, 0.5);
    return k == n ? 1 : BinomialConfidenceInterval.CLOPPER_PEARSON.fromErrorRate(n, k, 2 * alpha).getUpperBound();
  }

  /** Clopper–Pearson lower confidence bound on p at level α (one-sided). */
  public static double lower(int n, int k, double alpha) {
    check(n, k, 0.5);
    return k == 0 ? 0 : BinomialConfidenceInterval.CLOPPER_PEARSON.fromErrorRate(n, k, 2 * alpha).getLowerBound();
  }

  /** The smallest k with P(Bin(n, δ) ≥ k) ≤ α; n + 1 when even k = n is not significant. */
  public static int criticalCount(int n, double delta, double alpha) {
    check(n, 0, delta);
    BinomialDistribution b = BinomialDistribution.of(n, delta);
    for (int k = 0; k <= n; k++) {
      if (b.survivalProbability(k - 1) <= alpha) {
        return k;
      }
    }
    return n + 1;
  }

  /**
   * The smallest failure probability p that the level-α test with n trials rejects with probability ≥ 0.9
   * (bisection on P(Bin(n, p) ≥ k_crit), increasing in p); +∞ when no p ≤ 1 is detected.
   */
  public static double detectable(int n, double delta, double alpha) {
    int kc = criticalCount(n, delta, alpha);
    if (kc > n) {
      return Double.POSITIVE_INFINITY;
    }
    double lo = delta;
    double hi = 1;
    if (rejection(n, kc, hi) < POWER) {
      return Double.POSITIVE_INFINITY;
    }
    for (int i = 0; i < 100; i++) {
      double mid = 0.5 * (lo + hi);
      if (rejection(n, kc, mid) >= POWER) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  private static double rejection(int n, int kc, double p) {
    return p >= 1 ? 1 : BinomialDistribution.of(n, p).survivalProbability(kc - 1);
  }

  private static void check(int n, int k, double delta) {
    if (n < 1 || k < 0 || k > n) {
      throw new IllegalArgumentException("a binomial test needs n ≥ 1 trials and 0 ≤ k ≤ n failures, got n = " + n
          + ", k = " + k);
    }
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("a failure probability δ lies in (0, 1), got " + delta);
    }
  }
}
