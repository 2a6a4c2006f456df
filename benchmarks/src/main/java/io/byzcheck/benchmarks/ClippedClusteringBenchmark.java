package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.ClippedClusteringReference;
import io.byzcheck.kernels.rules.ClippedClustering;

/**
 * Clipped clustering (Li et al. 2023; Blades), f = ⌊(n−1)/4⌋ (used only by the non-finite screen): one uncentred
 * Gram pass, average linkage on n × n cosine distances, the clipped mean; reference: direct cosines in double.
 */
public class ClippedClusteringBenchmark extends RuleBenchmark {
  @Override
  protected AggregationRule rule() {
    return new ClippedClustering();
  }

  @Override
  protected AggregationRule reference() {
    return new ClippedClusteringReference();
  }
}
