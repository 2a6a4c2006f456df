package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.FiniteWorkers;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.vectorization.CoordinateKernels;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * The plain average (1/n)·Σᵢ xᵢ: the unprotected baseline (any single Byzantine worker moves it
 * arbitrarily far) and, vectorized, the memory-bandwidth yardstick of the benchmarks. Non-finite
 * workers are still excluded and charged to f so that the baseline never returns NaN.
 */
public final class Mean implements AggregationRule {
  private final CoordinateKernels kernels = VectorizationProvider.getInstance().coordinateKernels();

  @Override
  public String name() {
    return "Mean";
  }

  @Override
  public void aggregate(WorkerVectors x, int f, float[] out) {
    FiniteWorkers s = FiniteWorkers.screen(x, f, out);
    kernels.mean(Rows.of(s.vectors()), out);
  }
}
