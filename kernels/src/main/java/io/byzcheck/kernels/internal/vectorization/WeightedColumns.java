package io.byzcheck.kernels.internal.vectorization;

/**
 * One coordinate's values with their workers' weights, sorted by value (insertion sort: n is small), and the
 * definitions of the weighted median and weighted trimmed mean by mass on it (the rules
 * {@code WeightedCoordinateWiseMedian} and {@code WeightedTrimmedMean}, Yin et al. 2018 Def. 1 and 2 on rows repeated
 * wᵢ times): the scalar kernels, and what {@code PanamaCoordinateKernels} reproduces operation for operation.
 */
final class WeightedColumns {
  final int n;
  final float[] value;
  final double[] weight;

  WeightedColumns(int n) {
    this.n = n;
    value = new float[n];
    weight = new double[n];
  }

  /**
   * Column k of the rows with the weights, sorted by value; stable, so ties (−0.0 and 0.0 among them) stay in
   * worker order: the order is that of the keys (value, worker), which the vector kernel's ranks reproduce.
   */
  void sort(float[][] rows, double[] w, int k) {
    for (int i = 0; i < n; i++) {
      float v = rows[i][k];
      double wi = w[i];
      int j = i - 1;
      while (j >= 0 && value[j] > v) {
        value[j + 1] = value[j];
        weight[j + 1] = weight[j];
        j--;
      }
      value[j + 1] = v;
      weight[j + 1] = wi;
    }
  }

  /**
   * With C_j the weight of the first j sorted values (summed in sorted order), the midpoint of the first value with
   * C_j ≥ half and the first with C_j &gt; half, half = W/2.
   */
  float median(double half) {
    int lo = -1;
    int hi = -1;
    double cum = 0;
    for (int j = 0; j < n && hi < 0; j++) {
      cum += weight[j];
      if (lo < 0 && cum >= half) {
        lo = j;
      }
      if (cum > half) {
        hi = j;
      }
    }
    // hi exists: the total exceeds half of itself. Midpoint in double: no overflow, one rounding.
    return (float) (((double) value[lo] + value[hi]) / 2);
  }

  /**
   * Peels weight mass {@code trim} off the bottom, then {@code trim} off the top (a value at a boundary keeps
   * part of its weight), and divides the weighted sum of the rest, in sorted order, by {@code kept}. Consumes
   * the sorted weights.
   */
  float trimmedMean(double trim, double kept) {
    double[] r = weight;
    double left = trim;
    for (int j = 0; j < n && left > 0; j++) {
      double take = Math.min(left, r[j]);
      r[j] -= take;
      left -= take;
    }
    left = trim;
    for (int j = n - 1; j >= 0 && left > 0; j--) {
      double take = Math.min(left, r[j]);
      r[j] -= take;
      left -= take;
    }
    double sum = 0;
    for (int j = 0; j < n; j++) {
      sum += r[j] * value[j];
    }
    return (float) (sum / kept);
  }
}
