package io.byzcheck.kernels.reference;

import java.util.Arrays;

/**
 * Adaptive robust clipping, ARC, from its definition (Allouah et al. 2024, Alg. 1): direct double norms; the
 * k = ⌊2(f/n)(n − f)⌋ inputs of largest norm (k the largest integer with k·n ≤ 2f(n − f), counted here
 * without any division) are scaled down to the (k+1)-th largest norm, the others kept.
 */
public final class AdaptiveClippingReference implements PreAggregationReference {
  @Override
  public String name() {
    return "ARC (reference)";
  }

  @Override
  public double[][] applyExact(double[][] x, int f) {
    int n = x.length;
    double[] norms = new double[n];
    for (int i = 0; i < n; i++) {
      norms[i] = Geometry.norm(x[i]);
    }
    long k = 0;
    while ((k + 1) * n <= 2L * f * (n - f)) {
      k++;
    }
    double[] sorted = norms.clone();
    Arrays.sort(sorted);
    double threshold = k >= n ? 0 : sorted[(int) (n - 1 - k)];
    double[][] clipped = new double[n][];
    for (int i = 0; i < n; i++) {
      double scale = norms[i] > threshold ? threshold / norms[i] : 1;
      clipped[i] = x[i].clone();
      for (int c = 0; c < clipped[i].length; c++) {
        clipped[i][c] *= scale;
      }
    }
    return clipped;
  }
}
