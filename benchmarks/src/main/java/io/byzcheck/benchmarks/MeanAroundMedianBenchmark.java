package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.MeanAroundMedianReference;
import io.byzcheck.kernels.rules.MeanAroundMedian;

/** Mean around median (RESAM C.4), f = ⌊(n−1)/4⌋: sorting networks plus the window choice. */
public class MeanAroundMedianBenchmark extends RuleBenchmark {
  @Override
  protected AggregationRule rule() {
    return new MeanAroundMedian();
  }

  @Override
  protected AggregationRule reference() {
    return new MeanAroundMedianReference();
  }
}
