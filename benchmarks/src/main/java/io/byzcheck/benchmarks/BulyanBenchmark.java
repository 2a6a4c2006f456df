package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.BulyanReference;
import io.byzcheck.kernels.rules.Bulyan;

/**
 * Bulyan(Krum) (El Mhamdi et al. 2018), f = ⌊(n−3)/4⌋ (the largest its n ≥ 4f + 3 allows): one Gram pass, θ = n − 2f
 * Krum rounds on it, then MeaMed with f' = 2f on the θ selected rows; reference: direct distances per round.
 */
public class BulyanBenchmark extends RuleBenchmark {
  @Override
  protected AggregationRule rule() {
    return new Bulyan();
  }

  @Override
  protected AggregationRule reference() {
    return new BulyanReference();
  }

  @Override
  protected int f(int n) {
    return (n - 3) / 4;
  }
}
