package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.rules.GeometricMedian;

/** Geometric median certified to a relative objective gap of 1e−6 (Weiszfeld in coefficient space). */
public class GeometricMedianBenchmark extends RuleBenchmark {
  @Override
  protected AggregationRule rule() {
    return GeometricMedian.certified(1e-6);
  }
}
