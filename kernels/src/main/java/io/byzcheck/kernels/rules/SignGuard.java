package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.ScreeningRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * SignGuard (Xu, Huang, Zhang, Jiang, Li &amp; Zhou 2022, ICDCS, "SignGuard: Byzantine-robust Federated Learning
 * through Collaborative Malicious Gradient Filtering", Alg. 1), the plain variant of the authors' code
 * ({@code signguard_multiclass}):
 * <ol>
 *   <li>norm filter: M = the median of the norms ‖gᵢ‖ (midpoint for even n); S₁ = {i : 0.1·M &lt; ‖gᵢ‖ &lt; 3·M};</li>
 *   <li>sign filter: on a block of m = max{1, ⌊0.1·d⌋} consecutive coordinates starting at a seeded uniform
 *       position in [0, d − m], each worker's fractions of positive, zero and negative coordinates, each divided by
 *       its maximum over the workers (0 if that is 0); S₂ = the largest cluster of these features under the flat
 *       mean shift stated in {@link FlatMeanShift} (the authors run scikit-learn's MeanShift);</li>
 *   <li>the mean over S = S₁ ∩ S₂ of gᵢ·min{1, M/‖gᵢ‖} (every gradient clipped to the median norm); S empty gives
 *       the zero vector (the authors' mean of nothing is NaN).</li>
 * </ol>
 * The block's position comes from {@link RoundSeed}: reproducible, independent of threads and of the workers'
 * order, new each round. Differences from peers: the authors divide by max + 10⁻⁸ and seed scikit-learn's binned
 * mean shift; Blades' {@code Signguard} clips before the norm filter, uses all coordinates and 2-means instead of
 * mean shift. f is not a parameter of SignGuard: it only bounds the non-finite workers the screen may exclude.
 *
 * <p>Fast path: the norms from the Gram kernels' vectorised pass, the sign counts from the m-coordinate block, the
 * clipped mean as one combination pass ({@link ScaledCombination}).
 */
public final class SignGuard extends ScreeningRule {
  /** The norm filter's bounds as multiples of the median norm (the authors' L = 0.1, R = 3.0). */
  public static final double LOWER = 0.1;

  public static final double UPPER = 3.0;

  private final long seed;

  private SignGuard(long seed) {
    this.seed = seed;
  }

  /** SignGuard whose coordinate block is drawn from this seed (mixed with each round's input). */
  public static SignGuard seeded(long seed) {
    return new SignGuard(seed);
  }

  @Override
  public String name() {
    return "SignGuard";
  }

  public long seed() {
    return seed;
  }

  /** The block's length m = max{1, ⌊0.1·d⌋}. */
  public static int blockLength(int d) {
    return Math.max(1, d / 10);
  }

  /** The block's first coordinate, uniform in [0, d − m], from the round's seed. */
  public static int blockStart(long roundSeed, int d) {
    return RoundSeed.stream(roundSeed, 0).nextInt(d - blockLength(d) + 1);
  }

  /**
   * The non-finite check rides on the norms' pass: a squared norm summed in double from finite floats is finite
   * (at most d·(3.4·10³⁸)² ≈ 10⁸⁶), and NaN or ±∞ as soon as one coordinate is. Saves the screen's own read of the
   * n·d floats on every clean round.
   */
  @Override
  protected boolean aggregateIfFinite(WorkerVectors x, int f, float[] out) {
    float[][] rows = Rows.of(x);
    double[] sq = squaredNorms(rows);
    for (double v : sq) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    run(rows, sq, out);
    return true;
  }

  @Override
  protected void aggregateFinite(WorkerVectors finite, int f, float[] out) {
    float[][] rows = Rows.of(finite);
    run(rows, squaredNorms(rows), out);
  }

  private static double[] squaredNorms(float[][] rows) {
    double[] sq = new double[rows.length];
    VectorizationProvider.getInstance().gramKernel().squaredNorms(rows, sq);
    return sq;
  }

  /** The rule on finite rows, given their squared norms. */
  private void run(float[][] rows, double[] sq, float[] out) {
    int n = rows.length;
    int d = rows[0].length;
    double[] norms = new double[n];
    for (int i = 0; i < n; i++) {
      norms[i] = Math.sqrt(sq[i]);
    }
    int m = blockLength(d);
    int start = blockStart(RoundSeed.of(seed, rows), d);
    int[][] counts = new int[n][3];
    for (int i = 0; i < n; i++) {
      float[] row = rows[i];
      for (int k = start; k < start + m; k++) {
        counts[i][row[k] > 0 ? 0 : row[k] < 0 ? 2 : 1]++;
      }
    }
    boolean[] selected = selected(norms, counts, m);
    ScaledCombination.clippedMean(rows, norms, selected, ClippedClustering.median(norms), out);
  }

  /**
   * S = S₁ ∩ S₂ from the norms and, per worker, the counts of positive, zero and negative coordinates in the block
   * of length m. Shared by the fast rule and the reference (which counts and takes norms on its own).
   */
  public static boolean[] selected(double[] norms, int[][] counts, int m) {
    int n = norms.length;
    double median = ClippedClustering.median(norms);
    double[] max = new double[3];
    for (int[] c : counts) {
      for (int s = 0; s < 3; s++) {
        max[s] = Math.max(max[s], (double) c[s] / m);
      }
    }
    double[][] features = new double[n][3];
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < 3; s++) {
        features[i][s] = max[s] > 0 ? ((double) counts[i][s] / m) / max[s] : 0;
      }
    }
    boolean[] in = FlatMeanShift.largestCluster(features);
    for (int i = 0; i < n; i++) {
      in[i] &= norms[i] > LOWER * median && norms[i] < UPPER * median;
    }
    return in;
  }
}
