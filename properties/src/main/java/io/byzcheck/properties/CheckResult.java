package io.byzcheck.properties;

import io.byzcheck.theory.Bound;
import java.util.Map;

/**
 * One checked statement for one rule at one parameter point: what the report renders and what
 * report.json holds.
 *
 * @param id the THEORY.md ID (e.g. RES-T1-CWMED)
 * @param rule the rule's name (e.g. CWMed)
 * @param parameters the parameter point, e.g. {n=15, f=5, d=10}; insertion order is kept
 * @param bound the right-hand side the paper promises (e.g. λ); {@code claim.value()} when there is a claim
 * @param worstRatio the largest left side / right side found (≤ 1 means the statement held)
 * @param evaluations how many inputs were evaluated
 * @param seed the seed that replays the search
 * @param verdict the outcome
 * @param counterexample the (shrunk) worst input as a Java literal, or null when none
 * @param claim the bound checked against, with its citation and assumptions; null when the ratio has no
 *     cited constant (invariances, fast = reference, a check that threw)
 */
public record CheckResult(
    String id,
    String rule,
    Map<String, Object> parameters,
    double bound,
    double worstRatio,
    long evaluations,
    long seed,
    Verdict verdict,
    String counterexample,
    Bound claim) {

  public CheckResult {
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    if (claim != null && Double.compare(claim.value(), bound) != 0) {
      throw new IllegalArgumentException(id + ": bound " + bound + " is not the claim's value " + claim.value()
          + " (" + claim.citation() + ")");
    }
  }

  /** A result without a cited bound (e.g. an invariance, whose ratio has no constant). */
  public CheckResult(String id, String rule, Map<String, Object> parameters, double bound, double worstRatio,
      long evaluations, long seed, Verdict verdict, String counterexample) {
    this(id, rule, parameters, bound, worstRatio, evaluations, seed, verdict, counterexample, null);
  }

  /** The parameter map {n, f, d} of most checks, in that order. */
  public static Map<String, Object> point(int n, int f, int d) {
    Map<String, Object> params = new java.util.LinkedHashMap<>();
    params.put("n", n);
    params.put("f", f);
    params.put("d", d);
    return params;
  }

  /** A result checked against {@code claim}: its bound is the claim's value. */
  public static CheckResult against(Bound claim, String id, String rule, Map<String, Object> parameters,
      double worstRatio, long evaluations, long seed, Verdict verdict, String counterexample) {
    return new CheckResult(id, rule, parameters, claim.value(), worstRatio, evaluations, seed, verdict, counterexample,
        claim);
  }
}
