package io.byzcheck.kernels.reference;

import io.byzcheck.kernels.rules.KrumScores;

/**
 * Krum / Krum* / Multi-Krum*_q from the definitions (Blanchard et al. 2017; RESAM C.5): squared
 * distances computed directly as Σ_k (x_ik − x_jk)² in double, scores over the nearest neighbours,
 * average of the q best; equal scores broken by the vectors' contents, as the fast rule does.
 */
public final class KrumReference implements ReferenceRule {
  private final boolean blanchard;
  private final int q;

  private KrumReference(boolean blanchard, int q) {
    this.blanchard = blanchard;
    this.q = q;
  }

  public static KrumReference blanchard() {
    return new KrumReference(true, 1);
  }

  public static KrumReference star() {
    return new KrumReference(false, 1);
  }

  public static KrumReference multiStar(int q) {
    return new KrumReference(false, q);
  }

  @Override
  public String name() {
    return (blanchard ? "Krum" : q == 1 ? "Krum*" : "Multi-Krum*_" + q) + " (reference)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    int n = x.length;
    int d = x[0].length;
    if (n == 1) {
      return x[0].clone();
    }
    double[] scores = KrumScores.of(Geometry.squaredDistances(x), blanchard ? n - f - 2 : n - f - 1);
    int[] best = KrumScores.best(scores, Math.min(q, n), KrumScores.byContents(x));
    double[] out = new double[d];
    for (int i : best) {
      for (int k = 0; k < d; k++) {
        out[k] += x[i][k] / best.length;
      }
    }
    return out;
  }
}
