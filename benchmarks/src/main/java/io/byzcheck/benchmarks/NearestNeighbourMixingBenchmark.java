package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.rules.Mean;
import io.byzcheck.kernels.rules.NearestNeighbourMixing;

/** Nearest-neighbour mixing then the mean: the Gram matrix plus one blocked mixing pass. */
public class NearestNeighbourMixingBenchmark extends RuleBenchmark {
  @Override
  protected AggregationRule rule() {
    return new NearestNeighbourMixing().then(new Mean());
  }
}
