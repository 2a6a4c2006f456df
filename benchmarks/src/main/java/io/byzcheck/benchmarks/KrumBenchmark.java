package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.rules.Krum;

/** Krum* (RESAM C.5): median-centred double Gram, scores, copy of the winner. */
public class KrumBenchmark extends RuleBenchmark {
  @Override
  protected AggregationRule rule() {
    return Krum.star();
  }
}
