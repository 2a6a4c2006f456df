package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.WorkerVectors;

/**
 * Weighted coordinate-wise median by weight mass, over capped weights ({@link WeightCap}): per coordinate, with
 * the values sorted and C_j the weight of the first j, W the total, the midpoint of the first value with
 * C_j ≥ W/2 and the first with C_j &gt; W/2. With integer weights that is Yin's Definition 1 (the usual median,
 * midpoint for an even count) on the rows repeated wᵢ times; unit weights give {@link CoordinateWiseMedian}.
 * f &lt; n/2. The values are sorted stably (ties in worker order) and C_j summed in that order; the kernels
 * ({@code CoordinateKernels#weightedMedian}: an insertion sort per coordinate on the scalar path, stable ranks a
 * block of coordinates at a time on the Vector API path) do the same double operations, so give the same floats.
 */
public final class WeightedCoordinateWiseMedian extends WeightedRule {

  public WeightedCoordinateWiseMedian(WeightCap cap) {
    super(cap, true);
  }

  @Override
  public String name() {
    return "WCWMed(" + cap.label() + ")";
  }

  @Override
  protected void aggregateCapped(WorkerVectors x, double[] w, int f, float[] out) {
    kernels().weightedMedian(Rows.readOnly(x), w, total(w) / 2, out);
  }
}
