package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.NearestNeighbourMixingReference;
import io.byzcheck.kernels.reference.MeanReference;
import io.byzcheck.kernels.rules.Mean;
import io.byzcheck.kernels.rules.NearestNeighbourMixing;

/** Nearest-neighbour mixing (Allouah et al. 2023) then the mean: the Gram matrix plus one blocked combination pass. */
public class NearestNeighbourMixingBenchmark extends RuleBenchmark {
  @Override
  protected AggregationRule rule() {
    return new NearestNeighbourMixing().then(new Mean());
  }

  @Override
  protected AggregationRule reference() {
    return new NearestNeighbourMixingReference().then(new MeanReference());
  }
}
