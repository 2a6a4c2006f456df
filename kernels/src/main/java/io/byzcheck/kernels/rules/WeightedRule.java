package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.FiniteWorkers;
import io.byzcheck.kernels.WorkerVectors;

/**
 * An aggregation rule over workers that report weights (their sample counts): F(x, w). The call is checked and
 * screened the one way every rule of this library is: out.length = d and 0 ≤ f &lt; n, the rule's own constraint
 * on (n, f), then the non-finite policy (a worker with a NaN or ±∞ coordinate is excluded, its weight dropped, and
 * charged to f), then the weights ({@link WeightCap#apply}: one finite weight ≥ 0 per worker, capped at c times
 * the median weight of the workers kept, positive total). The rule runs on the kept workers and capped weights.
 *
 * <p>With integer weights and no cap binding, each rule equals its unweighted rule on the input with row i
 * repeated wᵢ times (the tests hold them to that).
 */
public abstract class WeightedRule {
  /** The cap on reported weights: part of the rule's definition. */
  protected final WeightCap cap;
  /** Whether the rule needs f &lt; n/2 (the median and trimmed mean do; the mean takes any f &lt; n). */
  private final boolean minority;

  protected WeightedRule(WeightCap cap, boolean minority) {
    this.cap = java.util.Objects.requireNonNull(cap, "cap");
    this.minority = minority;
  }

  /** Short name with the cap, e.g. "WMean(cap 2×med)". */
  public abstract String name();

  /** Aggregates the n weighted vectors, at most f of them Byzantine, into out (length d). */
  public final void aggregate(WorkerVectors x, double[] weights, int f, float[] out) {
    requireInput(x);
    checkConstraints(x.n(), f);
    FiniteWorkers s = FiniteWorkers.screen(x, f, out);
    int[] keep = kept(x.n(), s.excluded());
    double[] w = cap.apply(name(), weights, x.n(), keep);
    aggregateCapped(s.vectors(), w, s.f(), out);
  }

  /** Allocating convenience form. */
  public final float[] aggregate(WorkerVectors x, double[] weights, int f) {
    requireInput(x);
    float[] out = new float[x.d()];
    aggregate(x, weights, f, out);
    return out;
  }

  /** The rule's constraint on the caller's (n, f), checked before anything else: f &lt; n/2 if it needs it. */
  protected void checkConstraints(int n, int f) {
    if (minority) {
      io.byzcheck.kernels.internal.Checks.minorityByzantine(name(), n, f);
    }
  }

  /** The rule on finite rows with their capped weights (positive total), f of them Byzantine. */
  protected abstract void aggregateCapped(WorkerVectors finite, double[] w, int f, float[] out);

  /** Σᵢ wᵢ in worker order: the W of every rule's definition (the kernels take W/2, βW and the like from it). */
  static double total(double[] w) {
    double t = 0;
    for (double v : w) {
      t += v;
    }
    return t;
  }

  /** Looked up per call, not kept: inside {@link io.byzcheck.kernels.parallel.ParallelAggregation} they split the coordinates. */
  static io.byzcheck.kernels.internal.vectorization.CoordinateKernels kernels() {
    return io.byzcheck.kernels.internal.vectorization.VectorizationProvider.getInstance().coordinateKernels();
  }

  /** The wording of {@link FiniteWorkers#screen}'s own check, before x.n() is read. */
  private static void requireInput(WorkerVectors x) {
    if (x == null) {
      throw new IllegalArgumentException("worker vectors are null");
    }
  }

  /** The indices not in {@code excluded} (ascending), as the screen keeps them; shared with the corpus test. */
  static int[] kept(int n, int[] excluded) {
    int[] keep = new int[n - excluded.length];
    for (int i = 0, e = 0, t = 0; i < n; i++) {
      if (e < excluded.length && excluded[e] == i) {
        e++;
      } else {
        keep[t++] = i;
      }
    }
    return keep;
  }
}
