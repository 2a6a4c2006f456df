package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.internal.vectorization.CoordinateKernels;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;
import java.util.Arrays;

/**
 * Bulyan(Krum), El Mhamdi, Guerraoui &amp; Rouault 2018 (ICML, "The Hidden Vulnerability of Distributed Learning in
 * Byzantium", §4), n ≥ 4f + 3:
 * <ol>
 *   <li>θ = n − 2f times, Krum (Blanchard et al. 2017) on the r workers still remaining — score = sum of the
 *       squared distances to the r − f − 2 nearest remaining others ({@link #neighbours}) — picks the best-scored
 *       one, which leaves the remaining set for the selection S;</li>
 *   <li>per coordinate, the average of the β = θ − 2f values of S closest to the median of S's coordinate
 *       (that is MeaMed with f' = 2f on the θ rows of S: the usual median, equally near values the smaller
 *       first).</li>
 * </ol>
 * This is the paper's Bulyan(Krum), the variant of its figures. It is not the authors' later code (Rouault's
 * {@code bulyan.py} in the EPFL repositories), which selects n − 2f − 2 vectors each as a Multi-Krum average
 * over non-squared distances: a different rule. Equal Krum scores are broken by the vectors' contents
 * ({@link KrumScores#byContents}), so the output does not depend on the workers' order.
 *
 * <p>Distances come from the median-centred double Gram matrix computed once over all n workers (its non-finite
 * check rides on that pass, {@link GramRule}); each of the θ Krum rounds only re-reads its entries. Unlike Krum,
 * Bulyan does not start on the ranking Gram: θ picks must all be certified there, and on the benchmarks' Gaussian
 * rounds (n = 15 and 64, d = 10⁶) one of them never was, so every call paid the ranking Gram and then the double
 * one; the ranking Gram saves little at those sizes (a scratch timing on the shared machine: 11 against 12 ms at
 * n = 15, 115–138 against 121–155 ms at n = 64). A certified ranking pick is the double Gram's pick, so the
 * output is the same.
 */
public final class Bulyan extends GramRule {
  private static final String WHO = "Bulyan (El Mhamdi et al. 2018)";

  public Bulyan() {
    super(false);
  }

  @Override
  public String name() {
    return "Bulyan";
  }

  /** θ = n − 2f: how many workers the iterated Krum selects. */
  public static int selected(int n, int f) {
    return n - 2 * f;
  }

  /** β = θ − 2f = n − 4f: how many selected values each coordinate averages. */
  public static int averaged(int n, int f) {
    return n - 4 * f;
  }

  /** Krum's neighbour count on r remaining workers: r − f − 2 (Blanchard et al.), at least 0. */
  public static int neighbours(int r, int f) {
    return Math.max(0, r - f - 2);
  }

  /** n ≥ 4f + 3 and f ≥ 0, with a message naming the failing one; it survives excluding k ≤ f workers. */
  public static void validate(int n, int f) {
    if (f < 0) {
      throw Checks.failure(WHO, "f ≥ 0", "f", f);
    }
    if (n < 4 * f + 3) {
      throw Checks.failure(WHO, "n ≥ 4f + 3", "n", n, "f", f);
    }
  }

  @Override
  protected void checkConstraints(int n, int f) {
    validate(n, f);
  }

  @Override
  void run(Workspace w, int f, float[] out) {
    int n = w.n;
    int theta = selected(n, f);
    Scratch s = Scratch.of(n);
    try {
      select(w.gram.squaredDistances(), w.byContents, f, theta, s);
      float[][] rows = s.rows(theta);
      for (int t = 0; t < theta; t++) {
        rows[t] = w.rows[s.chosen[t]];
      }
      // Looked up per call, not kept in a field: inside ParallelAggregation the split kernels are this thread's.
      CoordinateKernels kernels = VectorizationProvider.getInstance().coordinateKernels();
      kernels.meanAroundMedian(rows, 2 * f, out);
      Arrays.fill(rows, null);
    } finally {
      w.release();
    }
  }

  /** The iterated Krum on the squared distances into {@code s.chosen}. */
  private static void select(double[][] d2, KrumScores.Tie tie, int f, int theta, Scratch s) {
    int n = d2.length;
    Arrays.fill(s.alive, true);
    for (int t = 0; t < theta; t++) {
      int r = n - t;
      int k = neighbours(r, f);
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (!s.alive[i]) {
          continue;
        }
        int m = 0;
        for (int j = 0; j < n; j++) {
          if (j != i && s.alive[j]) {
            s.column[m++] = d2[i][j];
          }
        }
        insertionSort(s.column, m);
        double score = 0;
        for (int a = 0; a < k; a++) {
          score += s.column[a];
        }
        s.scores[i] = score;
        if (best < 0 || before(s.scores, tie, i, best)) {
          best = i;
        }
      }
      s.chosen[t] = best;
      s.alive[best] = false;
    }
  }

  /** Lower score first, then the contents' order, then the index (the order of {@link KrumScores#rank}). */
  private static boolean before(double[] scores, KrumScores.Tie tie, int a, int b) {
    int c = Double.compare(scores[a], scores[b]);
    if (c == 0) {
      c = tie.compare(a, b);
    }
    return c != 0 ? c < 0 : a < b;
  }

  private static void insertionSort(double[] a, int len) {
    for (int i = 1; i < len; i++) {
      double v = a[i];
      int j = i - 1;
      while (j >= 0 && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }

  /** Per-thread O(n) scratch of the selection, reused while n stays the same (no allocation in steady state). */
  private static final class Scratch {
    private static final ThreadLocal<Scratch> CURRENT = new ThreadLocal<>();
    final boolean[] alive;
    final double[] column;
    final double[] scores;
    final int[] chosen;
    private final float[][][] rowsByTheta;

    private Scratch(int n) {
      alive = new boolean[n];
      column = new double[n];
      scores = new double[n];
      chosen = new int[n];
      rowsByTheta = new float[n + 1][][];
    }

    static Scratch of(int n) {
      Scratch s = CURRENT.get();
      if (s == null || s.alive.length != n) {
        s = new Scratch(n);
        CURRENT.set(s);
      }
      return s;
    }

    float[][] rows(int theta) {
      float[][] r = rowsByTheta[theta];
      if (r == null) {
        r = rowsByTheta[theta] = new float[theta][];
      }
      return r;
    }
  }
}
