package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.internal.vectorization.CentredGram;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * The weighted geometric median argmin_z Σᵢ wᵢ‖z − xᵢ‖ over capped weights ({@link WeightCap}); unit weights give
 * {@link GeometricMedian} (Cao &amp; Lai 2020, eq. 13; RESAM C.6), integer weights the geometric median of the rows
 * repeated wᵢ times. f &lt; n/2. Workers of weight 0 take no part.
 *
 * <p>Computed in coefficient space on the double Gram (z = Σβᵢxᵢ), by Weiszfeld with weights and the Vardi–Zhang step,
 * until a proven relative objective gap is below the request. Certificate, as {@link Weiszfeld}'s with weights:
 * g(z) − g* ≤ ‖s‖·R for the minimal-norm subgradient s (‖r‖ = ‖Σ wᵢ(xᵢ − z)/‖xᵢ − z‖‖ away from the data, max{0, ‖r̃‖ − η}
 * at a point of weight η) and R = max over the weighted points of ‖z − xᵢ‖ (z and z* lie in their convex hull);
 * ‖r‖² = ρᵀGρ with ρ = a − (Σa)β, aᵢ = wᵢ/‖xᵢ − z‖ (coefficients summing to 0: the centring cancels). Every data point
 * is tested first with the same certificate (a median on a data point is where Weiszfeld is slowest). ‖r‖ enters
 * the certificate at the upper end of its rounding interval (the Gram's proven entry error), so rounding can delay a
 * certificate but not fake one; that floor sits near a relative gap of 10⁻⁸ on spread-out data ({@link Weiszfeld}
 * has a finer form): ask 10⁻⁷ or more. Beyond {@link #MAX_ITERATIONS} it fails loudly.
 */
public final class WeightedGeometricMedian extends WeightedRule {
  public static final int MAX_ITERATIONS = 100_000;
  private final double relativeGap;

  public WeightedGeometricMedian(double relativeGap, WeightCap cap) {
    super(cap, true);
    Checks.positive("WGM", "the relative objective gap", relativeGap);
    this.relativeGap = relativeGap;
  }

  @Override
  public String name() {
    return "WGM(" + cap.label() + ")";
  }

  @Override
  protected void aggregateCapped(WorkerVectors finite, double[] w, int f, float[] out) {
    float[][] rows = Rows.readOnly(finite);
    CentredGram g = VectorizationProvider.getInstance().gramKernel().centredGram(rows);
    Combination.write(rows, solve(g, w, relativeGap), out);
  }

  /** Coefficients of a z whose relative objective gap is proven ≤ relativeGap. */
  static double[] solve(CentredGram g, double[] w, double relativeGap) {
    int n = g.n();
    Certificate c = new Certificate(g, w);
    double[] point = new double[n];
    for (int k = 0; k < n; k++) {
      if (w[k] > 0) {
        java.util.Arrays.fill(point, 0);
        point[k] = 1;
        if (c.at(point) <= relativeGap) {
          return point;
        }
      }
    }
    double total = 0;
    for (double v : w) {
      total += v;
    }
    double[] beta = new double[n];
    for (int i = 0; i < n; i++) {
      beta[i] = w[i] / total;
    }
    for (int it = 0; ; it++) {
      double gap = c.at(beta);
      if (gap <= relativeGap) {
        return beta;
      }
      if (it >= MAX_ITERATIONS) {
        throw new IllegalStateException("weighted geometric median: certified relative gap " + gap + " after "
            + MAX_ITERATIONS + " Weiszfeld iterations, requested " + relativeGap + " (n = " + n
            + "); request a larger gap");
      }
      // Weiszfeld's map a/Σa, and at a data point of weight η the Vardi–Zhang mix with z.
      double keep = c.eta > 0 ? Math.min(1, c.eta / c.rNorm) : 0;
      for (int i = 0; i < n; i++) {
        beta[i] = (1 - keep) * c.a[i] / c.aSum + keep * beta[i];
      }
    }
  }

  /** The certificate's quantities at one z = Σβᵢxᵢ. */
  private static final class Certificate {
    final CentredGram g;
    final double[] w;
    final double[] a;
    final double[] rho;
    double aSum;
    double eta;
    double rNorm;

    Certificate(CentredGram g, double[] w) {
      this.g = g;
      this.w = w;
      a = new double[g.n()];
      rho = new double[g.n()];
    }

    /** The proven bound on (g(z) − g*)/g* (0 when every weighted point is z). */
    double at(double[] beta) {
      int n = g.n();
      double q = g.quadratic(beta);
      double[] gb = g.times(beta);
      double objective = 0;
      double radius = 0;
      aSum = 0;
      eta = 0;
      for (int i = 0; i < n; i++) {
        a[i] = 0;
        if (w[i] == 0) {
          continue;
        }
        double dist = Math.sqrt(g.squaredDistanceTo(q, gb, i));
        objective += w[i] * dist;
        radius = Math.max(radius, dist);
        if (dist == 0) {
          eta += w[i];
        } else {
          a[i] = w[i] / dist;
          aSum += a[i];
        }
      }
      if (aSum == 0) {
        return 0;
      }
      for (int i = 0; i < n; i++) {
        rho[i] = a[i] - aSum * beta[i];
      }
      // ρᵀGρ cancels when z is very near a data point (one huge aᵢ): bound its error by the Gram's entry error γ
      // (|δGᵢⱼ| ≤ γ√(GᵢᵢGⱼⱼ)) and the sum's own rounding, γ' = γ + n·2⁻⁵³, times (Σ|ρᵢ|√Gᵢᵢ)², and certify with the
      // upper end, so that a cancelled ‖r‖ can never pass for a small one.
      double spread = 0;
      for (int i = 0; i < n; i++) {
        spread += Math.abs(rho[i]) * Math.sqrt(g.row(i)[i]);
      }
      double quadratic = g.quadratic(rho);
      double error = (g.entryError() + n * 0x1p-53) * spread * spread;
      rNorm = Math.sqrt(Math.max(0, quadratic));
      double gap = Math.max(0, Math.sqrt(Math.max(0, quadratic) + error) - eta) * radius;
      return gap < objective ? gap / (objective - gap) : Double.POSITIVE_INFINITY;
    }
  }
}
