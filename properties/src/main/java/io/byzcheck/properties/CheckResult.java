package io.byzcheck.properties;

import java.util.Map;

/**
 * One checked statement for one rule at one parameter point: what the report renders and what
 * report.json holds.
 *
 * @param id the THEORY.md ID (e.g. RES-T1-CWMED)
 * @param rule the rule's name (e.g. CWMed)
 * @param parameters the parameter point, e.g. {n=15, f=5, d=10}; insertion order is kept
 * @param bound the right-hand side the paper promises (e.g. λ)
 * @param worstRatio the largest left side / right side found (≤ 1 means the statement held)
 * @param evaluations how many inputs were evaluated
 * @param seed the seed that replays the search
 * @param verdict the outcome
 * @param counterexample the (shrunk) worst input as a Java literal, or null when none
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
    String counterexample) {

  public CheckResult {
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
  }

  /** This result as one JSON object (see {@link Json}). */
  public String toJson() {
    return Json.write(this);
  }
}
