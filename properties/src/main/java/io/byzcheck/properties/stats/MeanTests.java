package io.byzcheck.properties.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Tests on a mean (or a smooth function of means, by the delta method), each with its assumptions:
 * <ul>
 *   <li>{@link #bernsteinRadius}: the empirical Bernstein bound of Maurer &amp; Pontil (2009, Thm 4) for X in an
 *       interval of known width b: with probability ≥ 1 − α, E[X] ≤ X̄ + √(2V_n ln(2/α)/n) + 7b·ln(2/α)/(3(n−1)).
 *       Non-asymptotic; needs X bounded a.s.</li>
 *   <li>{@link #tQuantile}-based tests: Student t on the mean with the sample standard error. Valid
 *       asymptotically (CLT) whenever Var X &lt; ∞, which covers the unbounded quantities here (every moment of the
 *       regression gradients is finite); at finite n the level is approximate, and heavy tails make it liberal.</li>
 * </ul>
 */
public final class MeanTests {
  private MeanTests() {}

  /** Maurer–Pontil's one-sided deviation at level α for X of range width b. */
  public static double bernsteinRadius(Moments m, double width, double alpha) {
    double l = Math.log(2 / alpha);
    return Math.sqrt(2 * m.variance() * l / m.n()) + 7 * width * l / (3 * (m.n() - 1));
  }

  /** The p-value of H₀: E X ≤ B by the empirical Bernstein bound: the smallest α whose lower bound exceeds B. */
  public static double bernsteinPValue(Moments m, double width, double bound) {
    if (m.mean() <= bound) {
      return 1;
    }
    double lo = -745;
    double hi = 0;
    if (m.mean() - bernsteinRadius(m, width, 1) <= bound) {
      return 1;
    }
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (lo + hi);
      if (m.mean() - bernsteinRadius(m, width, Math.exp(mid)) > bound) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return Math.exp(hi);
  }

  /** The t quantile with n − 1 degrees of freedom. */
  public static double tQuantile(long n, double p) {
    return TDistribution.of(n - 1).inverseCumulativeProbability(p);
  }

  /** One-sided p-value of H₀: value ≤ B for an asymptotically normal estimate with standard error se. */
  public static double upperPValue(double value, double se, long n, double bound) {
    if (se == 0) {
      return value > bound ? 0 : 1;
    }
    return TDistribution.of(n - 1).survivalProbability((value - bound) / se);
  }

  /** Two-sided p-value of H₀: value = v. */
  public static double twoSidedPValue(double value, double se, long n, double v) {
    if (se == 0) {
      return value == v ? 1 : 0;
    }
    return 2 * TDistribution.of(n - 1).survivalProbability(Math.abs(value - v) / se);
  }
}
