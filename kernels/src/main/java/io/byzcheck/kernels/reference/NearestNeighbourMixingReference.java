package io.byzcheck.kernels.reference;

/**
 * Nearest-neighbour mixing from its definition (Allouah et al. 2023, Alg. 1): with direct double
 * distances, each yᵢ is the average of the n − f inputs nearest to xᵢ, xᵢ itself included (first), ties
 * broken towards the lower index; all n mixed vectors are materialised, as the fast rule avoids.
 */
public final class NearestNeighbourMixingReference implements PreAggregationReference {
  @Override
  public String name() {
    return "NNM (reference)";
  }

  @Override
  public double[][] applyExact(double[][] x, int f) {
    int n = x.length;
    double[][] d2 = Geometry.squaredDistances(x);
    double[][] mixed = new double[n][];
    for (int i = 0; i < n; i++) {
      int self = i;
      double[] row = d2[i];
      // Itself first, then by distance, then by index: a stable order on (distance, index).
      int[] nearest = java.util.stream.IntStream.range(0, n).boxed()
          .sorted(java.util.Comparator.<Integer>comparingInt(j -> j == self ? 0 : 1)
              .thenComparingDouble(j -> row[j]).thenComparingInt(j -> j))
          .limit(n - f).mapToInt(Integer::intValue).toArray();
      mixed[i] = Geometry.mean(x, nearest);
    }
    return mixed;
  }
}
