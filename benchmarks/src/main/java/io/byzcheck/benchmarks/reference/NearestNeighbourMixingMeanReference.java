package io.byzcheck.benchmarks.reference;

import io.byzcheck.kernels.reference.Geometry;
import io.byzcheck.kernels.reference.ReferenceRule;
import io.byzcheck.kernels.rules.NearestNeighbourMixing;

/**
 * NNM then the mean, from the definition (Allouah et al. 2023, Alg. 1): direct double distances, each
 * yᵢ the average of its n − f nearest inputs (itself included, ties to the lower index), then the
 * average of the n mixed vectors — all n of them materialised, as the fast rule avoids.
 */
public final class NearestNeighbourMixingMeanReference implements ReferenceRule {
  @Override
  public String name() {
    return "Mean∘NNM (reference)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    int n = x.length;
    int[][] nearest = NearestNeighbourMixing.neighbours(Geometry.squaredDistances(x), n - f);
    double[][] mixed = new double[n][];
    for (int i = 0; i < n; i++) {
      mixed[i] = Geometry.mean(x, nearest[i]);
    }
    return Geometry.mean(mixed, Averages.all(n));
  }
}
