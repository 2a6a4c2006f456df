package io.byzcheck.properties;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.properties.gen.ByzantinePlacement;
import io.byzcheck.properties.gen.HonestFamily;
import io.byzcheck.properties.gen.Scenario;
import io.byzcheck.theory.Bound;
import io.byzcheck.theory.resam.ResilientAveraging;
import java.util.SplittableRandom;

/**
 * RES-SANITY: when the n − f honest inputs are identical (diameter 0), Def. 2 forces F(x) to equal
 * them, whatever the f Byzantine inputs are. Reports max ‖F(x) − x_honest‖ / (float32 output slack):
 * ≤ 1 holds.
 */
public final class SanityCheck {
  /** Def. 2 at diam S = 0 leaves no room: the right side is 0 whatever λ is (the ratio's scale is float32 slack). */
  private static final Bound SANITY = Bound.of(0, ResilientAveraging.SANITY, "n − f identical honest inputs");

  private SanityCheck() {}

  public static CheckResult run(AggregationRule rule, int n, int f, int d, Budget budget) {
    long seed = Seeds.derive(budget.seed(), "RES-SANITY", rule.name(), n, f, d);
    SplittableRandom rnd = new SplittableRandom(seed);
    double worst = 0;
    String counterexample = null;
    int evaluations = 0;
    int trials = Math.max(ByzantinePlacement.values().length, budget.evaluationsPerCheck() / 20);
    for (int t = 0; t < trials; t++) {
      ByzantinePlacement p = ByzantinePlacement.values()[t % ByzantinePlacement.values().length];
      if (p == ByzantinePlacement.LOWER_BOUND_CONSTRUCTION) {
        continue; // it overwrites the honest family
      }
      double[][] x = new Scenario(n, f, d, HonestFamily.COINCIDENT, p, rnd.nextLong()).build();
      double[] honest = honestValue(x, f);
      double[] fx = RuleUnderTest.apply(rule, x, f);
      evaluations++;
      double dist = 0;
      for (int k = 0; k < d; k++) {
        double e = fx[k] - honest[k];
        dist += e * e;
      }
      dist = Math.sqrt(dist);
      double ratio = dist / RuleUnderTest.outputTolerance(honest);
      if (!(ratio <= worst)) {
        worst = Double.isNaN(ratio) ? Double.POSITIVE_INFINITY : ratio;
        if (worst > 1) {
          counterexample = Literals.floatMatrix(x);
        }
      }
    }
    return CheckResult.against(SANITY, "RES-SANITY", rule.name(), CheckResult.point(n, f, d), worst, evaluations, seed,
        worst <= 1 ? Verdict.HOLDS : Verdict.VIOLATED, worst <= 1 ? null : counterexample);
  }

  /** The value shared by at least n − f rows (the honest one; rows are shuffled). */
  private static double[] honestValue(double[][] x, int f) {
    for (double[] candidate : x) {
      int same = 0;
      for (double[] row : x) {
        if (java.util.Arrays.equals(row, candidate)) {
          same++;
        }
      }
      if (same >= x.length - f) {
        return candidate;
      }
    }
    throw new IllegalStateException("no value is shared by n − f rows");
  }
}
