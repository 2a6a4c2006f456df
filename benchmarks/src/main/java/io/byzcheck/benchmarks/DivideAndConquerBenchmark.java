package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.DivideAndConquerReference;
import io.byzcheck.kernels.rules.DivideAndConquer;

/**
 * DnC (Shejwalkar &amp; Houmansadr 2021) at Blades' defaults (b = 10⁴ coordinates, niters = 1, c = 1), f = ⌊(n−1)/4⌋:
 * the round's hash, the b-coordinate gather, one Gram of the sub-vectors, Jacobi on n × n, the mean of the good;
 * reference: explicit mean-centring and direct Grams in double (at dRef = 10⁴ = b, every coordinate).
 */
public class DivideAndConquerBenchmark extends RuleBenchmark {
  private static final DivideAndConquer RULE = DivideAndConquer.withDefaults(20261202L);

  @Override
  protected AggregationRule rule() {
    return RULE;
  }

  @Override
  protected AggregationRule reference() {
    return new DivideAndConquerReference(RULE);
  }
}
