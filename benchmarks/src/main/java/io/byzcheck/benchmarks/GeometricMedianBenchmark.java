package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.GeometricMedianReference;
import io.byzcheck.kernels.rules.GeometricMedian;

/**
 * Geometric median (Cao &amp; Lai eq. 13) certified to a relative objective gap of 1e−6 (Weiszfeld in
 * coefficient space). The reference iterates Weiszfeld in coordinates until the step is below 1e−13 of
 * the spread: a stricter stop, so its ratio overstates the speed-up of the same accuracy.
 */
public class GeometricMedianBenchmark extends RuleBenchmark {
  @Override
  protected AggregationRule rule() {
    return GeometricMedian.certified(1e-6);
  }

  @Override
  protected AggregationRule reference() {
    return new GeometricMedianReference();
  }
}
