package io.byzcheck.benchmarks.reference;

import io.byzcheck.kernels.reference.Geometry;
import io.byzcheck.kernels.reference.ReferenceRule;
import io.byzcheck.kernels.rules.NormClipping;
import java.util.Arrays;

/**
 * ARC then the mean, from the definition (Allouah et al. 2024, Alg. 1): direct double norms; the
 * k = ⌊2(f/n)(n − f)⌋ inputs of largest norm are scaled to the (k+1)-th largest norm; the average of
 * the clipped vectors.
 */
public final class AdaptiveClippingMeanReference implements ReferenceRule {
  @Override
  public String name() {
    return "Mean∘ARC (reference)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    int n = x.length;
    double[] norms = new double[n];
    for (int i = 0; i < n; i++) {
      norms[i] = Geometry.norm(x[i]);
    }
    int k = NormClipping.arcClipped(n, f);
    double[] sorted = norms.clone();
    Arrays.sort(sorted);
    double threshold = k >= n ? 0 : sorted[n - 1 - k];
    double[][] clipped = new double[n][];
    for (int i = 0; i < n; i++) {
      double scale = norms[i] > threshold ? threshold / norms[i] : 1;
      clipped[i] = x[i].clone();
      for (int c = 0; c < clipped[i].length; c++) {
        clipped[i][c] *= scale;
      }
    }
    return Geometry.mean(clipped, Averages.all(n));
  }
}
