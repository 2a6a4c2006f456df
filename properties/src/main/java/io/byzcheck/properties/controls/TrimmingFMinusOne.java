package io.byzcheck.properties.controls;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.reference.CoordinateWiseTrimmedMeanReference;

/**
 * NEGATIVE CONTROL, wrong on purpose: a coordinate-wise trimmed mean that trims f − 1 per side
 * instead of f, so one Byzantine value per coordinate always survives into the average.
 */
public final class TrimmingFMinusOne implements AggregationRule {
  private final AggregationRule inner = CoordinateWiseTrimmedMeanReference.trimF();

  @Override
  public String name() {
    return "CWTM trimming f−1 (wrong on purpose)";
  }

  @Override
  public void aggregate(WorkerVectors x, int f, float[] out) {
    inner.aggregate(x, Math.max(0, f - 1), out);
  }
}
