package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.MeanReference;
import io.byzcheck.kernels.rules.Mean;

/**
 * The Mean rule, vectorized, as users call it: with the non-finite screen of every rule, so it is a
 * rule like the others here and not the yardstick ({@link YardstickBenchmark} is).
 */
public class MeanBenchmark extends RuleBenchmark {
  @Override
  protected AggregationRule rule() {
    return new Mean();
  }

  @Override
  protected AggregationRule reference() {
    return new MeanReference();
  }

  @Override
  protected int f(int n) {
    return 0;
  }
}
