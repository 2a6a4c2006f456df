package io.byzcheck.kernels.reference;

import java.util.Arrays;

/**
 * Coordinate-wise median straight from Yin et al. 2018, Definition 1 ("the usual (one-dimensional)
 * median"): sort each coordinate's n values; the middle one for odd n, the mean of the two middle
 * ones for even n. Double arithmetic.
 */
public final class CoordinateWiseMedianReference implements ReferenceRule {

  @Override
  public String name() {
    return "CWMed (reference)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    int n = x.length;
    int d = x[0].length;
    double[] out = new double[d];
    double[] column = new double[n];
    for (int k = 0; k < d; k++) {
      for (int i = 0; i < n; i++) {
        column[i] = x[i][k];
      }
      Arrays.sort(column);
      out[k] = (n % 2 == 1) ? column[n / 2] : (column[n / 2 - 1] + column[n / 2]) / 2;
    }
    return out;
  }
}
