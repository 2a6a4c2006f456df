package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.internal.vectorization.CentredGram;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * Nearest-neighbour mixing, NNM (Allouah et al. 2023): each xᵢ is replaced by the average of its
 * n − f nearest inputs, itself included (ties: lower index). Distances from the centred Gram matrix;
 * the mixing is one blocked pass that writes the n new vectors.
 *
 * <p>NNM followed by the mean never needs the n mixed vectors: the mean of yᵢ = Σⱼ Wᵢⱼxⱼ is Σⱼ cⱼxⱼ
 * with cⱼ = (1/n)Σᵢ Wᵢⱼ, so {@link #then} with {@link Mean} is the Gram pass plus one combination pass
 * ({@link Combination}), with nothing of size n·d allocated. Its neighbourhoods are taken on the faster
 * ranking Gram ({@link io.byzcheck.kernels.internal.vectorization.GramKernel#reusedRankingGram}), certified against its error bound, with the
 * few pairs it leaves uncertain computed directly.
 */
public final class NearestNeighbourMixing implements PreAggregation {
  @Override
  public String name() {
    return "NNM";
  }

  @Override
  public WorkerVectors apply(WorkerVectors finite, int f) {
    checkConstraints(finite.n(), f);
    float[][] rows = Rows.of(finite);
    int n = rows.length;
    int d = finite.d();
    int[][] neighbours = neighbours(VectorizationProvider.getInstance().gramKernel().centredGram(rows).squaredDistances(), n - f);
    float[][] mixed = new float[n][d];
    double[] beta = new double[n];
    // Each mixed vector by the combination pass (double accumulation, one rounding): a float sum with a
    // float 1/(n − f) weight was up to 12 ulps off on subnormals.
    for (int i = 0; i < n; i++) {
      Combination.average(rows, neighbours[i], n - f, beta, mixed[i]);
    }
    return WorkerVectors.wrap(mixed);
  }

  /** NNM's own f &lt; n/2, on the caller's n: after k exclusions the rule after it sees n − k and f − k. */
  @Override
  public void checkConstraints(int n, int f) {
    Checks.minorityByzantine(name(), n, f);
  }

  @Override
  public AggregationRule then(AggregationRule rule) {
    if (!(rule instanceof Mean)) {
      return PreAggregation.super.then(rule);
    }
    NearestNeighbourMixing pre = this;
    return new GramRule(true) {
      @Override
      public String name() {
        return rule.name() + "∘" + pre.name();
      }

      @Override
      protected void checkConstraints(int n, int f) {
        pre.checkConstraints(n, f);
      }

      @Override
      void run(Workspace w, int f, float[] out) {
        mix(w, f, out);
      }
    };
  }

  /** NNM∘Mean in the workspace: the mixing coefficients, then one combination pass. */
  private static void mix(Workspace w, int f, float[] out) {
    try {
      mixingCoefficients(w.gram, w.n - f, w, w.rows);
      Combination.write(w.rows, w.beta, out);
    } finally {
      w.release();
    }
  }

  /**
   * The combination coefficients of NNM∘Mean into w.beta: cⱼ = (1/n)·#{i : j among the m nearest of i}/m.
   * On a ranking Gram each neighbourhood is certified against the distance error bound: the members
   * whose interval [d̃ − e, d̃ + e] lies below every non-member's, and the non-members above every
   * member's, are certain; the pairs whose intervals straddle the boundary are settled by computing
   * their distance directly (as the reference does), and the neighbourhood is completed from them by
   * (distance, index). Typically a few pairs per round instead of a second, double Gram pass.
   */
  private static void mixingCoefficients(CentredGram g, int m, Workspace w, float[][] rows) {
    int n = g.n();
    double[][] d2 = g.squaredDistances();
    double[] c = w.beta;
    java.util.Arrays.fill(c, 0);
    double[] key = w.sorted;
    int[] order = w.order;
    double unit = 1.0 / ((double) n * m);
    for (int i = 0; i < n; i++) {
      System.arraycopy(d2[i], 0, key, 0, n);
      key[i] = -1; // itself first
      KrumScores.rank(key, (a, b) -> 0, order);
      double inMax = Double.NEGATIVE_INFINITY;
      double outMin = Double.POSITIVE_INFINITY;
      if (g.approximate()) {
        for (int t = 1; t < n; t++) {
          int j = order[t];
          double e = g.distanceError(i, j);
          if (t < m) {
            inMax = Math.max(inMax, d2[i][j] + e);
          } else {
            outMin = Math.min(outMin, d2[i][j] - e);
          }
        }
      }
      if (inMax < outMin) {
        for (int t = 0; t < m; t++) {
          c[order[t]] += unit;
        }
        continue;
      }
      // Straddling pairs, settled directly; the certain members are taken as they are.
      c[i] += unit;
      int certainIn = 0;
      int[] straddle = w.straddle;
      double[] exact = w.exact;
      int s = 0;
      for (int t = 1; t < n; t++) {
        int j = order[t];
        double e = g.distanceError(i, j);
        if (d2[i][j] - e <= inMax && d2[i][j] + e >= outMin) {
          straddle[s++] = j;
        } else if (t < m) {
          c[j] += unit;
          certainIn++;
        }
      }
      java.util.Arrays.fill(exact, Double.POSITIVE_INFINITY);
      for (int t = 0; t < s; t++) {
        exact[straddle[t]] = VectorizationProvider.getInstance().gramKernel().squaredDistance(rows[i], rows[straddle[t]]);
      }
      KrumScores.rank(exact, (a, b) -> 0, order); // non-straddling at +∞ come last
      for (int t = 0; t < m - 1 - certainIn; t++) {
        c[order[t]] += unit;
      }
    }
  }

  /** For each i, the indices of its m nearest inputs (itself first at distance 0), ties to the lower index. */
  public static int[][] neighbours(double[][] d2, int m) {
    int n = d2.length;
    int[][] out = new int[n][];
    for (int i = 0; i < n; i++) {
      double[] row = d2[i].clone();
      row[i] = -1; // itself first
      out[i] = KrumScores.best(row, m);
    }
    return out;
  }
}
