package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.CoordinateWiseTrimmedMeanReference;
import io.byzcheck.kernels.rules.CoordinateWiseTrimmedMean;

/** Coordinate-wise trimmed mean (RESAM C.3), f = ⌊(n−1)/4⌋ per side. */
public class TrimmedMeanBenchmark extends RuleBenchmark {
  @Override
  protected AggregationRule rule() {
    return CoordinateWiseTrimmedMean.trimF();
  }

  @Override
  protected AggregationRule reference() {
    return CoordinateWiseTrimmedMeanReference.trimF();
  }
}
