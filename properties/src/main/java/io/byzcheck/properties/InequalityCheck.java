package io.byzcheck.properties;

import io.byzcheck.properties.gen.ByzantinePlacement;
import io.byzcheck.properties.search.SearchObjective;
import io.byzcheck.properties.search.SearchResult;
import io.byzcheck.properties.search.WorstCaseSearch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
   * @param bound the constant reported as the bound (e.g. λ), or 0 when the ratio has no single constant
   */
  public static CheckResult run(String id, String subject, int n, int f, int d, double bound, SearchObjective ratio,
      Budget budget) {
    return run(id, subject, n, f, d, bound, ratio, budget, List.of(ByzantinePlacement.values()));
  }

  public static CheckResult run(String id, String subject, int n, int f, int d, double bound, SearchObjective ratio,
      Budget budget, List<ByzantinePlacement> placements) {
    long seed = Seeds.derive(budget.seed(), id, subject, n, f, d);
    SearchResult worst = new WorstCaseSearch(n, f, d, ratio, placements)
        .run(budget.evaluationsPerCheck(), budget.restarts(), seed);
    boolean violated = worst.ratio() > 1 + ResilienceCheck.RATIO_SLACK;
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("n", n);
    params.put("f", f);
    params.put("d", d);
    String counterexample = violated ? "// " + id + " " + subject + ": ratio " + worst.ratio() + " (search seed " + seed
        + "L, found by " + worst.origin() + ")\n" + Literals.floatMatrix(worst.input()) : null;
    return new CheckResult(id, subject, params, bound, worst.ratio(), worst.evaluations(), seed,
        violated ? Verdict.VIOLATED : Verdict.HOLDS, counterexample);
  }
}
