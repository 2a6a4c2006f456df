package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.FiniteWorkers;
import io.byzcheck.kernels.ScreeningRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.internal.vectorization.GramKernel;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * MoNNA's nearest-neighbour averaging (Farhadkhani, Guerraoui, Gupta, Hoang, Pinot &amp; Stephan 2023, ICML,
 * "Robust Collaborative Learning with Linear Gradient Overhead", Alg. 1, the NNA step; ByzFL's {@code MoNNA(f, idx)}):
 * the average of the n − f inputs nearest to the pivot x_p, the pivot itself included, where p is a worker the
 * caller trusts (in the paper, the honest node doing the mixing: its own vector). f &lt; n/2.
 *
 * <p>It needs only the n distances from the pivot, one O(n·d) pass (no Gram matrix), which also finds the
 * non-finite workers: with a finite pivot a distance is NaN or ∞ exactly when its row is not finite. A non-finite
 * pivot is an error, not a Byzantine worker to exclude: the pivot is trusted by definition. After excluding
 * non-finite workers the pivot keeps its identity (its index among the rows kept). Ties in distance are broken by
 * the vectors' contents ({@link KrumScores#byContents}), then the index, so the output depends on which worker is
 * the pivot but not on the order of the others.
 */
public final class MoNNA extends ScreeningRule {
  static final String WHO = "MoNNA (Farhadkhani et al. 2023)";
  private final int pivot;

  private MoNNA(int pivot) {
    this.pivot = pivot;
  }

  /** MoNNA centred on worker {@code pivot} (0-based; ByzFL's {@code idx}, default 0 there). */
  public static MoNNA pivot(int pivot) {
    Checks.atLeast(WHO, "the pivot index", pivot, 0);
    return new MoNNA(pivot);
  }

  public int pivot() {
    return pivot;
  }

  @Override
  public String name() {
    return "MoNNA(pivot " + pivot + ")";
  }

  @Override
  protected void checkConstraints(int n, int f) {
    Checks.minorityByzantine(WHO, n, f);
    if (pivot >= n) {
      throw Checks.failure(WHO, "pivot < n", "pivot", pivot, "n", n);
    }
  }

  /**
   * The pivot's index among the workers kept after excluding {@code excluded} (ascending), or the error that the
   * trusted pivot itself sent a non-finite vector.
   */
  public static int pivotAmongKept(int pivot, int[] excluded) {
    int below = 0;
    for (int e : excluded) {
      if (e == pivot) {
        throw Checks.failure(WHO, "a finite pivot (the trusted worker's own vector)", "pivot", pivot);
      }
      if (e < pivot) {
        below++;
      }
    }
    return pivot - below;
  }

  @Override
  protected boolean aggregateIfFinite(WorkerVectors x, int f, float[] out) {
    int n = x.n();
    float[] p = x.row(pivot);
    if (!FiniteWorkers.allFinite(p)) {
      pivotAmongKept(pivot, new int[] {pivot});
    }
    GramKernel k = VectorizationProvider.getInstance().gramKernel();
    double[] d2 = new double[n];
    for (int i = 0; i < n; i++) {
      d2[i] = k.squaredDistance(p, x.row(i));
      if (!Double.isFinite(d2[i])) {
        FiniteWorkers s = FiniteWorkers.screen(x, f);
        int kept = pivotAmongKept(pivot, s.excluded());
        average(s.vectors(), s.f(), kept, distances(s.vectors(), kept), out);
        return true;
      }
    }
    average(x, f, pivot, d2, out);
    return true;
  }

  /** Reached only through {@link #aggregateIfFinite}'s own screening, kept for the template's contract. */
  @Override
  protected void aggregateFinite(WorkerVectors finite, int f, float[] out) {
    average(finite, f, pivot, distances(finite, pivot), out);
  }

  private static double[] distances(WorkerVectors x, int p) {
    GramKernel k = VectorizationProvider.getInstance().gramKernel();
    double[] d2 = new double[x.n()];
    for (int i = 0; i < d2.length; i++) {
      d2[i] = k.squaredDistance(x.row(p), x.row(i));
    }
    return d2;
  }

  /** The average of the n − f rows nearest the pivot: the pivot first, then by (distance, contents, index). */
  private static void average(WorkerVectors x, int f, int p, double[] d2, float[] out) {
    float[][] rows = Rows.readOnly(x);
    int n = rows.length;
    d2[p] = -1;
    int[] order = KrumScores.rank(d2, KrumScores.byContents(rows), new int[n]);
    Combination.average(rows, order, n - f, new double[n], out);
  }
}
