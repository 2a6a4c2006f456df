package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.vectorization.CentredGram;
import io.byzcheck.kernels.internal.vectorization.GramKernel;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * Per-thread O(n) scratch of the distance-family rules, reused while n stays the same, so that a
 * round whose caller supplies the output buffer allocates nothing in steady state: one object per
 * thread, one field per use. A rule takes it at the start of a pass and must not call another rule
 * that takes it before it is done with it.
 */
final class Workspace {
  private static final ThreadLocal<Workspace> CURRENT = new ThreadLocal<>();

  final int n;
  final double[] scores;
  final double[] sorted;
  final double[] beta;
  final int[] order;
  final int[] straddle;
  /** NNM: the directly computed distances of the pairs the ranking Gram left uncertain. */
  final double[] exact;
  final float[][] rows;
  /** {@link KrumScores#byContents} on {@link #rows}, made once: escape analysis does not always remove the lambda. */
  final KrumScores.Tie byContents;
  /** {@link Weiszfeld}'s iterate arrays. */
  final Weiszfeld.Iterates weiszfeld;
  /** MDA's searches, sized for (n, n − f): made on MDA's first use at this n. */
  MinimumDiameterAveraging.Searches searches;
  /** The last certified geometric median of this thread ({@link GeometricMedian#solve}). */
  Weiszfeld.Solution solution;

  /** The centred Gram of {@link #rows} ({@link #withGram}). */
  CentredGram gram;

  private Workspace(int n) {
    this.n = n;
    scores = new double[n];
    sorted = new double[n];
    beta = new double[n];
    order = new int[n];
    straddle = new int[n];
    exact = new double[n];
    rows = new float[n][];
    byContents = KrumScores.byContents(rows);
    weiszfeld = new Weiszfeld.Iterates(n);
  }

  /** The thread's current workspace: the last one taken. */
  static Workspace current() {
    return CURRENT.get();
  }

  static Workspace of(int n) {
    Workspace w = CURRENT.get();
    if (w == null || w.n != n) {
      w = new Workspace(n);
      CURRENT.set(w);
    }
    return w;
  }

  /**
   * The workspace of x's n holding x's live rows and their centred Gram: the ranking Gram
   * ({@link GramKernel#reusedRankingGram}) if {@code ranking}, else the double one.
   */
  static Workspace withGram(WorkerVectors x, boolean ranking) {
    Workspace w = of(x.n());
    float[][] rows = w.rows(x);
    GramKernel k = VectorizationProvider.getInstance().gramKernel();
    w.gram = ranking ? k.reusedRankingGram(rows) : k.reusedCentredGram(rows);
    return w;
  }

  /**
   * The non-finite check folded into the Gram pass ({@link io.byzcheck.kernels.ScreeningRule}'s first pass for the
   * distance rules): {@link #withGram}, or null (released) if the Gram is not finite, which it is exactly
   * when some worker sent NaN or ±∞ (or an entry overflowed). Saves the separate read of all n·d floats
   * that a scan costs on every clean round.
   */
  static Workspace withFiniteGram(WorkerVectors x, boolean ranking) {
    Workspace w = withGram(x, ranking);
    if (w.gram.allFinite()) {
      return w;
    }
    w.release();
    return null;
  }

  /** Replaces a ranking Gram by the double one, when a decision could not be certified on it. */
  void exactGram() {
    gram = VectorizationProvider.getInstance().gramKernel().reusedCentredGram(rows);
  }

  /** The live rows of x in the reused array (cleared by {@link #release}). */
  float[][] rows(WorkerVectors x) {
    for (int i = 0; i < n; i++) {
      rows[i] = x.row(i);
    }
    return rows;
  }

  /** Drops the references to the caller's rows. */
  void release() {
    java.util.Arrays.fill(rows, null);
    gram = null;
  }
}
