package io.byzcheck.kernels.reference;

/**
 * MDA by brute force (RESAM C.2): every subset of size n − f in lexicographic order, direct double
 * distances, the first with the smallest diameter, averaged. Exponential: for tests with small n.
 */
public final class MinimumDiameterAveragingReference implements ReferenceRule {

  @Override
  public String name() {
    return "MDA (reference)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    int n = x.length;
    int m = n - f;
    double[][] d2 = Geometry.squaredDistances(x);
    int[] s = new int[m];
    for (int i = 0; i < m; i++) {
      s[i] = i;
    }
    int[] best = null;
    double bestDiam = Double.POSITIVE_INFINITY;
    while (true) {
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
      int i = m - 1;
      while (i >= 0 && s[i] == n - m + i) {
        i--;
      }
      if (i < 0) {
        break;
      }
      s[i]++;
      for (int j = i + 1; j < m; j++) {
        s[j] = s[j - 1] + 1;
      }
    }
    return Geometry.mean(x, best);
  }
}
