package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.ScreeningRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.vectorization.CoordinateKernels;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * The plain average (1/n)·Σᵢ xᵢ: the unprotected baseline (any single Byzantine worker moves it
 * arbitrarily far) and, vectorized, the memory-bandwidth yardstick of the benchmarks. Non-finite
 * workers are still excluded and charged to f so that the baseline never returns NaN.
 */
public final class Mean extends ScreeningRule {
  private final CoordinateKernels kernels = VectorizationProvider.getInstance().coordinateKernels();

  @Override
  public String name() {
    return "Mean";
  }

  @Override
  protected void aggregateFinite(WorkerVectors finite, int f, float[] out) {
    kernels.mean(Rows.readOnly(finite), out);
  }
}
