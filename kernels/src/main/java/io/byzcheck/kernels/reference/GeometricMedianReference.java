package io.byzcheck.kernels.reference;

/**
 * Geometric median argmin_z Σ‖z − xᵢ‖ (Cao &amp; Lai eq. 13) computed directly in coordinates, in
 * double: Weiszfeld with the Vardi–Zhang step at data points, from the coordinate-wise mean, until
 * the step moves z by less than 1e−13 of the data's spread (or 200 000 steps). A different route from
 * the fast rule's coefficient-space iteration, used to check it.
 */
public final class GeometricMedianReference implements ReferenceRule {

  @Override
  public String name() {
    return "GM (reference)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    int n = x.length;
    int d = x[0].length;
    double[] z = Geometry.mean(x, java.util.stream.IntStream.range(0, n).toArray());
    double spread = 0;
    for (double[] xi : x) {
      spread = Math.max(spread, Math.sqrt(Geometry.squaredDistance(xi, z)));
    }
    if (spread == 0) {
      return z;
    }
    for (int it = 0; it < 200_000; it++) {
      double[] num = new double[d];
      double den = 0;
      double[] r = new double[d];
      int onPoint = 0;
      for (double[] xi : x) {
        double dist = Math.sqrt(Geometry.squaredDistance(xi, z));
        if (dist == 0) {
          onPoint++;
          continue;
        }
        for (int k = 0; k < d; k++) {
          num[k] += xi[k] / dist;
          r[k] += (xi[k] - z[k]) / dist;
        }
        den += 1 / dist;
      }
      if (den == 0) {
        return z;
      }
      double rNorm = Geometry.norm(r);
      double keep = onPoint > 0 ? Math.min(1, onPoint / rNorm) : 0;
      double[] next = new double[d];
      double move = 0;
      for (int k = 0; k < d; k++) {
        next[k] = (1 - keep) * num[k] / den + keep * z[k];
        move = Math.max(move, Math.abs(next[k] - z[k]));
      }
      z = next;
      if (move <= 1e-13 * spread) {
        break;
      }
    }
    return z;
  }
}
