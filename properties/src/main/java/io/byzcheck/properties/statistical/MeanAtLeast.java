package io.byzcheck.properties.statistical;

import io.byzcheck.properties.stats.Claim;
import io.byzcheck.properties.stats.Claims;
import io.byzcheck.properties.stats.Evaluation;
import io.byzcheck.properties.stats.ExactBinomial;
import io.byzcheck.properties.stats.MeanTests;
import io.byzcheck.properties.stats.Moments;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * "E[X] ≥ B", a lower bound on a mean (THEORY.md kind L, e.g. an estimator's error against a lower bound's
 * construction): one-sided t-test (CLT, asymptotic: X with finite variance), VIOLATED when the upper confidence
 * bound lies below B. Tightness is X̄/B, the measured/lower-bound ratio (≥ 1 for a correct implementation).
 * Power: the test detects a mean of B/c with probability ≥ 0.9, c = {@code detectable}; c above
 * {@link Claims#MEAN_CAP} (it cannot even detect a mean of a tenth of the bound) is INCONCLUSIVE.
 */
public record MeanAtLeast(String label, int column, double bound) implements Claim {
  public MeanAtLeast {
    if (!(bound > 0) || Double.isInfinite(bound)) {
      throw new IllegalArgumentException(label + ": a lower bound on a mean needs a finite B > 0, got " + bound);
    }
  }

  @Override
  public double scale() {
    return bound;
  }

  @Override
  public String method() {
    return "one-sided t-test of E[X] ≥ B (CLT, asymptotic: finite variance); VIOLATED if the upper bound is below B";
  }

  @Override
  public Evaluation evaluate(double[][] obs, int n, double alpha) {
    Moments m = Moments.of(obs, column, n);
    double se = m.standardError();
    double radius = MeanTests.tQuantile(n, 1 - alpha) * se;
    double p = se == 0 ? (m.mean() < bound ? 0 : 1)
        : TDistribution.of(n - 1).cumulativeProbability((m.mean() - bound) / se);
    double detectedMean = bound - radius - MeanTests.tQuantile(n, ExactBinomial.POWER) * se;
    double detectable = detectedMean > 0 ? bound / detectedMean : Double.POSITIVE_INFINITY;
    return new Evaluation(label, m.mean(), m.mean() - radius, m.mean() + radius, bound, m.mean() / bound, p,
        detectable, m.mean() - radius >= bound, detectable <= Claims.MEAN_CAP);
  }
}
