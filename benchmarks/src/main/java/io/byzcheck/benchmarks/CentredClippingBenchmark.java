package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.CentredClippingReference;
import io.byzcheck.kernels.rules.CentredClipping;

/**
 * Centred clipping (Karimireddy et al. 2021; RESAM C.8) from v₀ = 0, τ = 10, L = 3: the Gram of the n
 * rows and v₀, three iterations in coefficient space, one combination pass. f = 0, as CC takes no budget.
 */
public class CentredClippingBenchmark extends RuleBenchmark {
  private static final double TAU = 10;
  private static final int ITERATIONS = 3;

  @Override
  protected AggregationRule rule() {
    return CentredClipping.fromZero(TAU, ITERATIONS);
  }

  @Override
  protected AggregationRule reference() {
    return new CentredClippingReference(TAU, ITERATIONS, null);
  }

  @Override
  protected int f(int n) {
    return 0;
  }
}
