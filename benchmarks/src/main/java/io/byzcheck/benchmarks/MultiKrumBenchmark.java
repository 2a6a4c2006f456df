package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.KrumReference;
import io.byzcheck.kernels.rules.Krum;

/** Multi-Krum*_4 (RESAM Prop. 6): as Krum*, then the average of the four best. */
public class MultiKrumBenchmark extends RuleBenchmark {
  @Override
  protected AggregationRule rule() {
    return Krum.multiStar(4);
  }

  @Override
  protected AggregationRule reference() {
    return KrumReference.multiStar(4);
  }
}
