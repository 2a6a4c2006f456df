package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.MoNNAReference;
import io.byzcheck.kernels.rules.MoNNA;

/**
 * MoNNA's nearest-neighbour averaging around worker 0 (Farhadkhani et al. 2023): n distances from the pivot (one
 * pass, no Gram matrix), then one combination pass; reference: direct double distances and a double mean.
 */
public class MoNNABenchmark extends RuleBenchmark {
  @Override
  protected AggregationRule rule() {
    return MoNNA.pivot(0);
  }

  @Override
  protected AggregationRule reference() {
    return new MoNNAReference(0);
  }
}
