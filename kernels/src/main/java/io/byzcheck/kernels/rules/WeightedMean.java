package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.WorkerVectors;

/**
 * The weighted mean Σᵢ wᵢxᵢ / Σᵢ wᵢ over capped weights ({@link WeightCap}): FedAvg's average by sample counts
 * (McMahan et al. 2017), as unprotected against a Byzantine vector as {@link Mean}; the cap only stops a worker
 * from taking over the average by its weight alone. Any 0 ≤ f &lt; n. Computed by the combination pass
 * ({@link Combination}: anchored, double accumulation, one rounding), as the Mean is.
 */
public final class WeightedMean extends WeightedRule {

  public WeightedMean(WeightCap cap) {
    super(cap, false);
  }

  @Override
  public String name() {
    return "WMean(" + cap.label() + ")";
  }

  @Override
  protected void aggregateCapped(WorkerVectors finite, double[] w, int f, float[] out) {
    double total = 0;
    for (double v : w) {
      total += v;
    }
    double[] beta = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      beta[i] = w[i] / total;
    }
    Combination.write(Rows.readOnly(finite), beta, out);
  }
}
