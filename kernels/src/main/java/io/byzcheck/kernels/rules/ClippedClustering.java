package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.ScreeningRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * Clipped clustering (Li, Sun &amp; Zheng, "An Experimental Study of Byzantine-Robust Aggregation Schemes in
 * Federated Learning", IEEE Trans. Big Data 2023, §III; Blades' {@code Clippedclustering}):
 * <ol>
 *   <li>τ = the median of the n norms ‖gᵢ‖ (the midpoint of the middle two for even n); gᵢ ↦ gᵢ·min{1, τ/‖gᵢ‖};</li>
 *   <li>cosine distances 1 − cos(gᵢ, gⱼ) (clipping leaves them unchanged; a zero vector has cosine 0 with every
 *       vector, distance 1), agglomerative clustering with average linkage into two clusters
 *       ({@link AverageLinkage});</li>
 *   <li>the mean of the clipped vectors of the larger cluster; of equal sizes, the one of smaller average
 *       distance within it, then the one holding the contents-first worker.</li>
 * </ol>
 * Differences from Blades: τ is the median of this round's norms, so that F is a function of the round (Blades
 * takes the median of every norm seen since the first round, and caps τ at 10⁵); the clusters' tie-breaks are
 * stated instead of scikit-learn's. f is not a parameter of the rule: it only bounds the non-finite workers the
 * screen may exclude.
 *
 * <p>Fast path: one uncentred Gram pass over the n·d floats (the Gram kernels centred at the origin) gives every
 * norm and inner product in double, and its diagonal doubles as the non-finite check (a NaN or ±∞ coordinate
 * makes Gᵢᵢ non-finite; huge finite floats square to at most ~10⁷⁷); the clustering is O(n³) on G and the mean one
 * combination pass.
 */
public final class ClippedClustering extends ScreeningRule {
  private static final ThreadLocal<float[]> ORIGIN = new ThreadLocal<>();

  @Override
  public String name() {
    return "ClippedClustering";
  }

  @Override
  protected boolean aggregateIfFinite(WorkerVectors x, int f, float[] out) {
    float[][] rows = Rows.of(x);
    double[][] g = gram(rows);
    for (int i = 0; i < rows.length; i++) {
      if (!Double.isFinite(g[i][i])) {
        return false;
      }
    }
    run(rows, g, out);
    return true;
  }

  @Override
  protected void aggregateFinite(WorkerVectors finite, int f, float[] out) {
    float[][] rows = Rows.of(finite);
    run(rows, gram(rows), out);
  }

  private static double[][] gram(float[][] rows) {
    int d = rows[0].length;
    float[] origin = ORIGIN.get();
    if (origin == null || origin.length != d) {
      origin = new float[d];
      ORIGIN.set(origin);
    }
    double[][] g = new double[rows.length][rows.length];
    VectorizationProvider.getInstance().gramKernel().gram(rows, new float[][] {origin}, g);
    return g;
  }

  private static void run(float[][] rows, double[][] g, float[] out) {
    int n = rows.length;
    double[] norms = new double[n];
    for (int i = 0; i < n; i++) {
      norms[i] = Math.sqrt(Math.max(0, g[i][i]));
    }
    double[][] distance = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double cos = norms[i] > 0 && norms[j] > 0 ? g[i][j] / (norms[i] * norms[j]) : 0;
        distance[i][j] = distance[j][i] = 1 - Math.max(-1, Math.min(1, cos));
      }
    }
    boolean[] chosen = larger(distance, KrumScores.byContents(rows));
    ScaledCombination.clippedMean(rows, norms, chosen, median(norms), out);
  }

  /** The larger of the two average-linkage clusters (equal sizes: the tighter, then cluster 0). */
  public static boolean[] larger(double[][] distance, KrumScores.Tie tie) {
    int n = distance.length;
    int[] labels = AverageLinkage.twoClusters(distance, tie);
    int[] size = new int[2];
    double[] within = new double[2];
    for (int i = 0; i < n; i++) {
      size[labels[i]]++;
      for (int j = i + 1; j < n; j++) {
        if (labels[i] == labels[j]) {
          within[labels[i]] += distance[i][j];
        }
      }
    }
    int pick;
    if (size[0] != size[1]) {
      pick = size[0] > size[1] ? 0 : 1;
    } else {
      pick = within[1] < within[0] ? 1 : 0; // equal sizes, so the sums compare as the averages
    }
    boolean[] in = new boolean[n];
    for (int i = 0; i < n; i++) {
      in[i] = labels[i] == pick;
    }
    return in;
  }

  /** The median of the values, the midpoint of the middle two for an even count (NumPy's {@code median}). */
  public static double median(double[] values) {
    double[] s = values.clone();
    java.util.Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
