package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;

/**
 * Weighted β-trimmed mean by weight mass, over capped weights ({@link WeightCap}): per coordinate, with the values
 * sorted and W the total weight, remove weight mass βW from the bottom and βW from the top (a value at a boundary
 * loses part of its weight) and divide the weighted sum of the rest by (1 − 2β)W. With integer weights and βW an
 * integer that is Yin's Definition 2 on the rows repeated wᵢ times. β ∈ [0, 1/2); the trim must cover the f
 * Byzantine workers even at the largest capped weight: βW ≥ f·maxᵢ wᵢ (the weighted form of Yin's f ≤ βm), checked
 * on the workers kept. The values are sorted stably, the peels and the sum go in sorted order, in double; the
 * kernels ({@code CoordinateKernels#weightedTrimmedMean}: scalar insertion sort, or Vector API stable ranks) do the
 * same double operations, so give the same floats.
 */
public final class WeightedTrimmedMean extends WeightedRule {
  private final double beta;

  public WeightedTrimmedMean(double beta, WeightCap cap) {
    super(cap, true);
    Checks.require(beta >= 0 && beta < 0.5, "weighted trimmed mean (Yin Def. 2 by mass)", "β ∈ [0, 1/2)", "β", beta);
    this.beta = beta;
  }

  @Override
  public String name() {
    return "WTrMean(β=" + beta + ", " + cap.label() + ")";
  }

  @Override
  protected void aggregateCapped(WorkerVectors x, double[] w, int f, float[] out) {
    double total = total(w);
    double trim = beta * total;
    double largest = 0;
    for (double v : w) {
      largest = Math.max(largest, v);
    }
    if (trim < f * largest * (1 - 1e-12)) {
      throw Checks.failure(name(), "βW ≥ f·max w (the trim covers f workers at the largest capped weight)", "βW",
          trim, "f·max w", f * largest);
    }
    double kept = total - 2 * trim;
    kernels().weightedTrimmedMean(Rows.readOnly(x), w, trim, kept, out);
  }
}
