package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.reference.Subsets;

/**
 * SMEA, smallest maximum eigenvalue averaging (Allouah, Guerraoui, Gupta, Pinot &amp; Stephan 2023, ICML, "On the
 * Privacy-Robustness-Utility Trilemma in Distributed Learning", §5; ByzFL's {@code SMEA(f)}): over every subset S of
 * n − f inputs, the one whose empirical covariance Σ_S = (1/|S|)Σ_{i∈S}(xᵢ − x̄_S)(xᵢ − x̄_S)ᵀ has the smallest
 * largest eigenvalue; output its mean x̄_S. f &lt; n/2.
 *
 * <p>Exact, unlike ByzFL's (one power-method step from a random vector per subset): λ_max(Σ_S) is the largest
 * eigenvalue of the |S| × |S| centred Gram matrix of S divided by |S| (XᵀX and XXᵀ share their non-zero spectrum),
 * taken from the double Gram of all n workers (one pass over the data, its non-finite check included), centred within
 * each subset and solved by {@link SymmetricEigen}. Subsets are enumerated in the lexicographic order of the workers
 * sorted by contents ({@link KrumScores#byContents}); subsets whose λ_max is within a relative {@link #TIE_TOLERANCE}
 * of the smallest count as tied and the first of them is taken, so rounding cannot make the output depend on the
 * order in which the workers are listed.
 *
 * <p>The search is exhaustive: C(n, f) subsets, each an (n − f)³ eigenvalue problem. The rule refuses inputs with
 * C(n, f)·(n − f)³ &gt; {@link #MAX_WORK} (about a second or two of work) with a clear error: it accepts every f at
 * n ≤ 19, f ≤ 3 at n = 30, f ≤ 2 at n = 50 (and refuses n = 20 with f = 9, n = 30 with f = 4, n = 60 with f = 2).
 */
public final class SmallestMaximumEigenvalueAveraging extends GramRule {
  static final String WHO = "SMEA (Allouah et al. 2023)";
  /** The largest C(n, f)·(n − f)³ the exhaustive search accepts. */
  public static final double MAX_WORK = 2e8;
  /** Subsets with λ_max ≤ (1 + this)·min λ_max count as tied (first in canonical order taken). */
  public static final double TIE_TOLERANCE = 1e-9;

  public SmallestMaximumEigenvalueAveraging() {
    super(false);
  }

  @Override
  public String name() {
    return "SMEA";
  }

  /** C(n, f)·(n − f)³, the search's work. */
  public static double work(int n, int f) {
    double c = 1;
    for (int i = 1; i <= f; i++) {
      c = c * (n - f + i) / i;
    }
    double m = n - f;
    return c * m * m * m;
  }

  /** f &lt; n/2 and the search's limit, with a message naming the failing one (it survives excluding k ≤ f workers). */
  public static void validate(int n, int f) {
    Checks.minorityByzantine(WHO, n, f);
    if (work(n, f) > MAX_WORK) {
      throw Checks.failure(WHO, "C(n, f)·(n − f)³ ≤ 2·10⁸ (its exhaustive subset search)", "n", n, "f", f,
          "C(n, f)·(n − f)³", work(n, f));
    }
  }

  @Override
  protected void checkConstraints(int n, int f) {
    validate(n, f);
  }

  @Override
  void run(Workspace w, int f, float[] out) {
    try {
      int n = w.n;
      int m = n - f;
      java.util.Arrays.fill(w.scores, 0);
      int[] canonical = KrumScores.rank(w.scores, w.byContents, w.order).clone();
      double[][] g = new double[n][];
      for (int i = 0; i < n; i++) {
        g[i] = w.gram.row(i);
      }
      int count = (int) Math.round(work(n, f) / ((double) m * m * m));
      double[] lambda = new double[count];
      double[][] a = new double[m][m];
      int[] s = Subsets.first(m);
      int t = 0;
      do {
        lambda[t++] = largestEigenvalue(g, canonical, s, a);
      } while (Subsets.next(s, n));
      int chosen = firstTied(lambda, t);
      s = Subsets.first(m);
      for (int i = 0; i < chosen; i++) {
        Subsets.next(s, n);
      }
      int[] members = new int[m];
      for (int i = 0; i < m; i++) {
        members[i] = canonical[s[i]];
      }
      Combination.average(w.rows, members, m, w.beta, out);
    } finally {
      w.release();
    }
  }

  /** The index of the first λ within the tie tolerance of the smallest of lambda[0..count). */
  public static int firstTied(double[] lambda, int count) {
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      min = Math.min(min, lambda[i]);
    }
    double limit = min + TIE_TOLERANCE * Math.abs(min);
    for (int i = 0; i < count; i++) {
      if (lambda[i] <= limit) {
        return i;
      }
    }
    throw new IllegalStateException("SMEA: no subset reached the smallest eigenvalue " + min);
  }

  /** λ_max(Σ_S) from the Gram g: the subset's Gram centred at its own mean (in a), its top eigenvalue, / |S|. */
  private static double largestEigenvalue(double[][] g, int[] canonical, int[] s, double[][] a) {
    int m = s.length;
    double[] r = new double[m];
    double total = 0;
    for (int i = 0; i < m; i++) {
      double[] gi = g[canonical[s[i]]];
      double sum = 0;
      for (int j = 0; j < m; j++) {
        a[i][j] = gi[canonical[s[j]]];
        sum += a[i][j];
      }
      r[i] = sum / m;
      total += r[i];
    }
    total /= m;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        a[i][j] = a[i][j] - r[i] - r[j] + total;
      }
    }
    return Math.max(0, SymmetricEigen.top(a, new double[m])) / m;
  }
}
