package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.WorkerVectors;

/**
 * Weighted coordinate-wise median by weight mass, over capped weights ({@link WeightCap}): per coordinate, with
 * the values sorted and C_j the weight of the first j, W the total, the midpoint of the first value with
 * C_j ≥ W/2 and the first with C_j &gt; W/2. With integer weights that is Yin's Definition 1 (the usual median,
 * midpoint for an even count) on the rows repeated wᵢ times; unit weights give {@link CoordinateWiseMedian}.
 * f &lt; n/2. Scalar: the library's sorting networks carry no weights.
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
    WeightedColumns c = new WeightedColumns(x.n());
    double half = c.total(w) / 2;
    for (int k = 0; k < out.length; k++) {
      c.sort(x, w, k);
      int lo = -1;
      int hi = -1;
      double cum = 0;
      for (int j = 0; j < c.n && hi < 0; j++) {
        cum += c.weight[j];
        if (lo < 0 && cum >= half) {
          lo = j;
        }
        if (cum > half) {
          hi = j;
        }
      }
      // hi exists: the total exceeds half of itself. Midpoint in double: no overflow, one rounding.
      out[k] = (float) (((double) c.value[lo] + c.value[hi]) / 2);
    }
  }
}
