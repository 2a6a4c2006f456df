package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.FiniteWorkers;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.gram.CentredGram;

/**
 * Nearest-neighbour mixing, NNM (Allouah et al. 2023): each xᵢ is replaced by the average of its
 * n − f nearest inputs, itself included (ties: lower index). Distances from the centred Gram matrix;
 * the mixing is one blocked pass that writes the n new vectors.
 *
 * <p>NNM followed by the mean never needs the n mixed vectors: the mean of yᵢ = Σⱼ Wᵢⱼxⱼ is Σⱼ cⱼxⱼ
 * with cⱼ = (1/n)Σᵢ Wᵢⱼ, so {@link #then} with {@link Mean} is the Gram pass plus one combination pass
 * ({@link Combination}), with nothing of size n·d allocated.
 */
public final class NearestNeighbourMixing implements PreAggregation {
  private static final int BLOCK = 1024;

  @Override
  public String name() {
    return "NNM";
  }

  @Override
  public WorkerVectors apply(WorkerVectors finite, int f) {
    float[][] rows = Rows.of(finite);
    int n = rows.length;
    int d = finite.d();
    int[][] neighbours = neighbours(CentredGram.of(rows).squaredDistances(), n - f);
    float[][] mixed = new float[n][d];
    float w = 1.0f / (n - f);
    for (int from = 0; from < d; from += BLOCK) {
      int to = Math.min(d, from + BLOCK);
      for (int i = 0; i < n; i++) {
        float[] y = mixed[i];
        for (int j : neighbours[i]) {
          float[] xj = rows[j];
          for (int k = from; k < to; k++) {
            y[k] = Math.fma(xj[k], w, y[k]);
          }
        }
      }
    }
    return WorkerVectors.wrap(mixed);
  }

  @Override
  public AggregationRule then(AggregationRule rule) {
    if (!(rule instanceof Mean)) {
      return PreAggregation.super.then(rule);
    }
    NearestNeighbourMixing pre = this;
    return new AggregationRule() {
      @Override
      public String name() {
        return rule.name() + "∘" + pre.name();
      }

      @Override
      public void aggregate(WorkerVectors x, int f, float[] out) {
        Workspace w = Workspace.screenedGram(x, f, out);
        int n = w.n;
        float[][] rows = w.rows;
        try {
          int m = n - w.f;
          double[][] d2 = w.gram.squaredDistances();
          double[] c = w.beta;
          java.util.Arrays.fill(c, 0);
          double[] key = w.sorted;
          int[] order = w.order;
          for (int i = 0; i < n; i++) {
            System.arraycopy(d2[i], 0, key, 0, n);
            key[i] = -1; // itself first
            KrumScores.rank(key, (a, b) -> 0, order);
            for (int t = 0; t < m; t++) {
              c[order[t]] += 1.0 / ((double) n * m);
            }
          }
          Combination.write(rows, c, out);
        } finally {
          w.release();
        }
      }
    };
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
