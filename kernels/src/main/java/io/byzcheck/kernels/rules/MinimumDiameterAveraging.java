package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.FiniteWorkers;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.gram.CentredGram;

/**
 * Minimum-diameter averaging, MDA (Rousseeuw 1985; El Mhamdi et al. 2018; RESAM Appendix C.2): the
 * average of a subset of n − f inputs with the smallest diameter max_{i,j∈S}‖xᵢ − xⱼ‖, found exactly
 * by branch and bound. (f, λ)-resilient with λ = 2f/(n−f) for f &lt; n/2 (Prop. 3). Among subsets of
 * equal diameter the lexicographically first (by worker index) is taken.
 *
 * <p>The search explores subsets in lexicographic order and prunes a branch as soon as its partial
 * diameter reaches the best complete one; the best starts at the smallest diameter among the n − f
 * nearest neighbourhoods of each point, which is usually optimal already. A node budget turns a
 * search that would take too long into a clear {@link IllegalStateException} instead of a hang.
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
    FiniteWorkers s = FiniteWorkers.screen(x, f, out);
    float[][] rows = Rows.of(s.vectors());
    int[] subset = minimumDiameterSubset(CentredGram.of(rows).squaredDistances(), rows.length - s.f(), budget);
    Combination.average(rows, subset, out);
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
    double bestDiam = Double.POSITIVE_INFINITY;
    int[] best;
    final int[] chosen;

    Search(double[][] d2, int m, long budget) {
      this.d2 = d2;
      this.n = d2.length;
      this.m = m;
      this.budget = budget;
      this.chosen = new int[m];
    }

    void run() {
      // Upper bound from neighbourhoods; the search below only accepts strictly better or equal-and-earlier.
      for (int c = 0; c < n; c++) {
        final int centre = c;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
          idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(d2[centre][a], d2[centre][b]));
        double diam = 0;
        for (int a = 0; a < m; a++) {
          for (int b = a + 1; b < m; b++) {
            diam = Math.max(diam, d2[idx[a]][idx[b]]);
          }
        }
        bestDiam = Math.min(bestDiam, diam);
      }
      double bound = bestDiam;
      bestDiam = Double.POSITIVE_INFINITY;
      dfs(0, 0, 0, bound);
    }

    /** Extends chosen[0..count) with workers ≥ from; partial is its squared diameter. */
    void dfs(int from, int count, double partial, double bound) {
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
      for (int v = from; v <= n - (m - count); v++) {
        double diam = partial;
        for (int a = 0; a < count && diam <= bound; a++) {
          diam = Math.max(diam, d2[chosen[a]][v]);
        }
        // Equal diameters found later are not better: prune at ≥ the best complete one, and beyond the bound.
        if (diam > bound || diam >= bestDiam) {
          continue;
        }
        chosen[count] = v;
        dfs(v + 1, count + 1, diam, bound);
      }
    }
  }
}
