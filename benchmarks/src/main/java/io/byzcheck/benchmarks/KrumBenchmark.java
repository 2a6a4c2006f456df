package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.KrumReference;
import io.byzcheck.kernels.rules.Krum;

/** Krum* (RESAM C.5): median-centred double Gram, scores, copy of the winner; reference: direct distances. */
public class KrumBenchmark extends RuleBenchmark {
  @Override
  protected AggregationRule rule() {
    return Krum.star();
  }

  @Override
  protected AggregationRule reference() {
    return KrumReference.star();
  }
}
