package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * The geometric median's certificate (Weiszfeld's class comment: g(z) − g* ≤ ‖s‖·‖z − z*‖ for the
 * minimal-norm subgradient s, Cao &amp; Lai eq. 13) evaluated directly in coordinates, in double, for a
 * given float point z: the fallback when the certificate on the Gram matrix stalls at its rounding floor.
 * That floor comes from distances much smaller than the data's spread (their squares are differences of
 * Gram entries of order spread²): rows of very different scales (norms 10⁻⁴ … 10¹⁸) stall it far above
 * any useful request although the median is known to double precision. Computed in coordinates each
 * distance and unit vector keeps its own relative precision, whatever the other rows' scale, so the
 * stalled iterate, the coordinate-wise median or a data point is usually certified at once. O(n·d) per
 * candidate; only on the failure path.
 *
 * <p>‖z − z*‖ is bounded by R = maxᵢ‖z − xᵢ‖ (both lie in the convex hull), or better by a ball around a
 * data point that provably holds z* ({@link #localise}): with rows of norms 10⁻⁵ … 10¹⁸ and a median
 * near the small ones, R is 10²³ times the median's distance to its nearest row, and no float point can
 * be certified against it, while the ball's radius is of that distance's order.
 *
 * <p>Weights. Every method takes weights wᵢ ∈ (0, 1] (null: all 1) and certifies the weighted median
 * argmin Σwᵢ‖z − xᵢ‖ instead (Cao &amp; Lai eq. 13 with weights): each unit vector and distance enters times wᵢ,
 * the multiplicity at a point is the weight there. With wᵢ ≤ 1 the rounding bounds of the unit case still hold
 * (wᵢ/dᵢ is one rounding as 1/dᵢ; the products wᵢdᵢ add 2⁻⁵³ each, inside the distances' allowance).
 */
final class DirectCertificate {
  private DirectCertificate() {}

  /** wᵢ, 1 if unweighted (the products are then exact: the unweighted certificate is unchanged bit for bit). */
  private static double weight(double[] weights, int i) {
    return weights == null ? 1 : weights[i];
  }

  /**
   * g(z) and a lower bound of it, the proven bound on ‖s‖ for the minimal-norm subgradient s at z, and
   * R = maxᵢ‖z − xᵢ‖ (upper bound).
   */
  private record Bound(double objective, double objectiveLow, double subgradient, double radius) {
    /** The proven relative gap (g(z) − g*)/g* with ‖z − z*‖ ≤ r. */
    double relativeGap(double r) {
      double gap = subgradient * Math.min(radius, r);
      return gap == 0 ? 0 : objectiveLow > gap ? gap / (objectiveLow - gap) : Double.POSITIVE_INFINITY;
    }
  }

  /** A computed distance's relative error bound: d squares summed (d + 2), the differences and √ (3 more), 1 % over. */
  private static double distanceError(int d) {
    return (d + 8) * 0x1p-53;
  }

  /** g = Σ of n computed distances, rounded down to a proven lower bound of the exact sum. */
  private static double lower(double g, int n, int d) {
    return g * (1 - distanceError(d) - n * 0x1p-52);
  }

  /**
   * The bound at z; dist receives the n distances. The unit vectors' rounding adds at most n·(d + 4)·2⁻⁵² to
   * ‖r‖ ({@link #slack}).
   */
  private static Bound bound(float[][] rows, float[] z, double[] dist, double[] weights) {
    int n = rows.length;
    int d = z.length;
    double g = 0;
    double radius = 0;
    for (int i = 0; i < n; i++) {
      dist[i] = distance(rows[i], z);
      g += weight(weights, i) * dist[i];
      radius = Math.max(radius, dist[i]);
    }
    if (radius == 0) {
      return new Bound(0, 0, 0, 0);
    }
    double[] r = new double[d];
    double onPoint = residual(rows, z, dist, 0, r, weights);
    double norm = Math.sqrt(dot(r, r));
    double subgradient = Math.max(0, norm * (1 + (d + 4) * 0x1p-52) + slack(n, d) - onPoint);
    return new Bound(g, lower(g, n, d), subgradient, radius * (1 + distanceError(d)));
  }

  /** ‖x − z‖ in double: the differences of floats in double, their squares summed. */
  private static double distance(float[] x, float[] z) {
    double s = 0;
    for (int k = 0; k < z.length; k++) {
      double e = (double) x[k] - z[k];
      s += e * e;
    }
    return Math.sqrt(s);
  }

  /**
   * r = Σ wᵢ(xᵢ − z)/‖xᵢ − z‖ over the rows farther than cutoff from z (0: the rows z is not on); returns the
   * others' weight, the multiplicity of z (at cutoff 0).
   */
  private static double residual(float[][] rows, float[] z, double[] dist, double cutoff, double[] r,
      double[] weights) {
    double onPoint = 0;
    for (int i = 0; i < rows.length; i++) {
      if (dist[i] <= cutoff) {
        // a double distance of 0: every coordinate equal (differences of floats are exact or nonzero)
        onPoint += weight(weights, i);
        continue;
      }
      double inv = weight(weights, i) / dist[i];
      for (int k = 0; k < r.length; k++) {
        r[k] += ((double) rows[i][k] - z[k]) * inv;
      }
    }
    return onPoint;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  /**
   * A bound on ‖computed − exact‖ Σ of n unit vectors of dimension d: each unit vector within (d + 4)·2⁻⁵² of
   * its exact one, and the n-term sums per coordinate within γₙ of Σᵢ|uᵢₖ|, whose norm is at most n.
   */
  private static double slack(int n, int d) {
    return n * (d + 4.0 + n) * 0x1p-52;
  }

  /**
   * The proven relative gap (g(z) − g*)/g* of z, with an allowance for this computation's own rounding;
   * objective[0] receives g(z).
   */
  static double relativeGap(float[][] rows, float[] z, double[] objective, double[] weights) {
    Bound b = bound(rows, z, new double[rows.length], weights);
    objective[0] = b.objective();
    return b.relativeGap(Double.POSITIVE_INFINITY);
  }

  /**
   * A radius ρ̄ with ‖z* − p‖ &lt; ρ̄ for every minimiser z*, p = rows[j] (∞ if none is proven); gap[0] receives
   * the proven bound on g(p) − g*. For y = p + h, ‖h‖ = ρ, ĥ = h/ρ, each row at distance dᵢ &gt; 0 from p in
   * direction uᵢ has ‖y − xᵢ‖ ≥ dᵢ − ρ⟨uᵢ, ĥ⟩ + ρ²(1 − ⟨uᵢ, ĥ⟩²)/(2(dᵢ + ρ)) (the excess of ‖y − xᵢ‖ over
   * dᵢ − ⟨uᵢ, h⟩ is (ρ² − ⟨uᵢ, h⟩²)/(‖y − xᵢ‖ + dᵢ − ⟨uᵢ, h⟩), and that denominator is at most 2(dᵢ + ρ)).
   * With w the rows equal to p and r̃ = Σuᵢ the others' unit vectors:
   * g(p + h) − g(p) ≥ ρ(w − ⟨r̃, ĥ⟩ + (ρ/2)·Σᵢ sin²∠(uᵢ, ĥ)/(dᵢ + ρ)). A minimiser has g(z*) ≤ g(p), so its ĥ
   * lies in the cone ⟨r̃, ĥ⟩ ≥ w (half-angle θ₀ = arccos(w/‖r̃‖)), where sin²∠(uᵢ, ĥ) ≥ cᵢ = sin²(max(0,
   * ψᵢ − θ₀)), ψᵢ the angle between the line of uᵢ and r̃; and its ρ has F(ρ) = ρ·Σ cᵢ/(dᵢ + ρ) ≤ 2ε, ε =
   * ‖r̃‖ − w. F increases with ρ, so ρ̄ with F(ρ̄) &gt; 2ε bounds it; and g* ≥ g(p) − ε·ρ̄ (the subgradient
   * −r̃ + w·ĥ at p). Quadratic in ε where the plain certificate ε·R is linear, and local: ρ̄ is of the order
   * of the distances to the rows that bend g near p, not of the data's spread. Every computed quantity is
   * taken at its bound's unfavourable end ((d + 8)·2⁻⁵³ relative for a distance, (4d + 32)·2⁻⁵³ for a
   * cosine, {@link #slack} for r̃). ρ̄ is at most R = maxᵢ‖p − xᵢ‖ (z* lies in the convex hull). O(n·d).
   */
  static double localise(float[][] rows, int j, double[] gap, double[] weights) {
    return localise(rows, rows[j], 0, gap, weights);
  }

  /**
   * The certificate of {@link #localise(float[][], int, double[])} at any float point p, with the rows nearest p
   * merged into p while twice their distances sum to at most a quarter of the absolute gap that the relative
   * request allows (none beyond the rows equal to p at a request of 0). Merging is what certifies a point
   * inside a tight cluster of a mixed-scale input (corpus input 20261184835492: rows of norms 1.5·10⁻⁵,
   * 1.5·10⁻⁵ and 61 next to rows of norms 7·10¹⁰ … 9·10¹⁷, the median 3·10⁵ from the cluster): at p each of
   * the cluster's other rows adds a unit vector to r̃, so ε ≈ 2 there and no ball is proven, although g(p) is
   * optimal to 10⁻¹⁸ relative. With C the merged rows and g̃(z) = Σ_{i∉C}‖z − xᵢ‖ + |C|·‖z − p‖, the triangle
   * inequality gives g ≥ g̃ − Σ_C‖xᵢ − p‖ everywhere and g(p) = g̃(p) + Σ_C‖xᵢ − p‖, so g(p) − g* ≤
   * (g̃(p) − g̃*) + 2Σ_C‖xᵢ − p‖, and g̃ has p as a point of multiplicity |C|: the ball above, with w = |C| and
   * r̃ over the rows outside C, bounds g̃(p) − g̃* (merging never increases ε: ‖r̃ − uᵢ‖ − (w + 1) ≤ ‖r̃‖ − w).
   * gap[0] receives the bound on g(p) − g*; the returned ρ̄ bounds g's minimisers only when no row at a
   * positive distance was merged (it bounds g̃'s otherwise), and is ∞ then.
   */
  static double localise(float[][] rows, float[] p, double request, double[] gap, double[] weights) {
    int n = rows.length;
    int d = p.length;
    double[] dist = new double[n];
    double g = 0;
    for (int i = 0; i < n; i++) {
      dist[i] = distance(rows[i], p);
      g += weight(weights, i) * dist[i];
    }
    double low = lower(g, n, d);
    double[] cutoffs = mergeCutoffs(dist, request * low / (1 + request) / 4, distanceError(d));
    double rho = Double.POSITIVE_INFINITY;
    double[] trial = new double[1];
    gap[0] = Double.POSITIVE_INFINITY;
    for (int c = 0; c < cutoffs.length; c++) {
      if (c > 0 && cutoffs[c] == cutoffs[c - 1]) {
        continue;
      }
      double r = localise(rows, p, dist.clone(), low, cutoffs[c], trial, weights);
      gap[0] = Math.min(gap[0], trial[0]);
      rho = Math.min(rho, r);
    }
    return rho;
  }

  /** The certificate at p with the rows within cutoff of p merged (dist: their distances, consumed). */
  private static double localise(float[][] rows, float[] p, double[] dist, double low, double cutoff,
      double[] gap, double[] weights) {
    int n = rows.length;
    int d = p.length;
    double rel = distanceError(d);
    // Σ_C of the exact distances, from above: each within rel, the n-term sum within n·2⁻⁵².
    double merged = 0;
    double reach = 0; // R̃: g̃'s minimisers lie in the hull of p and the rows outside C
    for (int i = 0; i < n; i++) {
      if (dist[i] <= cutoff) {
        merged += weight(weights, i) * dist[i];
      } else {
        reach = Math.max(reach, dist[i]);
      }
    }
    merged *= (1 + rel) * (1 + n * 0x1p-52);
    reach *= 1 + rel;
    double[] r = new double[d];
    double w = residual(rows, p, dist, cutoff, r, weights);
    double norm = Math.sqrt(dot(r, r));
    double eps = norm * (1 + rel) + slack(n, d) - w;
    double rho = eps <= 0 ? 0 : Math.min(reach, coneRadius(rows, p, dist, cutoff, r, norm, w, eps, weights));
    // 2⁻⁴⁰ and 2⁻⁵⁰ over the roundings of this product and sum and of the quotient's two operations.
    double bound = ((eps > 0 ? eps * rho : 0) + 2 * merged) * (1 + 0x1p-40);
    gap[0] = bound == 0 ? 0 : low > bound ? bound / (low - bound) * (1 + 0x1p-50) : Double.POSITIVE_INFINITY;
    // Vardi–Zhang (ε ≤ 0): p is a minimiser; R still bounds the others (ρ̄ = 0 would claim it is the only one).
    return merged > 0 ? Double.POSITIVE_INFINITY : eps <= 0 ? reach : rho;
  }

  /**
   * The cutoffs tried: 0 (the rows equal to p), the largest distance among the nearest rows whose distances,
   * doubled, sum to at most budget, and below it the distance after which the next one is the largest multiple
   * of it (the edge of the tightest cluster, where 2Σ_C is smallest for the same ε). Only a choice: the
   * certificate sums what it merged.
   */
  private static double[] mergeCutoffs(double[] dist, double budget, double rel) {
    double[] sorted = dist.clone();
    java.util.Arrays.sort(sorted);
    double greedy = 0;
    double edge = 0;
    double jump = 1;
    double sum = 0;
    for (int k = 0; k < sorted.length; k++) {
      sum += sorted[k] * (1 + rel);
      if (2 * sum * (1 + sorted.length * 0x1p-52) > budget) {
        break;
      }
      greedy = sorted[k];
      if (sorted[k] > 0 && k + 1 < sorted.length && sorted[k + 1] / sorted[k] > jump) {
        jump = sorted[k + 1] / sorted[k];
        edge = sorted[k];
      }
    }
    return new double[] {0, edge, greedy};
  }

  /**
   * ρ̄ of {@link #localise(float[][], int, double[])}: F(ρ̄) &gt; 2ε over the rows beyond the cutoff (the others
   * are at p, multiplicity w); ∞ if none is proven. dist is left as upper bounds of those rows' distances.
   */
  private static double coneRadius(float[][] rows, float[] p, double[] dist, double cutoff, double[] r,
      double norm, double w, double eps, double[] weights) {
    int n = rows.length;
    int d = p.length;
    double eta = slack(n, d);
    double rel = distanceError(d);
    double cosTheta = (w - eta) / (norm * (1 + rel)) - 0x1p-50;
    if (w == 0 || cosTheta <= 0 || norm == 0) {
      return Double.POSITIVE_INFINITY;
    }
    double theta = Math.acos(Math.min(1, cosTheta)) + 0x1p-50;
    double cosError = (4.0 * d + 32) * 0x1p-53;
    double[] c = new double[n];
    double cSum = 0;
    for (int i = 0; i < n; i++) {
      if (dist[i] <= cutoff) {
        continue;
      }
      double s = 0;
      for (int k = 0; k < d; k++) {
        s += ((double) rows[i][k] - p[k]) * r[k];
      }
      double cosPsi = Math.min(1, Math.abs(s) / (dist[i] * norm) + cosError);
      double angle = Math.acos(cosPsi) - 0x1p-50 - theta;
      if (angle > 0) {
        double sin = Math.sin(Math.min(angle, Math.PI / 2));
        c[i] = sin * sin * weight(weights, i) * (1 - 0x1p-40); // F = ρΣwᵢcᵢ/(dᵢ + ρ) with weights
        cSum += c[i];
      }
      dist[i] *= 1 + rel; // an upper bound of the exact distance: F below is then a lower bound
    }
    double target = 2 * eps;
    if (cSum * (1 - n * 0x1p-50) * (1 - 1e-9) <= target) {
      return Double.POSITIVE_INFINITY; // F(ρ) < Σcᵢ: no radius proven
    }
    double lo = 0;
    double hi = Double.MIN_NORMAL;
    for (int i = 0; i < n; i++) {
      if (c[i] > 0) {
        hi = Math.max(hi, target * dist[i] / c[i]); // F(hi) ≥ cᵢ·hi/(dᵢ + hi) ≥ 2ε·dᵢ/(dᵢ + hi): a start
      }
    }
    while (lowerF(c, dist, hi) <= target) {
      if (hi > 0x1p1000) {
        return Double.POSITIVE_INFINITY;
      }
      lo = hi;
      hi *= 2;
    }
    for (int it = 0; it < 60 && hi - lo > 1e-9 * hi; it++) {
      double mid = 0.5 * (lo + hi);
      if (lowerF(c, dist, mid) > target) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  /** F(ρ) = ρ·Σ cᵢ/(dᵢ + ρ), rounded down by n·2⁻⁵⁰ relative. */
  private static double lowerF(double[] c, double[] dist, double rho) {
    double s = 0;
    for (int i = 0; i < c.length; i++) {
      if (c[i] > 0) {
        s += c[i] * rho / (dist[i] + rho);
      }
    }
    return s * (1 - c.length * 0x1p-50);
  }

  /**
   * The stalled iterate (coefficients beta) written to out if its direct certificate meets the request, else
   * null (out then holds it anyway). O(n·d): cheaper than recentring the Gram, which costs O(n²·d).
   */
  static Weiszfeld.Solution iterate(float[][] rows, double[] beta, double request, float[] out,
      double[] weights) {
    double[] objective = new double[1];
    Combination.write(rows, beta, out);
    double gap = relativeGap(rows, out, objective, weights);
    return gap <= request ? new Weiszfeld.Solution(beta, objective[0], gap, -1) : null;
  }

  /**
   * The first of the stalled iterate (coefficients beta), the coordinate-wise median and the data points
   * whose direct certificate meets the request, written to out, first with R, then with the smallest proven
   * ball around a data point ({@link #localise}) for ‖z − z*‖; the stall rethrown, naming the best direct
   * certificate, if none does. The solution's beta is empty for the coordinate-wise median (not a
   * combination of the rows) and iterations is −1 (certified directly). O(n²·d).
   */
  static Weiszfeld.Solution fallback(float[][] rows, double[] beta, double request, float[] out,
      IllegalStateException stall, double[] weights) {
    int n = rows.length;
    int d = out.length;
    double[] dist = new double[n];
    float[] iterate = new float[d];
    Combination.write(rows, beta, iterate);
    Bound atIterate = bound(rows, iterate, dist, weights);
    double[] zToIterate = dist.clone();
    float[] median = new float[d];
    VectorizationProvider.getInstance().coordinateKernels().median(rows, median);
    Bound atMedian = bound(rows, median, dist, weights);
    double[] zToMedian = dist.clone();
    double best = Math.min(atIterate.relativeGap(Double.POSITIVE_INFINITY),
        atMedian.relativeGap(Double.POSITIVE_INFINITY));
    if (atIterate.relativeGap(Double.POSITIVE_INFINITY) <= request) {
      System.arraycopy(iterate, 0, out, 0, d);
      return new Weiszfeld.Solution(beta, atIterate.objective(), atIterate.relativeGap(Double.POSITIVE_INFINITY), -1);
    }
    // Each data point: its own certificate (Vardi–Zhang or localised), and a ball holding z*.
    double[] gap = new double[1];
    double iterateRadius = Double.POSITIVE_INFINITY;
    double medianRadius = Double.POSITIVE_INFINITY;
    int bestPoint = -1;
    double bestPointGap = Double.POSITIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      double rho = localise(rows, j, gap, weights);
      if (gap[0] < bestPointGap) {
        bestPointGap = gap[0];
        bestPoint = j;
      }
      double slackRadius = 1 + (d + 8) * 0x1p-53;
      iterateRadius = Math.min(iterateRadius, (zToIterate[j] + rho) * slackRadius);
      medianRadius = Math.min(medianRadius, (zToMedian[j] + rho) * slackRadius);
    }
    double iterateGap = atIterate.relativeGap(iterateRadius);
    double medianGap = atMedian.relativeGap(medianRadius);
    if (Math.min(bestPointGap, Math.min(iterateGap, medianGap)) > request) {
      // The clustered certificate ({@link #localise(float[][], float[], double, double[])}) at each candidate.
      iterateGap = Math.min(iterateGap, clustered(rows, iterate, request, gap, weights));
      medianGap = Math.min(medianGap, clustered(rows, median, request, gap, weights));
      for (int j = 0; j < n && Math.min(iterateGap, medianGap) > request; j++) {
        if (clustered(rows, rows[j], request, gap, weights) < bestPointGap) {
          bestPointGap = gap[0];
          bestPoint = j;
        }
      }
    }
    best = Math.min(best, Math.min(bestPointGap, Math.min(iterateGap, medianGap)));
    if (iterateGap <= request) {
      System.arraycopy(iterate, 0, out, 0, d);
      return new Weiszfeld.Solution(beta, atIterate.objective(), iterateGap, -1);
    }
    if (medianGap <= request) {
      System.arraycopy(median, 0, out, 0, d);
      return new Weiszfeld.Solution(new double[0], atMedian.objective(), medianGap, -1);
    }
    if (bestPointGap <= request) {
      System.arraycopy(rows[bestPoint], 0, out, 0, d);
      double[] point = new double[n];
      point[bestPoint] = 1;
      double g = 0;
      for (int i = 0; i < n; i++) {
        g += weight(weights, i) * distance(rows[i], rows[bestPoint]);
      }
      return new Weiszfeld.Solution(point, g, bestPointGap, -1);
    }
    throw new IllegalStateException(stall.getMessage() + "; certified directly in coordinates, the iterate, the"
        + " coordinate-wise median and the data points reach at best " + best
        + (Double.isFinite(best) ? String.format(java.util.Locale.ROOT, " (request %.0e or more)", 10 * best) : ""),
        stall);
  }

  /** The clustered certificate's relative gap at p (also left in gap[0]). */
  private static double clustered(float[][] rows, float[] p, double request, double[] gap, double[] weights) {
    localise(rows, p, request, gap, weights);
    return gap[0];
  }
}
