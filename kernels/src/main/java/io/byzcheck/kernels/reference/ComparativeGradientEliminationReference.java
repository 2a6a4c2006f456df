package io.byzcheck.kernels.reference;

import io.byzcheck.kernels.rules.KrumScores;

/** CGE from RESAM C.9: sort by norm (direct double), average the n − f smallest. */
public final class ComparativeGradientEliminationReference implements ReferenceRule {

  @Override
  public String name() {
    return "CGE (reference)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    double[] norms = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      norms[i] = Geometry.norm(x[i]);
    }
    return Geometry.mean(x, KrumScores.best(norms, x.length - f));
  }
}
