package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.FiniteWorkers;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.internal.vectorization.CentredGram;

/**
 * Krum and Multi-Krum, in the variants the literature uses (named, never defaulted):
 * <ul>
 *   <li>{@link #blanchard()}: Blanchard et al. 2017: score = sum of squared distances to the
 *       n − f − 2 nearest others; output the best-scored vector; needs n &gt; 2f + 2;</li>
 *   <li>{@link #star()}: RESAM Appendix C.5, Krum*: n − f − 1 nearest; f &lt; n/2;
 *       λ = 1 + √((n−f)/(n−2f)) (Prop. 6, q = 1);</li>
 *   <li>{@link #multiStar(int)}: Multi-Krum*_q: the average of the q best-scored vectors, 1 ≤ q ≤ n − f;
 *       λ = (1 + √((n−f)/(n−2f)))·min{1, (n−q)/(n−f)} (Prop. 6).</li>
 * </ul>
 * Distances come from the median-centred Gram matrix ({@link CentredGram}). Equal scores are
 * broken by the vectors' contents ({@link KrumScores#byContents(float[][])}), so the output does not
 * depend on the order of the workers; the reference does the same. The scores are first taken on the
 * faster ranking Gram ({@link io.byzcheck.kernels.internal.vectorization.GramKernel#reusedRankingGram}); the double Gram is computed only when
 * that one's proven error bound leaves the chosen set uncertain.
 */
public final class Krum extends GramRule {
  private final boolean blanchard;
  private final int q;

  private Krum(boolean blanchard, int q) {
    super(true);
    this.blanchard = blanchard;
    this.q = q;
  }

  public static Krum blanchard() {
    return new Krum(true, 1);
  }

  public static Krum star() {
    return new Krum(false, 1);
  }

  public static Krum multiStar(int q) {
    if (q < 1) {
      throw Checks.failure("Multi-Krum*_q", "q ≥ 1", "q", q);
    }
    return new Krum(false, q);
  }

  @Override
  public String name() {
    return blanchard ? "Krum" : q == 1 ? "Krum*" : "Multi-Krum*_" + q;
  }

  /** Neighbours counted in the score for n workers and f Byzantine. */
  public int neighbours(int n, int f) {
    return blanchard ? n - f - 2 : n - f - 1;
  }

  /** Validates the rule's constraints on (n, f) with a message that names the failing one. */
  public void validate(int n, int f) {
    if (blanchard) {
      if (f < 0) {
        throw Checks.failure("Krum (Blanchard et al.)", "f ≥ 0", "f", f);
      }
      if (n <= 2 * f + 2) {
        throw Checks.failure("Krum (Blanchard et al.)", "n > 2f + 2", "n", n, "f", f);
      }
    } else {
      Checks.minorityByzantine(name(), n, f);
      if (q > n - f) {
        throw Checks.failure(name(), "q ≤ n − f", "q", q, "n − f", n - f);
      }
    }
  }

  /**
   * True if the q best-scored workers on the ranking Gram are the q best on exact distances: each score
   * sums k distances, so it errs by at most k times its row's largest distance error, and the chosen set
   * is certain when even the worst chosen score plus its error stays below the best unchosen score minus
   * its error. Only the set matters: the output is its average.
   */
  private static boolean certified(CentredGram g, double[] scores, int[] order, int k, int q) {
    int n = scores.length;
    if (q >= n) {
      return true;
    }
    double chosenMax = Double.NEGATIVE_INFINITY;
    double othersMin = Double.POSITIVE_INFINITY;
    for (int t = 0; t < n; t++) {
      int i = order[t];
      double e = 0;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          e = Math.max(e, g.distanceError(i, j));
        }
      }
      e *= k;
      if (t < q) {
        chosenMax = Math.max(chosenMax, scores[i] + e);
      } else {
        othersMin = Math.min(othersMin, scores[i] - e);
      }
    }
    return chosenMax < othersMin;
  }

  @Override
  protected void checkConstraints(int n, int f) {
    validate(n, f);
  }

  /** A single worker is its own Krum: no Gram, just the scan for non-finite values. */
  @Override
  protected boolean aggregateIfFinite(WorkerVectors x, int f, float[] out) {
    if (x.n() == 1) {
      if (!FiniteWorkers.allFinite(x)) {
        return false;
      }
      System.arraycopy(x.row(0), 0, out, 0, out.length);
      return true;
    }
    return super.aggregateIfFinite(x, f, out);
  }

  @Override
  protected void aggregateFinite(WorkerVectors finite, int f, float[] out) {
    if (finite.n() == 1) {
      System.arraycopy(finite.row(0), 0, out, 0, out.length);
      return;
    }
    super.aggregateFinite(finite, f, out);
  }

  @Override
  void run(Workspace w, int f, float[] out) {
    int n = w.n;
    float[][] rows = w.rows;
    try {
      int k = neighbours(n, f);
      int chosen = Math.min(q, n);
      double[] scores = KrumScores.of(w.gram.squaredDistances(), k, w.scores, w.sorted);
      int[] order = KrumScores.rank(scores, w.byContents, w.order);
      if (w.gram.approximate() && !certified(w.gram, scores, order, k, chosen)) {
        w.exactGram();
        scores = KrumScores.of(w.gram.squaredDistances(), k, w.scores, w.sorted);
        order = KrumScores.rank(scores, w.byContents, w.order);
      }
      Combination.average(rows, order, chosen, w.beta, out);
    } finally {
      w.release();
    }
  }
}
