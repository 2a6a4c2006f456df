package io.byzcheck.properties.controls;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.FiniteWorkers;
import io.byzcheck.kernels.WorkerVectors;
import java.util.Arrays;

/**
 * NEGATIVE CONTROL, wrong on purpose: a "median" that returns the (⌊n/2⌋ + 2)-th smallest value of
 * each coordinate (clamped to the n-th). With f Byzantine workers placed above the honest ones it is
 * dragged outside the honest range, so the resilience check must report it as violating.
 */
public final class WrongOrderStatisticMedian implements AggregationRule {

  @Override
  public String name() {
    return "CWMed with the (n/2+2)-th order statistic (wrong on purpose)";
  }

  @Override
  public void aggregate(WorkerVectors x, int f, float[] out) {
    WorkerVectors v = FiniteWorkers.screen(x, f, out).vectors();
    int n = v.n();
    int rank = Math.min(n - 1, n / 2 + 1); // 0-based index of the (n/2 + 2)-th smallest
    float[] column = new float[n];
    for (int k = 0; k < out.length; k++) {
      for (int i = 0; i < n; i++) {
        column[i] = v.get(i, k);
      }
      Arrays.sort(column);
      out[k] = column[rank];
    }
  }
}
