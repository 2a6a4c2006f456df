package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.ComparativeGradientEliminationReference;
import io.byzcheck.kernels.rules.ComparativeGradientElimination;

/** CGE (Gupta et al. 2021; RESAM C.9): the norms, then the average of the n − f smallest. */
public class ComparativeGradientEliminationBenchmark extends RuleBenchmark {
  @Override
  protected AggregationRule rule() {
    return new ComparativeGradientElimination();
  }

  @Override
  protected AggregationRule reference() {
    return new ComparativeGradientEliminationReference();
  }
}
