package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.FiniteWorkers;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.gram.CentredGram;

/**
 * Minimum-diameter averaging, MDA (Rousseeuw 1985; El Mhamdi et al. 2018; RESAM Appendix C.2): the
 * average of a subset of n − f inputs with the smallest diameter max_{i,j∈S}‖xᵢ − xⱼ‖, found exactly
 * by branch and bound. (f, λ)-resilient with λ = 2f/(n−f) for f &lt; n/2 (Prop. 3).
 *
 * <p>Ties. The workers are first put in a canonical order, the lexicographic order of their
 * coordinates ({@link KrumScores#byContents(float[][])}); among subsets of equal diameter the
 * lexicographically first in that order is taken. The result therefore does not depend on the order
 * in which the workers are listed (workers equal in that order are identical vectors, interchangeable
 * in the average). The reference does the same.
 *
 * <p>The search explores subsets in lexicographic order. The bound starts at the smallest diameter
 * among the n − f nearest neighbourhoods of each point, usually optimal already. Every level keeps the
 * list of later candidates within the bound of all chosen ones, and a branch whose list cannot fill
 * the subset is cut, as is one whose partial diameter reaches the best complete one; workers with fewer
 * than n − f − 1 others within the bound are never candidates (far outliers leave at the root). A node
 * budget turns a search that would take too long into a clear {@link IllegalStateException}.
 *
 * <p>The search first runs on the faster ranking Gram ({@link CentredGram#reusingForRanking}); its answer
 * is kept only when the distance error bound proves it the exact optimum (see {@code search}), else the
 * double Gram is computed and searched.
 */
public final class MinimumDiameterAveraging implements AggregationRule {
  /** Default node budget: about a second of search. */
  public static final long DEFAULT_BUDGET = 50_000_000L;

  private final long budget;

  public MinimumDiameterAveraging() {
    this(DEFAULT_BUDGET);
  }

  public MinimumDiameterAveraging(long nodeBudget) {
    if (nodeBudget < 1) {
      throw new IllegalArgumentException("MDA needs a positive search budget, got " + nodeBudget);
    }
    this.budget = nodeBudget;
  }

  @Override
  public String name() {
    return "MDA";
  }

  @Override
  public void aggregate(WorkerVectors x, int f, float[] out) {
    Constraints.requireMinorityByzantine(name(), x.n(), f);
    Workspace w = Workspace.screenedGram(x, f, out, true);
    float[][] rows = w.rows;
    try {
      int m = w.n - w.f;
      int[] canonical = canonicalOrder(w);
      int[] subset = search(w.gram, canonical, m);
      if (subset == null) {
        w.exactGram();
        subset = search(w.gram, canonical, m);
      }
      Combination.average(rows, subset, subset.length, w.beta, out);
    } finally {
      w.release();
    }
  }

