package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.FiniteWorkers;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.vectorization.CoordinateKernels;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * Mean around median, MeaMed (Xie et al. 2018; Farhadkhani et al. 2022, Appendix C.4): per
 * coordinate, the average of the n − f values nearest the coordinate-wise median; among equally
 * near values the smaller are taken first (the kernels' {@code MedianWindow}). (f, λ)-resilient with
 * λ = 2f/(n−f)·min{2√(n−f), √d} (Prop. 5), f &lt; n/2.
 */
public final class MeanAroundMedian implements AggregationRule {
  private final CoordinateKernels kernels = VectorizationProvider.getInstance().coordinateKernels();

  @Override
  public String name() {
    return "MeaMed";
  }

  @Override
  public void aggregate(WorkerVectors x, int f, float[] out) {
    Constraints.requireMinorityByzantine(name(), x.n(), f);
    // The usual round, every worker finite: the kernel checks that within its own pass (no separate read
    // of the n·d floats, no screening record, no allocation); otherwise screen and run again.
    FiniteWorkers.validate(x, f, out);
    if (kernels.meanAroundMedianIfFinite(Rows.readOnly(x), f, out)) {
      return;
    }
    FiniteWorkers s = FiniteWorkers.screen(x, f);
    kernels.meanAroundMedian(Rows.readOnly(s.vectors()), s.f(), out);
  }
}
