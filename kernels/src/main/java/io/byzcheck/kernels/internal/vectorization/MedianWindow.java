package io.byzcheck.kernels.internal.vectorization;

/**
 * The n − f values of one coordinate nearest its median (RESAM C.4, MeaMed), from the sorted column.
 * In one dimension the q = n − f nearest values to m are q consecutive sorted values, found by
 * dropping the farther end f times; among equally near values the smaller ones are kept (which keeps
 * the rule permutation-invariant, unlike breaking ties by worker index). Distances and the sum are taken in double, where the
 * difference of two floats is exact, so every backend makes the same choice.
 */
final class MedianWindow {
  private MedianWindow() {}

  /** The average of the n − f values nearest the median of sorted[0..n). */
  public static double average(float[] sorted, int n, int f) {
    return average(sorted, 0, 1, n, f);
  }

  /** As {@link #average(float[], int, int)} for a column stored at sorted[offset + i·stride]. */
  public static double average(float[] sorted, int offset, int stride, int n, int f) {
    int q = n - f;
    double m = (n & 1) == 1
        ? sorted[offset + (n / 2) * stride]
        : ((double) sorted[offset + (n / 2 - 1) * stride] + sorted[offset + (n / 2) * stride]) / 2;
    // Drop the f farthest values one at a time; the farthest remaining is always at an end of the
    // window, and on a tie the larger value goes (so the smaller of two equally near values stays).
    int lo = 0;
    int hi = n - 1;
    for (int r = 0; r < f; r++) {
      if (m - sorted[offset + lo * stride] > sorted[offset + hi * stride] - m) {
        lo++;
      } else {
        hi--;
      }
    }
    double sum = 0;
    for (int i = lo; i <= hi; i++) {
      sum += sorted[offset + i * stride];
    }
    return sum / q;
  }
}
