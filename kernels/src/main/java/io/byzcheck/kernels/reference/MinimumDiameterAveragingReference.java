package io.byzcheck.kernels.reference;

/**
 * MDA by brute force (RESAM C.2): the workers sorted by their coordinates (lexicographically, the
 * canonical tie order that makes the rule independent of worker order), then every subset of size
 * n − f in lexicographic order, direct double distances, the first with the smallest diameter,
 * averaged. Exponential: for tests with small n.
 */
public final class MinimumDiameterAveragingReference implements ReferenceRule {

  @Override
  public String name() {
    return "MDA (reference)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    x = x.clone();
    java.util.Arrays.sort(x, java.util.Arrays::compare);
    int n = x.length;
    int m = n - f;
    double[][] d2 = Geometry.squaredDistances(x);
    int[] s = Subsets.first(m);
    int[] best = null;
    double bestDiam = Double.POSITIVE_INFINITY;
    do {
      double diam = 0;
      for (int a = 0; a < m; a++) {
        for (int b = a + 1; b < m; b++) {
          diam = Math.max(diam, d2[s[a]][s[b]]);
        }
      }
      if (diam < bestDiam) {
        bestDiam = diam;
        best = s.clone();
      }
    } while (Subsets.next(s, n));
    return Geometry.mean(x, best);
  }
}
