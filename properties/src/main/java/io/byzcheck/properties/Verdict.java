package io.byzcheck.properties;

/** Outcome of one check. */
public enum Verdict {
  /** No violation found within the budget (for D/L statements: the worst ratio stayed ≤ 1). */
  HOLDS,
  /** A violation was found: the counterexample refutes the statement for this rule. */
  VIOLATED,
  /** The check could not be evaluated (inadmissible parameters, budget too small). */
  INCONCLUSIVE
}
