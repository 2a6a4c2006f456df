package io.byzcheck.kernels.reference;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.FiniteWorkers;
import io.byzcheck.kernels.WorkerVectors;

/**
 * A plain reference implementation: double arithmetic, written straight from the paper's
 * definition, no tricks. The fast kernels are tested against these.
 *
 * <p>{@link #aggregateExact} receives only finite rows and an f already reduced by the
 * non-finite policy; the float entry point applies that policy first.
 */
public interface ReferenceRule extends AggregationRule {

  /** F(x) in double precision for finite x, with f the Byzantine budget left after screening. */
  double[] aggregateExact(double[][] x, int f);

  @Override
  default void aggregate(WorkerVectors x, int f, float[] out) {
    FiniteWorkers s = FiniteWorkers.screen(x, f, out);
    double[] r = aggregateExact(s.vectors().toDoubles(), s.f());
    for (int k = 0; k < out.length; k++) {
      out[k] = (float) r[k];
    }
  }
}