  /**
   * The minimum-diameter subset (worker indices) on the given Gram, in canonical order. On a ranking
   * Gram the answer S is certified or null: every distance d lies in [d̃ − e, d̃ + e], so S's exact
   * diameter is at most U = max over its pairs of d̃ + e, and any subset that could match or beat it has
   * a lower-bound diameter (pairs at d̃ − e) of at most U. If S is the only subset within U, it is the
   * exact optimum and no exact tie exists; otherwise the caller recomputes on the double Gram.
   */
  private int[] search(CentredGram g, int[] canonical, int m) {
    int n = g.n();
    double[][] d2 = g.squaredDistances();
    double[][] p = new double[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        p[a][b] = d2[canonical[a]][canonical[b]];
      }
    }
    int[] subset = minimumDiameterSubset(p, m, budget);
    if (g.approximate()) {
      double upper = 0;
      for (int a = 0; a < m; a++) {
        for (int b = a + 1; b < m; b++) {
          upper = Math.max(upper, p[subset[a]][subset[b]] + g.distanceError(canonical[subset[a]], canonical[subset[b]]));
        }
      }
      double[][] lower = p;
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
          lower[a][b] = a == b ? 0 : Math.max(0, p[a][b] - g.distanceError(canonical[a], canonical[b]));
        }
      }
      if (!new Within(lower, m, upper, budget).unique()) {
        return null;
      }
    }
    for (int t = 0; t < subset.length; t++) {
      subset[t] = canonical[subset[t]];
    }
    return subset;
  }

  /** Whether exactly one m-subset has all its pairs within a bound (candidate lists as in {@link Search}). */
  private static final class Within {
    final double[][] d2;
    final int n;
    final int m;
    final double bound;
    final long budget;
    long nodes;
    int found;
    final int[] chosen;
    final int[][] lists;

    Within(double[][] d2, int m, double bound, long budget) {
      this.d2 = d2;
      this.n = d2.length;
      this.m = m;
      this.bound = bound;
      this.budget = budget;
      this.chosen = new int[m];
      this.lists = new int[m + 1][n];
    }

    /** True if exactly one subset is within the bound; false if more, or if the budget runs out first. */
    boolean unique() {
      return dfs(0, rootCandidates(d2, n, m, bound, lists[0])) && found == 1;
    }

    /** False as soon as a second subset is found or the budget is spent. */
    boolean dfs(int count, int len) {
      if (++nodes > budget) {
        return false;
      }
      if (count == m) {
        return ++found < 2;
      }
      int need = m - count;
      int[] list = lists[count];
      int[] next = lists[count + 1];
      for (int t = 0; t <= len - need; t++) {
        int v = list[t];
        double[] dv = d2[v];
        int nextLen = 0;
        for (int u = t + 1; u < len; u++) {
          if (dv[list[u]] <= bound) {
            next[nextLen++] = list[u];
          }
        }
        if (nextLen < need - 1) {
          continue;
        }
        chosen[count] = v;
        if (!dfs(count + 1, nextLen)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Worker indices in the lexicographic order of their coordinates (the canonical tie order). */
  private static int[] canonicalOrder(Workspace w) {
    java.util.Arrays.fill(w.scores, 0);
    return KrumScores.rank(w.scores, w.byContents, w.order);
  }

  /** The lexicographically first subset of size m with the smallest diameter (squared distances given). */
  public static int[] minimumDiameterSubset(double[][] d2, int m, long budget) {
    Search s = new Search(d2, m, budget);
    s.run();
    return s.best;
  }

  private static final class Search {
    final double[][] d2;
    final int n;
    final int m;
    final long budget;
    long nodes;
    double bound;
    double bestDiam = Double.POSITIVE_INFINITY;
    int[] best;
    final int[] chosen;
    final int[][] lists;

    Search(double[][] d2, int m, long budget) {
      this.d2 = d2;
      this.n = d2.length;
      this.m = m;
      this.budget = budget;
      this.chosen = new int[m];
      this.lists = new int[m + 1][n];
    }

    void run() {
      // Upper bound from neighbourhoods; the search below only accepts strictly better or equal-and-earlier.
      double ub = Double.POSITIVE_INFINITY;
      int[] idx = new int[n];
      double[] key = new double[n];
      for (int c = 0; c < n; c++) {
        System.arraycopy(d2[c], 0, key, 0, n);
        key[c] = -1;
        KrumScores.rank(key, (a, b) -> 0, idx);
        double diam = 0;
        for (int a = 0; a < m; a++) {
          for (int b = a + 1; b < m; b++) {
            diam = Math.max(diam, d2[idx[a]][idx[b]]);
          }
        }
        ub = Math.min(ub, diam);
      }
      bound = ub;
      dfs(0, rootCandidates(d2, n, m, bound, lists[0]), 0);
    }

    /** Extends chosen[0..count) with the candidates lists[count][0..len); partial is its squared diameter. */
    void dfs(int count, int len, double partial) {
      if (++nodes > budget) {
        throw new IllegalStateException("MDA: the exact search exceeded its budget of " + budget
            + " nodes (n = " + n + ", n − f = " + m + "); raise the budget or use fewer workers");
      }
      if (count == m) {
        if (partial < bestDiam) {
          bestDiam = partial;
          best = chosen.clone();
        }
        return;
      }
      int need = m - count;
      int[] list = lists[count];
      int[] next = lists[count + 1];
      for (int t = 0; t <= len - need; t++) {
        int v = list[t];
        double diam = partial;
        for (int a = 0; a < count && diam <= bound; a++) {
          diam = Math.max(diam, d2[chosen[a]][v]);
        }
        // Equal diameters found later are not better: prune at ≥ the best complete one, and beyond the bound.
        if (diam > bound || diam >= bestDiam) {
          continue;
        }
        double[] dv = d2[v];
        int nextLen = 0;
        for (int u = t + 1; u < len; u++) {
          int c = list[u];
          double e = dv[c];
          if (e <= bound && e < bestDiam) {
            next[nextLen++] = c;
          }
        }
        if (nextLen < need - 1) {
          continue;
        }
        chosen[count] = v;
        dfs(count + 1, nextLen, diam);
      }
    }
  }

  /**
   * The workers with at least m − 1 others within the squared diameter bound, into {@code root}: only
   * they can belong to a subset of m workers whose diameter is within the bound. Returns their count.
   */
  private static int rootCandidates(double[][] d2, int n, int m, double bound, int[] root) {
    int len = 0;
    for (int v = 0; v < n; v++) {
      int within = 0;
      for (int u = 0; u < n; u++) {
        if (u != v && d2[v][u] <= bound) {
          within++;
        }
      }
      if (within >= m - 1) {
        root[len++] = v;
      }
    }
    return len;
  }
}
