package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.ScreeningRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.vectorization.CentredGram;
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
 * combination pass. Where some pair is nearly parallel (offset data: a tiny spread on a large common offset), its
 * 1 − ⟨a, b⟩/(‖a‖‖b‖) has cancelled to rounding noise (issue 16), and a second Gram pass, of the rows and the origin
 * centred at the rows' median, gives those distances without the cancellation ({@link #refine}).
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
    double[][] g = new double[rows.length][rows.length];
    VectorizationProvider.getInstance().gramKernel().gram(rows, new float[][] {origin(rows[0].length)}, g);
    return g;
  }

  /** The thread's zero vector of length d (read only). */
  private static float[] origin(int d) {
    float[] origin = ORIGIN.get();
    if (origin == null || origin.length != d) {
      origin = new float[d];
      ORIGIN.set(origin);
    }
    return origin;
  }

  private static void run(float[][] rows, double[][] g, float[] out) {
    int n = rows.length;
    double[] norms = new double[n];
    for (int i = 0; i < n; i++) {
      norms[i] = Math.sqrt(Math.max(0, g[i][i]));
    }
    double[][] distance = new double[n][n];
    double gamma = CentredGram.doubleEntryError(rows[0].length);
    boolean nearlyParallel = false;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double cos = norms[i] > 0 && norms[j] > 0 ? g[i][j] / (norms[i] * norms[j]) : 0;
        distance[i][j] = distance[j][i] = 1 - Math.max(-1, Math.min(1, cos));
        // 1 − cos is known here only to about 2γ absolutely (the cancellation of issue 16)
        nearlyParallel |= norms[i] > 0 && norms[j] > 0 && distance[i][j] < PARALLEL * gamma;
      }
    }
    if (nearlyParallel) {
      refine(rows, norms, distance);
    }
    boolean[] chosen = larger(distance, KrumScores.byContents(rows));
    ScaledCombination.clippedMean(rows, norms, chosen, median(norms), out);
  }

  /**
   * Refine when some distance's relative error bound 2γ/(1 − cos) from the origin Gram exceeds 2⁻²⁵: below that
   * the float32 inputs themselves, not the distance, limit the decisions' resolution.
   */
  private static final double PARALLEL = 0x1p26;

  /**
   * Recomputes the cosine distances from a Gram of the rows and the origin o centred at the rows' coordinate-wise
   * median c (yᵢ = xᵢ − c, yₒ = −c), wherever that is better conditioned than the origin Gram. With
   * α = ‖a‖, β = ‖b‖: 2(1 − cos(a, b)) = ‖a/α − b/β‖² = ‖w_a·y_a + w_b·y_b + w_o·y_o‖², w = (1/α, −1/β, 1/β − 1/α)
   * (the weights sum to 0, so c cancels), a quadratic form on the 3 × 3 block of the centred Gram. Its rounding is
   * about γ·S², S = Σ|wᵢ|·‖yᵢ‖ (γ per entry relative to √(GᵢᵢGⱼⱼ), {@link CentredGram#entryError}), against γ·2²
   * for the origin Gram (S = 1/α·α + 1/β·β): on offset data (rows = O + ε, c ≈ O) every term is of the size
   * (ε/‖O‖)² of the result, where 1 − ⟨a, b⟩/(αβ) cancelled all of it. 1/β − 1/α = (α² − β²)/(αβ(α + β)) with
   * α² − β² = (G_aa − G_bb) − 2(G_ao − G_bo), which never forms the large G_oo = ‖c‖² common to both norms. A tiny
   * vector among large ones (‖c‖ ≫ α), or collinear rows of different norms, make γ·S² large against the result:
   * those pairs (a relative bound above 2⁻²⁵) are computed from their coordinates ({@link #unitDifference}).
   */
  private static void refine(float[][] rows, double[] norms, double[][] distance) {
    int n = rows.length;
    float[][] withOrigin = java.util.Arrays.copyOf(rows, n + 1);
    withOrigin[n] = origin(rows[0].length);
    CentredGram cg = VectorizationProvider.getInstance().gramKernel().reusedCentredGram(withOrigin);
    double gamma = cg.entryError();
    double goo = cg.row(n)[n];
    double[] go = cg.row(n);
    double[] alpha = new double[n];
    for (int i = 0; i < n; i++) {
      alpha[i] = Math.sqrt(Math.max(0, cg.row(i)[i] - 2 * go[i] + goo));
    }
    for (int a = 0; a < n; a++) {
      double[] ga = cg.row(a);
      for (int b = a + 1; b < n; b++) {
        if (!(alpha[a] > 0 && alpha[b] > 0 && distance[a][b] < PARALLEL * gamma)) {
          continue; // a zero vector (distance 1), or a distance the origin Gram already has well
        }
        double[] gb = cg.row(b);
        double wa = 1 / alpha[a];
        double wb = -1 / alpha[b];
        double wo = ((ga[a] - gb[b]) - 2 * (go[a] - go[b])) / (alpha[a] * alpha[b] * (alpha[a] + alpha[b]));
        double s = Math.abs(wa) * Math.sqrt(ga[a]) + Math.abs(wb) * Math.sqrt(gb[b]) + Math.abs(wo) * Math.sqrt(goo);
        double q = wa * wa * ga[a] + wb * wb * gb[b] + wo * wo * goo
            + 2 * (wa * wb * ga[b] + wa * wo * go[a] + wb * wo * go[b]);
        if (!(gamma * s * s <= 0x1p-25 * q)) {
          // Neither centre conditions this pair (collinear rows of different norms: S ≈ 2 and 1 − cos at the
          // rounding of the floats' directions, ~10⁻¹⁵): from the coordinates, as the reference does. Rare, O(d).
          q = unitDifference(rows[a], rows[b], norms[a], norms[b]);
        }
        distance[a][b] = distance[b][a] = Math.max(0, Math.min(2, q / 2));
      }
    }
  }

  /** ‖a/α − b/β‖² in double from the coordinates (the reference's formula; α, β from the Gram). */
  private static double unitDifference(float[] a, float[] b, double alpha, double beta) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      double e = a[k] / alpha - b[k] / beta;
      s += e * e;
    }
    return s;
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
