package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * The geometric median's certificate (Weiszfeld's class comment: g(z) − g* ≤ ‖s‖·maxᵢ‖z − xᵢ‖ for the
 * minimal-norm subgradient s, Cao &amp; Lai eq. 13) evaluated directly in coordinates, in double, for a
 * given float point z: the fallback when the certificate on the Gram matrix stalls at its rounding floor.
 * That floor comes from distances much smaller than the data's spread (their squares are differences of
 * Gram entries of order spread²): rows of very different scales (norms 10⁻⁴ … 10¹⁸) stall it far above
 * any useful request although the median is known to double precision. Computed in coordinates each
 * distance and unit vector keeps its own relative precision, whatever the other rows' scale, so the
 * stalled iterate, the coordinate-wise median or a data point is usually certified at once. O(n·d) per
 * candidate; only on the failure path.
 */
final class DirectCertificate {
  private DirectCertificate() {}

  /**
   * The proven relative gap (g(z) − g*)/g* of z, with an allowance for this computation's own rounding;
   * objective[0] receives g(z). The unit vectors' rounding adds at most n·(d + 4)·2⁻⁵² to ‖r‖.
   */
  static double relativeGap(float[][] rows, float[] z, double[] objective) {
    int n = rows.length;
    int d = z.length;
    double[] dist = new double[n];
    double g = 0;
    double radius = 0;
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = 0; k < d; k++) {
        double e = (double) rows[i][k] - z[k];
        s += e * e;
      }
      dist[i] = Math.sqrt(s);
      g += dist[i];
      radius = Math.max(radius, dist[i]);
    }
    objective[0] = g;
    if (radius == 0) {
      return 0;
    }
    double[] r = new double[d];
    int onPoint = 0;
    for (int i = 0; i < n; i++) {
      if (dist[i] == 0) {
        onPoint++;
        continue;
      }
      double inv = 1 / dist[i];
      for (int k = 0; k < d; k++) {
        r[k] += ((double) rows[i][k] - z[k]) * inv;
      }
    }
    double norm2 = 0;
    for (double v : r) {
      norm2 += v * v;
    }
    double slack = n * (d + 4.0) * 0x1p-52;
    double subgradient = Math.max(0, Math.sqrt(norm2) + slack - onPoint);
    double gap = subgradient * radius;
    return gap == 0 ? 0 : g > gap ? gap / (g - gap) : Double.POSITIVE_INFINITY;
  }

  /**
   * The first of the stalled iterate (coefficients beta), the coordinate-wise median and the data points
   * whose direct certificate meets the request, written to out; the stall rethrown, naming the best
   * direct certificate, if none does. The solution's beta is empty for the coordinate-wise median (not a
   * combination of the rows) and iterations is −1 (certified directly).
   */
  static Weiszfeld.Solution fallback(float[][] rows, double[] beta, double request, float[] out,
      IllegalStateException stall) {
    double[] objective = new double[1];
    double best = Double.POSITIVE_INFINITY;
    Combination.write(rows, beta, out);
    double gap = relativeGap(rows, out, objective);
    if (gap <= request) {
      return new Weiszfeld.Solution(beta, objective[0], gap, -1);
    }
    best = Math.min(best, gap);
    VectorizationProvider.getInstance().coordinateKernels().median(rows, out);
    gap = relativeGap(rows, out, objective);
    if (gap <= request) {
      return new Weiszfeld.Solution(new double[0], objective[0], gap, -1);
    }
    best = Math.min(best, gap);
    for (int j = 0; j < rows.length; j++) {
      gap = relativeGap(rows, rows[j], objective);
      if (gap <= request) {
        System.arraycopy(rows[j], 0, out, 0, out.length);
        double[] point = new double[rows.length];
        point[j] = 1;
        return new Weiszfeld.Solution(point, objective[0], gap, -1);
      }
      best = Math.min(best, gap);
    }
    throw new IllegalStateException(stall.getMessage() + "; certified directly in coordinates, the iterate, the"
        + " coordinate-wise median and the data points reach at best " + best, stall);
  }
}
