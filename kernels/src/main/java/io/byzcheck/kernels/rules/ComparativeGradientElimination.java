package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.ScreeningRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * Comparative gradient elimination, CGE (Gupta et al. 2021; RESAM Appendix C.9): the average of the
 * n − f inputs of smallest norm (ties: lower index). Not resilient averaging for any λ (RESAM's
 * counterexample: honest identical vectors, Byzantine ones of smaller norm).
 */
public final class ComparativeGradientElimination extends ScreeningRule {

  @Override
  public String name() {
    return "CGE";
  }

  @Override
  protected void aggregateFinite(WorkerVectors finite, int f, float[] out) {
    float[][] rows = Rows.of(finite);
    double[] norms = new double[rows.length];
    VectorizationProvider.getInstance().gramKernel().squaredNorms(rows, norms);
    Combination.average(rows, KrumScores.best(norms, rows.length - f), out);
  }
}
