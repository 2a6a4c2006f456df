package io.byzcheck.kernels.reference;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The weighted rules from their definitions, in double, on finite rows and weights already capped
 * ({@link io.byzcheck.kernels.rules.WeightCap}): written as integrals of the weighted empirical distribution, the
 * fast rules as cumulative scans and peels, so that the two are different derivations of one definition.
 */
public final class WeightedReference {
  private WeightedReference() {}

  /** Σᵢ wᵢxᵢ / Σᵢ wᵢ. */
  public static double[] mean(double[][] x, double[] w) {
    double total = Arrays.stream(w).sum();
    double[] out = new double[x[0].length];
    for (int i = 0; i < x.length; i++) {
      for (int k = 0; k < out.length; k++) {
        out[k] += w[i] / total * x[i][k];
      }
    }
    return out;
  }

  /**
   * Per coordinate, the midpoint of the lower and upper weighted medians: with the distribution placing mass wᵢ at
   * xᵢₖ, the lower one is the smallest value v with mass(≤ v) ≥ W/2, the upper one the smallest with
   * mass(≤ v) &gt; W/2.
   */
  public static double[] median(double[][] x, double[] w) {
    double half = Arrays.stream(w).sum() / 2;
    double[] out = new double[x[0].length];
    for (int k = 0; k < out.length; k++) {
      double[] values = column(x, k);
      double lower = Double.NaN;
      double upper = Double.NaN;
      double[] distinct = Arrays.stream(values).sorted().distinct().toArray();
      for (double v : distinct) {
        double below = massAtMost(values, w, v);
        if (Double.isNaN(lower) && below >= half) {
          lower = v;
        }
        if (Double.isNaN(upper) && below > half) {
          upper = v;
        }
      }
      out[k] = (lower + upper) / 2;
    }
    return out;
  }

  /**
   * Per coordinate, (1/((1−2β)W))·∫ of the quantile function over the mass interval [βW, (1−β)W]: each value
   * contributes the overlap of its own mass interval [C_{j−1}, C_j) (values sorted) with the kept one.
   */
  public static double[] trimmedMean(double[][] x, double[] w, double beta) {
    int n = x.length;
    double total = Arrays.stream(w).sum();
    double from = beta * total;
    double to = total - from;
    double[] out = new double[x[0].length];
    Integer[] order = new Integer[n];
    for (int k = 0; k < out.length; k++) {
      int kk = k;
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingDouble(i -> x[i][kk]));
      double c = 0;
      double sum = 0;
      for (int i : order) {
        double overlap = Math.max(0, Math.min(c + w[i], to) - Math.max(c, from));
        sum += overlap * x[i][k];
        c += w[i];
      }
      out[k] = sum / (to - from);
    }
    return out;
  }

  /**
   * argmin_z Σᵢ wᵢ‖z − xᵢ‖ (the weighted geometric median; unit weights: Cao &amp; Lai eq. 13) in coordinates: Weiszfeld
   * with weights, z ← Σ(wᵢ/‖z − xᵢ‖)xᵢ / Σ(wᵢ/‖z − xᵢ‖), and at a data point of weight η the Vardi–Zhang step (keep
   * min{1, η/‖r̃‖} of z, r̃ = Σ over the other points of wᵢ(xᵢ − z)/‖xᵢ − z‖), from the weighted mean, until the step
   * moves z by less than 1e−13 of the spread (or 200 000 steps). Workers of weight 0 take no part.
   */
  public static double[] geometricMedian(double[][] x, double[] w) {
    int d = x[0].length;
    double total = 0;
    double[] z = new double[d];
    for (int i = 0; i < x.length; i++) {
      total += w[i];
      for (int k = 0; k < d; k++) {
        z[k] += w[i] * x[i][k];
      }
    }
    for (int k = 0; k < d; k++) {
      z[k] /= total;
    }
    double spread = 0;
    for (int i = 0; i < x.length; i++) {
      if (w[i] > 0) {
        spread = Math.max(spread, Math.sqrt(Geometry.squaredDistance(x[i], z)));
      }
    }
    if (spread == 0) {
      return z;
    }
    for (int it = 0; it < 200_000; it++) {
      double[] num = new double[d];
      double den = 0;
      double[] r = new double[d];
      double onPoint = 0;
      for (int i = 0; i < x.length; i++) {
        double[] xi = x[i];
        double dist = Math.sqrt(Geometry.squaredDistance(xi, z));
        if (w[i] == 0) {
          continue;
        }
        if (dist == 0) {
          onPoint += w[i];
          continue;
        }
        for (int k = 0; k < d; k++) {
          num[k] += w[i] * xi[k] / dist;
          r[k] += w[i] * (xi[k] - z[k]) / dist;
        }
        den += w[i] / dist;
      }
      if (den == 0) {
        return z;
      }
      double rNorm = Geometry.norm(r);
      double keep = onPoint > 0 ? Math.min(1, onPoint / rNorm) : 0;
      double[] next = new double[d];
      double move = 0;
      for (int k = 0; k < d; k++) {
        next[k] = (1 - keep) * num[k] / den + keep * z[k];
        move = Math.max(move, Math.abs(next[k] - z[k]));
      }
      z = next;
      if (move <= 1e-13 * spread) {
        break;
      }
    }
    return z;
  }

  /**
   * Weighted Krum* scores ({@link io.byzcheck.kernels.rules.WeightedKrum}): worker i's score sums the squared
   * distances to the nearest neighbour mass k = max{0, W − F − 1}, where its own vector carries the mass wᵢ − 1 beyond
   * itself (at distance 0) and every other worker j its wⱼ, the last neighbour counted by the part of its mass still
   * needed. With integer weights this is Krum*'s score (RESAM C.5, n − f − 1 neighbours) of a copy of xᵢ among the
   * rows repeated wᵢ times, with f = F.
   */
  public static double[] krumScores(double[][] x, double[] w, double byzantineMass) {
    int n = x.length;
    double total = Arrays.stream(w).sum();
    double k = Math.max(0, total - byzantineMass - 1);
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      int self = i;
      double[] d2 = new double[n];
      for (int j = 0; j < n; j++) {
        d2[j] = Geometry.squaredDistance(x[i], x[j]);
      }
      Integer[] order = java.util.stream.IntStream.range(0, n).boxed().toArray(Integer[]::new);
      Arrays.sort(order, Comparator.<Integer>comparingInt(j -> j == self ? 0 : 1).thenComparingDouble(j -> d2[j]));
      double need = k;
      double score = 0;
      for (int j : order) {
        double mass = j == self ? Math.max(0, w[j] - 1) : w[j];
        double taken = Math.min(mass, need);
        score += taken * d2[j];
        need -= taken;
      }
      scores[i] = score;
    }
    return scores;
  }

  /** Weighted Krum*: the worker of positive weight with the smallest {@link #krumScores}, ties by contents then index. */
  public static double[] krum(double[][] x, double[] w, double byzantineMass) {
    double[] scores = krumScores(x, w, byzantineMass);
    int best = -1;
    for (int i = 0; i < x.length; i++) {
      if (w[i] > 0 && (best < 0 || scores[i] < scores[best]
          || scores[i] == scores[best] && Arrays.compare(x[i], x[best]) < 0)) {
        best = i;
      }
    }
    return x[best].clone();
  }

  private static double[] column(double[][] x, int k) {
    double[] c = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      c[i] = x[i][k];
    }
    return c;
  }

  private static double massAtMost(double[] values, double[] w, double v) {
    double m = 0;
    for (int i = 0; i < values.length; i++) {
      if (values[i] <= v) {
        m += w[i];
      }
    }
    return m;
  }
}
