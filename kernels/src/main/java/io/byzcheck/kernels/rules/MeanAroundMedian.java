package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.ScreeningRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.internal.vectorization.CoordinateKernels;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * Mean around median, MeaMed (Xie et al. 2018; Farhadkhani et al. 2022, Appendix C.4): per
 * coordinate, the average of the n − f values nearest the coordinate-wise median; among equally
 * near values the smaller are taken first (the kernels' {@code MedianWindow}). (f, λ)-resilient with
 * λ = 2f/(n−f)·min{2√(n−f), √d} (Prop. 5), f &lt; n/2.
 */
public final class MeanAroundMedian extends ScreeningRule {

  @Override
  public String name() {
    return "MeaMed";
  }

  @Override
  protected void checkConstraints(int n, int f) {
    Checks.minorityByzantine(name(), n, f);
  }

  /** The kernel checks finiteness within its own sorting pass (no separate read of the n·d floats). */
  @Override
  protected boolean aggregateIfFinite(WorkerVectors x, int f, float[] out) {
    return kernels().meanAroundMedianIfFinite(Rows.readOnly(x), f, out);
  }

  @Override
  protected void aggregateFinite(WorkerVectors finite, int f, float[] out) {
    kernels().meanAroundMedian(Rows.readOnly(finite), f, out);
  }

  /** Looked up per call, not kept: inside {@link io.byzcheck.kernels.parallel.ParallelAggregation} they split the coordinates. */
  private static CoordinateKernels kernels() {
    return VectorizationProvider.getInstance().coordinateKernels();
  }
}
