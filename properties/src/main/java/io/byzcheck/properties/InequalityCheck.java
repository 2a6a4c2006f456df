package io.byzcheck.properties;

import io.byzcheck.properties.gen.ByzantinePlacement;
import io.byzcheck.properties.search.SearchObjective;
import io.byzcheck.properties.search.SearchResult;
import io.byzcheck.properties.search.WorstCaseSearch;
import io.byzcheck.theory.Bound;
import java.util.List;

/**
 * Any deterministic statement "left(x) ≤ right(x) for all x" checked the same way as resilient
 * averaging: a worst-case search over n × d inputs maximising left/right, HOLDS when the worst ratio
 * stays ≤ 1 (+ {@link ResilienceCheck#RATIO_SLACK}), VIOLATED with the worst input otherwise.
 */
public final class InequalityCheck {
  private InequalityCheck() {}

  /**
   * @param id THEORY.md ID
   * @param subject what is checked (a rule's name, or a lemma's object)
   * @param claim the cited constant reported as the bound (e.g. Lemma 5's min{2√n, √d}), or null when the
   *     ratio has no single constant (the result's bound is then 0)
   */
  public static CheckResult run(String id, String subject, int n, int f, int d, Bound claim, SearchObjective ratio,
      Budget budget) {
    return run(id, subject, n, f, d, claim, ratio, budget, List.of(ByzantinePlacement.values()));
  }

  public static CheckResult run(String id, String subject, int n, int f, int d, Bound claim, SearchObjective ratio,
      Budget budget, List<ByzantinePlacement> placements) {
    long seed = Seeds.derive(budget.seed(), id, subject, n, f, d);
    SearchResult worst = new WorstCaseSearch(n, f, d, ratio, placements)
        .run(budget.evaluationsPerCheck(), budget.restarts(), seed);
    boolean violated = worst.ratio() > 1 + ResilienceCheck.RATIO_SLACK;
    String counterexample = violated ? "// " + id + " " + subject + ": ratio " + worst.ratio() + " (search seed " + seed
        + "L, found by " + worst.origin() + ")\n" + Literals.floatMatrix(worst.input()) : null;
    return new CheckResult(id, subject, CheckResult.point(n, f, d), claim == null ? 0 : claim.value(), worst.ratio(),
        worst.evaluations(), seed, violated ? Verdict.VIOLATED : Verdict.HOLDS, counterexample, claim);
  }
}
