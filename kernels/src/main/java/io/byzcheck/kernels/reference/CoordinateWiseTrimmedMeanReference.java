package io.byzcheck.kernels.reference;

import java.util.Arrays;

/**
 * Coordinate-wise trimmed mean from the definitions, in double: RESAM C.3 (sort each coordinate,
 * average positions f+1 … n−f, i.e. divide by n − 2f) or Yin Def. 2 (remove βm per side, divide the
 * rest's sum by (1 − 2β)m, which is the count kept; after exclusions ⌈βm⌉ per side, see the rule). Validation of f and β is the fast rule's; this is the plain formula.
 */
public final class CoordinateWiseTrimmedMeanReference implements ReferenceRule {
  private final double beta;

  private CoordinateWiseTrimmedMeanReference(double beta) {
    this.beta = beta;
  }

  public static CoordinateWiseTrimmedMeanReference trimF() {
    return new CoordinateWiseTrimmedMeanReference(Double.NaN);
  }

  public static CoordinateWiseTrimmedMeanReference byFraction(double beta) {
    return new CoordinateWiseTrimmedMeanReference(beta);
  }

  @Override
  public String name() {
    return (Double.isNaN(beta) ? "CWTM" : "TrMean(β=" + beta + ")") + " (reference)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    int n = x.length;
    // Yin Def. 2 on the n finite workers, with the rule's documented trim when βn is not an integer.
    int trim = Double.isNaN(beta) ? f
        : io.byzcheck.kernels.rules.CoordinateWiseTrimmedMean.trimAfterExclusion(beta, n);
    double divisor = n - 2.0 * trim;
    double[] out = new double[x[0].length];
    double[] column = new double[n];
    for (int k = 0; k < out.length; k++) {
      for (int i = 0; i < n; i++) {
        column[i] = x[i][k];
      }
      Arrays.sort(column);
      double sum = 0;
      for (int i = trim; i < n - trim; i++) {
        sum += column[i];
      }
      out[k] = sum / divisor;
    }
    return out;
  }
}
