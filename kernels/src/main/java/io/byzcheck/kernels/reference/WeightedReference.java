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
