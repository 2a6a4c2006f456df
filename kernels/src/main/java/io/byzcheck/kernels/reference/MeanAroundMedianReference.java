package io.byzcheck.kernels.reference;

import java.util.Arrays;
import java.util.Comparator;

/**
 * MeaMed from RESAM C.4's wording, in double: per coordinate, rank the n values by their distance to
 * the median (ties: the smaller value first), keep the first n − f, average them.
 */
public final class MeanAroundMedianReference implements ReferenceRule {

  @Override
  public String name() {
    return "MeaMed (reference)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    int n = x.length;
    double[] out = new double[x[0].length];
    Double[] column = new Double[n];
    for (int k = 0; k < out.length; k++) {
      double[] sorted = new double[n];
      for (int i = 0; i < n; i++) {
        sorted[i] = x[i][k];
        column[i] = x[i][k];
      }
      Arrays.sort(sorted);
      double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      Arrays.sort(column, Comparator.<Double>comparingDouble(v -> Math.abs(v - median)).thenComparingDouble(v -> v));
      double sum = 0;
      for (int i = 0; i < n - f; i++) {
        sum += column[i];
      }
      out[k] = sum / (n - f);
    }
    return out;
  }
}
