package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.WorkerVectors;

/** One coordinate's values with their workers' weights, sorted by value (insertion sort: n is small). */
final class WeightedColumns {
  final int n;
  final float[] value;
  final double[] weight;
  private final double[] rest;

  WeightedColumns(int n) {
    this.n = n;
    value = new float[n];
    weight = new double[n];
    rest = new double[n];
  }

  /** A copy of the sorted weights, in reused storage, for a rule to consume. */
  double[] rest() {
    System.arraycopy(weight, 0, rest, 0, n);
    return rest;
  }

  double total(double[] w) {
    double t = 0;
    for (double v : w) {
      t += v;
    }
    return t;
  }

  /** Column k of x with the weights, sorted by value; ties keep the weights together (their order is moot). */
  void sort(WorkerVectors x, double[] w, int k) {
    for (int i = 0; i < n; i++) {
      float v = x.row(i)[k];
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
}
