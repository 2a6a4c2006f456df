package io.byzcheck.benchmarks.reference;

/** Index sets for {@link io.byzcheck.kernels.reference.Geometry#mean}. */
final class Averages {
  private Averages() {}

  /** {0, …, n−1}. */
  static int[] all(int n) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return all;
  }
}
