package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.AdaptiveClippingReference;
import io.byzcheck.kernels.reference.MeanReference;
import io.byzcheck.kernels.rules.Mean;
import io.byzcheck.kernels.rules.NormClipping;

/** Adaptive robust clipping, ARC (Allouah et al. 2024), then the mean: the norms, a clipped copy of every row, the mean. */
public class AdaptiveClippingBenchmark extends RuleBenchmark {
  @Override
  protected AggregationRule rule() {
    return NormClipping.adaptive().then(new Mean());
  }

  @Override
  protected AggregationRule reference() {
    return new AdaptiveClippingReference().then(new MeanReference());
  }
}
