package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * Per-thread O(n) scratch of the distance-family rules, reused while n stays the same, so that a
 * round whose caller supplies the output buffer allocates nothing in steady state. A rule takes it at
 * the start of aggregate and must not call another rule that takes it before it is done with it.
 */
final class Workspace {
  private static final ThreadLocal<Workspace> CURRENT = new ThreadLocal<>();

  final int n;
  final double[] scores;
  final double[] sorted;
  final double[] beta;
  final int[] order;
  final int[] straddle;
  final float[][] rows;
  /** {@link KrumScores#byContents} on {@link #rows}, made once: escape analysis does not always remove the lambda. */
  final KrumScores.Tie byContents;
  // Weiszfeld
  final double[] w0;
  final double[] w1;
  final double[] w2;
  final double[] w3;
  final double[] w4;
  final double[] w5;
  final double[] w6;

  private Workspace(int n) {
    this.n = n;
    scores = new double[n];
    sorted = new double[n];
    beta = new double[n];
    order = new int[n];
    straddle = new int[n];
    rows = new float[n][];
    byContents = KrumScores.byContents(rows);
    w0 = new double[n];
    w1 = new double[n];
    w2 = new double[n];
    w3 = new double[n];
    w4 = new double[n];
    w5 = new double[n];
    w6 = new double[n];
  }

  static Workspace of(int n) {
    Workspace w = CURRENT.get();
    if (w == null || w.n != n) {
      w = new Workspace(n);
      CURRENT.set(w);
    }
    return w;
  }

  /** Set by {@link #screenedGram}: the Gram of the finite rows (in {@link #rows}) and the Byzantine budget left. */
  io.byzcheck.kernels.internal.vectorization.CentredGram gram;
  int f;

  /**
   * The non-finite policy ({@link io.byzcheck.kernels.FiniteWorkers}) folded into the Gram pass: the
   * Gram of all rows is computed first, and only if it is not finite (some worker sent NaN or ±∞) are
   * the rows screened and the Gram recomputed on the finite ones. Saves the separate read of all n·d
   * floats that the screen costs on every clean round. Returns the workspace of the screened n.
   */
  static Workspace screenedGram(io.byzcheck.kernels.WorkerVectors x, int f, float[] out) {
    return screenedGram(x, f, out, false);
  }

  /**
   * As {@link #screenedGram(io.byzcheck.kernels.WorkerVectors, int, float[])}, with the ranking Gram
   * ({@link io.byzcheck.kernels.internal.vectorization.CentredGram#reusingForRanking}) on clean rounds if {@code ranking}.
   */
  static Workspace screenedGram(io.byzcheck.kernels.WorkerVectors x, int f, float[] out, boolean ranking) {
    io.byzcheck.kernels.FiniteWorkers.validate(x, f, out);
    Workspace w = of(x.n());
    float[][] all = w.rows(x);
    io.byzcheck.kernels.internal.vectorization.CentredGram g = ranking ? VectorizationProvider.getInstance().gramKernel().reusedRankingGram(all)
        : VectorizationProvider.getInstance().gramKernel().reusedCentredGram(all);
    if (g.allFinite()) {
      w.gram = g;
      w.f = f;
      return w;
    }
    w.release();
    io.byzcheck.kernels.FiniteWorkers s = io.byzcheck.kernels.FiniteWorkers.screen(x, f);
    w = of(s.vectors().n());
    w.gram = VectorizationProvider.getInstance().gramKernel().reusedCentredGram(w.rows(s.vectors()));
    w.f = s.f();
    return w;
  }

  /** Replaces a ranking Gram by the double one, when a decision could not be certified on it. */
  void exactGram() {
    gram = VectorizationProvider.getInstance().gramKernel().reusedCentredGram(rows);
  }

  /** The live rows of x in the reused array (cleared by {@link #release}). */
  float[][] rows(io.byzcheck.kernels.WorkerVectors x) {
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
