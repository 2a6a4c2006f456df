package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.gram.CentredGram;

/**
 * Weiszfeld's iteration for the geometric median, run in coefficient space: z = Σβᵢxᵢ with β ≥ 0,
 * Σβ = 1, so each step costs O(n²) on the Gram matrix and the d coordinates are touched once at the
 * end. Iterates landing on data points use the Vardi–Zhang (2000) modification, which also decides
 * exactly when a data point is the median.
 *
 * <p>Certificate. g(z) = Σ‖z − xᵢ‖ is convex; with ∂g(z) its subdifferential and z* a minimiser,
 * g(z) − g* ≤ ‖s‖·‖z − z*‖ for every s ∈ ∂g(z). The minimal-norm subgradient has norm ‖r‖ away from
 * the data and max(0, ‖r̃‖ − w) at a data point of multiplicity w (r̃ summing the unit vectors to the
 * other points). Both z and z* lie in the convex hull of the xᵢ, so ‖z − z*‖ ≤ maxᵢ‖z − xᵢ‖ =: R. Hence
 * gap := ‖s‖·R bounds g(z) − g*, and g* ≥ g(z) − gap gives the relative gap (g(z) − g*)/g* ≤
 * gap/(g(z) − gap). The iteration stops as soon as that proven bound is below the requested one.
 */
public final class Weiszfeld {
  private Weiszfeld() {}

  /** The coefficients of the solution, g(z), and the proven bound on the relative objective gap. */
  public record Solution(double[] beta, double objective, double relativeGapBound, int iterations) {}

  /**
   * @param relativeGap the certified relative gap to reach (&gt; 0)
   * @param maxIterations a clear failure instead of a hang
   */
  public static Solution certified(CentredGram g, double relativeGap, int maxIterations) {
    int n = g.n();
    double[] beta = bestDataPoint(g);
    for (int it = 0; ; it++) {
      Step s = step(g, beta, 0);
      if (s.relativeGap <= relativeGap) {
        return new Solution(beta, s.objective, s.relativeGap, it);
      }
      if (it >= maxIterations) {
        throw new IllegalStateException("geometric median: certified relative gap " + s.relativeGap
            + " after " + maxIterations + " Weiszfeld iterations, requested " + relativeGap
            + " (n = " + n + "); raise maxIterations or the requested gap");
      }
      beta = s.next;
    }
  }

  /** The smoothed Weiszfeld variant (weights 1/max(ν, ‖z − xᵢ‖)) for a fixed number of steps, from the mean. */
  public static Solution smoothed(CentredGram g, double nu, int iterations) {
    int n = g.n();
    double[] beta = new double[n];
    java.util.Arrays.fill(beta, 1.0 / n);
    Step s = step(g, beta, nu);
    for (int it = 0; it < iterations; it++) {
      beta = s.next;
      s = step(g, beta, nu);
    }
    return new Solution(beta, s.objective, s.relativeGap, iterations);
  }

  private record Step(double objective, double relativeGap, double[] next) {}

  private static Step step(CentredGram g, double[] beta, double nu) {
    int n = g.n();
    double q = g.quadratic(beta);
    double[] gb = g.times(beta);
    double[] dist = new double[n];
    double objective = 0;
    double radius = 0;
    for (int i = 0; i < n; i++) {
      dist[i] = Math.sqrt(g.squaredDistanceTo(q, gb, i));
      objective += dist[i];
      radius = Math.max(radius, dist[i]);
    }
    if (radius == 0) {
      return new Step(0, 0, beta); // all points coincide with z
    }
    // a: Weiszfeld weights over the points z is not on (or all points, smoothed).
    double[] a = new double[n];
    double sumA = 0;
    int onPoint = 0;
    for (int i = 0; i < n; i++) {
      if (nu > 0) {
        a[i] = 1 / Math.max(nu, dist[i]);
      } else if (dist[i] == 0) {
        onPoint++;
        continue;
      } else {
        a[i] = 1 / dist[i];
      }
      sumA += a[i];
    }
    // r̃ = Σ aᵢ(xᵢ − z): coefficients a − (Σa)β, which sum to 0.
    double[] rho = new double[n];
    for (int i = 0; i < n; i++) {
      rho[i] = a[i] - sumA * beta[i];
    }
    double rNorm = Math.sqrt(Math.max(0, g.quadratic(rho)));
    double subgradient = Math.max(0, rNorm - onPoint);
    double gap = subgradient * radius;
    double relativeGap = gap == 0 ? 0 : objective > gap ? gap / (objective - gap) : Double.POSITIVE_INFINITY;
    double[] next = new double[n];
    if (sumA == 0 || subgradient == 0 && nu == 0) {
      System.arraycopy(beta, 0, next, 0, n);
      return new Step(objective, relativeGap, next);
    }
    // Vardi–Zhang: at a data point of multiplicity w move by (1 − w/‖r̃‖) towards the Weiszfeld map.
    double keep = onPoint > 0 && nu == 0 ? Math.min(1, onPoint / rNorm) : 0;
    for (int i = 0; i < n; i++) {
      next[i] = (1 - keep) * a[i] / sumA + keep * beta[i];
    }
    return new Step(objective, relativeGap, next);
  }

  /** The data point with the smallest Σ‖xⱼ − xᵢ‖: a good start, and exactly optimal when Vardi–Zhang says so. */
  private static double[] bestDataPoint(CentredGram g) {
    int n = g.n();
    int best = 0;
    double bestSum = Double.POSITIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += Math.sqrt(g.squaredDistance(i, j));
      }
      if (s < bestSum) {
        bestSum = s;
        best = j;
      }
    }
    double[] beta = new double[n];
    beta[best] = 1;
    return beta;
  }
}
