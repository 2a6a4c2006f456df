package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.ScreeningRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.internal.vectorization.CoordinateKernels;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * Coordinate-wise median, CWMed (Yin et al. 2018, Definition 1; Farhadkhani et al. 2022, Appendix
 * C.7): out[k] is the usual median of {x₁[k], …, xₙ[k]}; for even n the mean of the two middle
 * values. (f, λ)-resilient averaging with λ = n/(2(n−f))·min{2√(n−f), √d} for f &lt; n/2 (RESAM Prop. 8).
 *
 * <p>f is only used by the non-finite policy (workers with NaN/±∞ are excluded and charged to f)
 * and validated as 0 ≤ f &lt; n/2; the median itself does not depend on it.
 */
public final class CoordinateWiseMedian extends ScreeningRule {

  @Override
  public String name() {
    return "CWMed";
  }

  @Override
  protected void checkConstraints(int n, int f) {
    Checks.minorityByzantine(name(), n, f);
  }

  /** The kernel checks finiteness inside its own pass where it can (up to 64 workers on the vector path), else scans first. */
  @Override
  protected boolean aggregateIfFinite(WorkerVectors x, int f, float[] out) {
    return kernels().medianIfFinite(Rows.readOnly(x), out);
  }

  @Override
  protected void aggregateFinite(WorkerVectors finite, int f, float[] out) {
    kernels().median(Rows.readOnly(finite), out);
  }

  /** Looked up per call, not kept: inside {@link io.byzcheck.kernels.parallel.ParallelAggregation} they split the coordinates. */
  private static CoordinateKernels kernels() {
    return VectorizationProvider.getInstance().coordinateKernels();
  }
}
