package io.byzcheck.properties.catalogue;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.ReferenceRule;
import io.byzcheck.properties.ClaimedBound;
import java.util.function.IntBinaryOperator;

/**
 * A rule of RESAM Table 1 as the catalogue checks it: its THEORY.md ID, a factory (some rules depend
 * on n and f, e.g. Multi-Krum*_q with q = n − f), its λ, and its reference implementation.
 */
record RuleUnderCheck(String id, String name, RuleFactory rule, ClaimedBound lambda, RuleFactory reference) {

  /** The rule for (n, f). */
  @FunctionalInterface
  interface RuleFactory {
    AggregationRule at(int n, int f);
  }

  static RuleFactory fixed(AggregationRule rule) {
    return (n, f) -> rule;
  }

  static RuleFactory fixedReference(ReferenceRule rule) {
    return (n, f) -> rule;
  }

  /** q for Multi-Krum*_q at (n, f): the largest allowed, n − f. */
  static final IntBinaryOperator MULTI_KRUM_Q = (n, f) -> n - f;
}
