package io.byzcheck.kernels.reference;

/** The average (1/n)·Σᵢ xᵢ in double. */
public final class MeanReference implements ReferenceRule {

  @Override
  public String name() {
    return "Mean (reference)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    int d = x[0].length;
    double[] out = new double[d];
    for (double[] row : x) {
      for (int k = 0; k < d; k++) {
        out[k] += row[k];
      }
    }
    for (int k = 0; k < d; k++) {
      out[k] /= x.length;
    }
    return out;
  }
}
