package io.byzcheck.properties;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.properties.gen.ByzantinePlacement;
import io.byzcheck.properties.search.SearchResult;
import io.byzcheck.properties.search.WorstCaseSearch;
import io.byzcheck.theory.Bound;
import java.util.List;

/**
 * Checks that a rule is (f, λ)-resilient averaging (RESAM Def. 2) for a claimed λ(n, f, d): searches
 * for the input maximising ‖F(x) − x̄_S‖ / (λ·diam S) over S (see {@link ResilienceRatio}) and reports
 * HOLDS when the worst ratio found is ≤ 1, VIOLATED (with a shrunk, pasteable counterexample)
 * otherwise. Works on any {@link AggregationRule}, a user's own included:
 *
 * <pre>{@code
 * CheckResult r = ResilienceCheck.of("RES-DEF2", myRule,
 *     ClaimedBound.uncited("RES-DEF2", (n, f, d) -> 2.0 * f / (n - f))).run(15, 5, 10, Budget.CI);
 * CheckResult t = ResilienceCheck.of("RES-T1-CWMED", myMedian, ResilienceCoefficient::coordinateWiseMedian)
 *     .run(15, 5, 10, Budget.CI); // t.claim() carries Table 1's value and citation
 * }</pre>
 */
public final class ResilienceCheck {
  /** Ratios up to 1 + this count as holding: the ratio itself is computed in double with ~1e−12 error. */
  public static final double RATIO_SLACK = 1e-9;

  private final String id;
  private final AggregationRule rule;
  private final ClaimedBound bound;
  private final List<ByzantinePlacement> placements;
  /** A worker every honest set S holds (a trusted pivot), or −1. */
  private final int required;

  private ResilienceCheck(String id, AggregationRule rule, ClaimedBound bound, List<ByzantinePlacement> placements,
      int required) {
    this.id = id;
    this.rule = rule;
    this.bound = bound;
    this.placements = placements;
    this.required = required;
  }

  /** A check of {@code rule} against the claimed λ, reported under the THEORY.md ID {@code id}. */
  public static ResilienceCheck of(String id, AggregationRule rule, ClaimedBound bound) {
    return new ResilienceCheck(id, rule, bound, List.of(ByzantinePlacement.values()), -1);
  }

  /**
   * As {@link #of} for a rule that trusts worker {@code trusted} (MoNNA's pivot): the ratio is maximised over the S
   * that hold it ({@link ResilienceRatio#maximise(double[][], double[], int, double, double, long, int)}).
   */
  public static ResilienceCheck trusting(String id, AggregationRule rule, ClaimedBound bound, int trusted) {
    return new ResilienceCheck(id, rule, bound, List.of(ByzantinePlacement.values()), trusted);
  }

  /** The worst ratio (already divided by λ) of one input. */
  public double ratio(double[][] x, int f, long seed) {
    int n = x.length;
    int d = x[0].length;
    double lambda = bound.lambda(n, f, d).value();
    double[] fx = RuleUnderTest.apply(rule, x, f);
    for (double v : fx) {
      if (!Double.isFinite(v)) {
        return Double.POSITIVE_INFINITY; // a rule must never return NaN or ±∞ on finite input
      }
    }
    return ResilienceRatio.maximise(x, fx, f, lambda, RuleUnderTest.outputTolerance(fx), seed, required).ratio();
  }

  /**
   * Whether a shrunk candidate still refutes the claim. Candidates outside the claim's domain (a λ
   * that is not positive there, or parameters the rule rejects, e.g. q &gt; n − f) do not count.
   */
  private boolean stillViolates(Shrinker.Candidate c, long seed) {
    int n = c.x().length;
    if (2 * c.f() >= n) {
      return false;
    }
    try {
      return bound.lambda(n, c.f(), c.x()[0].length).value() > 0 && ratio(c.x(), c.f(), seed) > 1 + RATIO_SLACK;
    } catch (IllegalArgumentException | IllegalStateException outsideDomain) {
      return false;
    }
  }

  /** Runs the search at one (n, f, d) with the budget's evaluations and restarts. */
  public CheckResult run(int n, int f, int d, Budget budget) {
    long seed = Seeds.derive(budget.seed(), id, rule.name(), n, f, d);
    Bound lambda = bound.lambda(n, f, d);
    WorstCaseSearch search = new WorstCaseSearch(n, f, d, x -> ratio(x, f, seed), placements);
    SearchResult worst = search.run(budget.evaluationsPerCheck(), budget.restarts(), seed);
    boolean violated = worst.ratio() > 1 + RATIO_SLACK;
    String counterexample = null;
    if (violated) {
      Shrinker.Candidate shrunk = Shrinker.shrink(new Shrinker.Candidate(worst.input(), f),
          c -> stillViolates(c, seed));
      counterexample = "// " + id + " " + rule.name() + ": ratio " + ratio(shrunk.x(), shrunk.f(), seed) + " at f = "
          + shrunk.f() + " (search seed " + seed + "L, found by " + worst.origin() + ")\n"
          + Literals.floatMatrix(shrunk.x());
    }
    return CheckResult.against(lambda, id, rule.name(), CheckResult.point(n, f, d), worst.ratio(), worst.evaluations(),
        seed, violated ? Verdict.VIOLATED : Verdict.HOLDS, counterexample);
  }
}
