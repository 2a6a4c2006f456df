package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.rules.Mean;

/** The plain mean, vectorized: every float of the round is read once, so this is the memory-bandwidth yardstick. */
public class MeanBenchmark extends RuleBenchmark {
  @Override
  protected AggregationRule rule() {
    return new Mean();
  }

  @Override
  protected int f(int n) {
    return 0;
  }
}
