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

  /** 1 − cos between the vectors clipped to τ, from their coordinates (a zero vector: cosine 0). */
  private static double[][] cosineDistances(double[][] x, double[] norms, double tau) {
    int n = x.length;
    int d = x[0].length;
    double[][] clipped = new double[n][d];
    for (int i = 0; i < n; i++) {
      double s = norms[i] > tau ? tau / norms[i] : 1;
      for (int k = 0; k < d; k++) {
        clipped[i][k] = x[i][k] * s;
      }
    }
    double[][] distance = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double a = Geometry.norm(clipped[i]);
        double b = Geometry.norm(clipped[j]);
        double dot = 0;
        for (int k = 0; k < d; k++) {
          dot += clipped[i][k] * clipped[j][k];
        }
        double cos = a > 0 && b > 0 ? dot / (a * b) : 0;
        distance[i][j] = distance[j][i] = 1 - Math.max(-1, Math.min(1, cos));
      }
    }
    return distance;
  }
}
