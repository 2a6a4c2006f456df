package io.byzcheck.kernels.reference;

import io.byzcheck.kernels.rules.ClippedClustering;
import io.byzcheck.kernels.rules.KrumScores;

/**
 * Clipped clustering (Li et al. 2023; Blades' {@code Clippedclustering}) in double from its definition: every vector
 * clipped to the median norm, cosine distances 1 − cos between the clipped vectors computed directly from their
 * coordinates, average-linkage clustering into two, the mean of the larger cluster's clipped vectors
 * ({@link ClippedClustering} for the tie-breaks, shared with it; {@link Geometry#clippedMean}).
 */
public final class ClippedClusteringReference implements ReferenceRule {

  @Override
  public String name() {
    return "ClippedClustering (reference)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    return Geometry.clippedMean(x, (norms, tau) -> ClippedClustering.larger(cosineDistances(x, norms, tau),
        KrumScores.byContents(x)));
  }

  /** The cosine distances the reference clusters (τ = the median norm): for the corpus's near-tie test. */
  public static double[][] cosineDistances(double[][] x) {
    double[] norms = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      norms[i] = Geometry.norm(x[i]);
    }
    return cosineDistances(x, norms, ClippedClustering.median(norms));
  }

  /**
   * 1 − cos between the vectors clipped to τ, as ‖a/‖a‖ − b/‖b‖‖²/2 per coordinate in double (a zero vector:
   * cosine 0, distance 1). Not as 1 − ⟨a, b⟩/(‖a‖‖b‖): on nearly parallel vectors (a tiny spread on a large common
   * offset) that subtraction cancels every significant digit of the distance (issue 16), while each coordinate's
   * difference of unit vectors here is exact to a few roundings of its own size.
   */
  private static double[][] cosineDistances(double[][] x, double[] norms, double tau) {
    int n = x.length;
    int d = x[0].length;
    double[][] unit = new double[n][];
    for (int i = 0; i < n; i++) {
      double s = norms[i] > tau ? tau / norms[i] : 1;
      double[] clipped = new double[d];
      for (int k = 0; k < d; k++) {
        clipped[k] = x[i][k] * s;
      }
      double a = Geometry.norm(clipped);
      if (a > 0) {
        for (int k = 0; k < d; k++) {
          clipped[k] /= a;
        }
        unit[i] = clipped;
      }
    }
    double[][] distance = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        distance[i][j] = distance[j][i] =
            unit[i] == null || unit[j] == null ? 1 : Geometry.squaredDistance(unit[i], unit[j]) / 2;
      }
    }
    return distance;
  }
}
