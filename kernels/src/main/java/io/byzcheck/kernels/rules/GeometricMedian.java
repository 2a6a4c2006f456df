package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.FiniteWorkers;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.gram.CentredGram;

/**
 * Geometric median GM(x) ∈ argmin_z Σᵢ‖z − xᵢ‖ (Cao &amp; Lai 2020, eq. 13; RESAM Appendix C.6),
 * (f, λ)-resilient with λ = 1 + (n−f)/√((n−2f)n) for f &lt; n/2 (Prop. 7). Two named variants:
 * <ul>
 *   <li>{@link #certified(double)}: Weiszfeld/Vardi–Zhang in coefficient space until the proven relative
 *       objective gap is below the request ({@link Weiszfeld}); exact on data points (three collinear
 *       points give the middle one);</li>
 *   <li>{@link #smoothedWeiszfeld(double, int)}: the smoothed variant with parameter ν and a fixed
 *       number of steps, to reproduce libraries that use it; it carries no certificate.</li>
 * </ul>
 */
public final class GeometricMedian implements AggregationRule {
  /**
   * Iteration cap of the certified variant: beyond it the rule fails loudly instead of hanging. A request
   * below the certificate's rounding floor (about 10⁻⁹ relative on nearly collinear float data) fails
   * sooner, after 2000 steps without progress, with an error naming a gap that can be certified.
   */
  public static final int MAX_ITERATIONS = 100_000;

  private final double relativeGap;
  private final double nu;
  private final int steps;

  private GeometricMedian(double relativeGap, double nu, int steps) {
    this.relativeGap = relativeGap;
    this.nu = nu;
    this.steps = steps;
  }

  public static GeometricMedian certified(double relativeGap) {
    if (!(relativeGap > 0) || Double.isInfinite(relativeGap)) {
      throw new IllegalArgumentException("the relative objective gap must be positive and finite, got " + relativeGap);
    }
    return new GeometricMedian(relativeGap, 0, 0);
  }

  public static GeometricMedian smoothedWeiszfeld(double nu, int steps) {
    if (!(nu > 0) || steps < 1) {
      throw new IllegalArgumentException("the smoothed Weiszfeld variant needs ν > 0 and at least one step, got ν = "
          + nu + ", steps = " + steps);
    }
    return new GeometricMedian(0, nu, steps);
  }

  @Override
  public String name() {
    return nu > 0 ? "GM(smoothed ν=" + nu + ", " + steps + " steps)" : "GM";
  }

  @Override
  public void aggregate(WorkerVectors x, int f, float[] out) {
    run(x, f, out);
  }

  /**
   * Aggregates and returns the solution with its certificate (relativeGapBound). When the certificate on
   * the Gram matrix stalls, the answer may be certified directly in coordinates instead
   * ({@code DirectCertificate}): iterations is then −1, and beta empty if the answer is the coordinate-wise median.
   */
  public Weiszfeld.Solution solve(WorkerVectors x, int f, float[] out) {
    Weiszfeld.Solution s = run(x, f, out);
    return new Weiszfeld.Solution(s.beta().clone(), s.objective(), s.relativeGapBound(), s.iterations());
  }

  /**
   * The certified iteration again on the Gram centred at the data point nearest the stalled iterate (the
   * median-centred one keeps distances among points that are close together compared with their distance
   * to the median only to an absolute 2⁻⁵³·that distance², e.g. rows of norms 10⁻⁴ … 10¹⁸); null if it
   * stalls too (w.beta then holds its last iterate).
   */
  private Weiszfeld.Solution recentred(CentredGram g, float[][] rows, Workspace w, float[] out) {
    double[] beta = w.beta;
    double q = g.quadratic(beta);
    double[] gb = g.times(beta);
    int nearest = 0;
    for (int i = 1; i < beta.length; i++) {
      if (g.squaredDistanceTo(q, gb, i) < g.squaredDistanceTo(q, gb, nearest)) {
        nearest = i;
      }
    }
    try {
      Weiszfeld.Solution sol = Weiszfeld.certified(CentredGram.reusingCentredAt(rows, nearest), relativeGap,
          MAX_ITERATIONS, w);
      Combination.write(rows, sol.beta(), out);
      return sol;
    } catch (IllegalStateException again) {
      return null;
    }
  }

  /** The rule in the thread's workspace; the solution's beta is a workspace array. */
  private Weiszfeld.Solution run(WorkerVectors x, int f, float[] out) {
    Constraints.requireMinorityByzantine(name(), x.n(), f);
    Workspace w = Workspace.screenedGram(x, f, out);
    float[][] rows = w.rows;
    try {
      CentredGram g = w.gram;
      Weiszfeld.Solution sol;
      try {
        sol = nu > 0 ? Weiszfeld.smoothed(g, nu, steps) : Weiszfeld.certified(g, relativeGap, MAX_ITERATIONS, w);
      } catch (IllegalStateException stalled) {
        sol = recentred(g, rows, w, out);
        if (sol != null) {
          return sol;
        }
        // Still the rounding floor: certify candidates in coordinates (w.beta holds the last iterate) before
        // saying no answer can be certified.
        return DirectCertificate.fallback(rows, w.beta, relativeGap, out, stalled);
      }
      Combination.write(rows, sol.beta(), out);
      return sol;
    } finally {
      w.release();
    }
  }
}
