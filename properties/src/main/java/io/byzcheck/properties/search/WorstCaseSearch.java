package io.byzcheck.properties.search;

import io.byzcheck.properties.gen.ByzantinePlacement;
import io.byzcheck.properties.gen.HonestFamily;
import io.byzcheck.properties.gen.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.Well19937c;

/**
 * Searches for the input that maximises a violation ratio. Random inputs rarely hit worst cases, so
 * the search (1) evaluates every generator family × placement at a few seeds, then (2) runs CMA-ES
 * (commons-math3) from the best of those, with IPOP-style restarts doubling the population, inside
 * the box [−1, 1]^{n·d} (ratios of resilient averaging are invariant to scale and translation, so the
 * box loses nothing). Starting inputs are rescaled into the box.
 *
 * <p>Everything derives from one seed: the same seed and budget replay the same search.
 */
public final class WorstCaseSearch {
  /** Caps +∞ so CMA-ES can rank candidates; any value above 1 is already a violation. */
  private static final double CAP = 1e9;
  /** Search dimensions (n·d) above which CMA-ES runs with a diagonal covariance. */
  static final int DIAGONAL_ABOVE = 120;

  private final int n;
  private final int f;
  private final int d;
  private final SearchObjective objective;
  private final List<ByzantinePlacement> placements;

  public WorstCaseSearch(int n, int f, int d, SearchObjective objective) {
    this(n, f, d, objective, List.of(ByzantinePlacement.values()));
  }

  /** As above, with only the given placements (e.g. to exclude the lower-bound construction). */
  public WorstCaseSearch(int n, int f, int d, SearchObjective objective, List<ByzantinePlacement> placements) {
    this.n = n;
    this.f = f;
    this.d = d;
    this.objective = objective;
    this.placements = List.copyOf(placements);
  }

  /**
   * @param evaluations total objective evaluations allowed
   * @param restarts CMA-ES restarts (each from the next-best generator input)
   */
  public SearchResult run(int evaluations, int restarts, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Counter counter = new Counter();
    List<SearchResult> starts = new ArrayList<>();
    int generatorShare = Math.max(1, evaluations / 3);
    outer:
    while (counter.count < generatorShare) {
      for (HonestFamily h : HonestFamily.values()) {
        for (ByzantinePlacement p : placements) {
          if (counter.count >= generatorShare) {
            break outer;
          }
          Scenario s = new Scenario(n, f, d, h, p, rnd.nextLong());
          double[][] x = s.build();
          starts.add(new SearchResult(counter.eval(x), x, 0, "generator " + s));
        }
      }
    }
    starts.sort(Comparator.comparingDouble(SearchResult::ratio).reversed());
    SearchResult best = starts.get(0);
    int remaining = evaluations - counter.count;
    int dim = n * d;
    int population = 4 + (int) (3 * Math.log(dim));
    for (int r = 0; r < restarts && remaining > population && best.ratio() < CAP; r++) {
      int share = remaining / (restarts - r);
      SearchResult start = starts.get(Math.min(r, starts.size() - 1));
      SearchResult found = cmaes(start.input(), share, population << Math.min(r, 4), rnd.nextLong(), counter,
          "CMA-ES restart " + r + " from " + start.origin());
      if (found.ratio() > best.ratio()) {
        best = found;
      }
      remaining = evaluations - counter.count;
    }
    return new SearchResult(best.ratio(), best.input(), counter.count, best.origin());
  }

  private SearchResult cmaes(double[][] start, int budget, int population, long seed, Counter counter,
      String origin) {
    int dim = n * d;
    double[] z0 = toBox(start);
    double[] lo = new double[dim];
    double[] hi = new double[dim];
    double[] sigma = new double[dim];
    java.util.Arrays.fill(lo, -1);
    java.util.Arrays.fill(hi, 1);
    java.util.Arrays.fill(sigma, 0.3);
    double[] bestZ = z0.clone();
    double[] bestRatio = {counter.eval(fromBox(z0))};
    // Full covariance costs O(dim³) per decomposition; beyond DIAGONAL_ABOVE dimensions (e.g. n = 5,
    // d = 64) the separable variant (diagonal covariance, O(dim) per step) keeps a search to seconds.
    int diagonalOnly = dim > DIAGONAL_ABOVE ? Integer.MAX_VALUE : 0;
    CMAESOptimizer cma = new CMAESOptimizer(Math.max(1, budget), 0.0, true, diagonalOnly, 0, new Well19937c(seed),
        false, new SimpleValueChecker(1e-12, 1e-12));
    try {
      cma.optimize(new MaxEval(Math.max(population + 1, budget)), new MaxIter(Math.max(1, budget)),
          new ObjectiveFunction(z -> {
            double r = counter.eval(fromBox(z));
            if (r > bestRatio[0]) {
              bestRatio[0] = r;
              System.arraycopy(z, 0, bestZ, 0, dim);
            }
            return Math.min(CAP, r);
          }),
          GoalType.MAXIMIZE, new InitialGuess(z0), new SimpleBounds(lo, hi), new CMAESOptimizer.Sigma(sigma),
          new CMAESOptimizer.PopulationSize(population));
    } catch (TooManyEvaluationsException e) {
      // The budget is spent: the best point seen so far stands.
    }
    return new SearchResult(bestRatio[0], fromBox(bestZ), 0, origin);
  }

  /** Rescales an input into [−1, 1] (centre, divide by the largest deviation). */
  private double[] toBox(double[][] x) {
    double[] z = new double[n * d];
    double[] mid = new double[d];
    double span = 0;
    for (int k = 0; k < d; k++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double[] row : x) {
        lo = Math.min(lo, row[k]);
        hi = Math.max(hi, row[k]);
      }
      mid[k] = (lo + hi) / 2;
      span = Math.max(span, (hi - lo) / 2);
    }
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        z[i * d + k] = span > 0 ? (x[i][k] - mid[k]) / span : 0;
      }
    }
    return z;
  }

  private double[][] fromBox(double[] z) {
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        x[i][k] = (float) z[i * d + k];
      }
    }
    return x;
  }

  /** Counts evaluations across generator and CMA-ES phases. */
  private final class Counter {
    int count;

    double eval(double[][] x) {
      count++;
      double r = objective.ratio(x);
      return Double.isNaN(r) ? CAP : r;
    }
  }
}
