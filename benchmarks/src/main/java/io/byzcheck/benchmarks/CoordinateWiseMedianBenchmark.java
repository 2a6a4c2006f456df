package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.CoordinateWiseMedianReference;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;

/** Coordinate-wise median (Yin Def. 1): selection networks per block of coordinates, against the sort per coordinate. */
public class CoordinateWiseMedianBenchmark extends RuleBenchmark {
  @Override
  protected AggregationRule rule() {
    return new CoordinateWiseMedian();
  }

  @Override
  protected AggregationRule reference() {
    return new CoordinateWiseMedianReference();
  }
}
