package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.internal.vectorization.CentredGram;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

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
public final class GeometricMedian extends GramRule {
  /**
   * Iteration cap of the certified variant: beyond it the rule fails loudly instead of hanging. A request
   * below the certificate's rounding floor (about 10⁻⁹ relative on nearly collinear float data) fails
   * sooner, once the certificate's rounding part alone exceeds the request for 20 steps or after 2000 steps
   * without progress, and only after the Gram recentred at the nearest row and the direct certificates in
   * coordinates ({@code DirectCertificate}) have failed too, with an error naming a gap that can be certified.
   */
  public static final int MAX_ITERATIONS = 100_000;

  private final double relativeGap;
  private final double nu;
  private final int steps;

  private GeometricMedian(double relativeGap, double nu, int steps) {
    super(false);
    this.relativeGap = relativeGap;
    this.nu = nu;
    this.steps = steps;
  }

  public static GeometricMedian certified(double relativeGap) {
    Checks.positive("GM (certified Weiszfeld)", "the relative objective gap", relativeGap);
    return new GeometricMedian(relativeGap, 0, 0);
  }

  public static GeometricMedian smoothedWeiszfeld(double nu, int steps) {
    Checks.positive("GM (smoothed Weiszfeld)", "ν", nu);
    Checks.atLeast("GM (smoothed Weiszfeld)", "steps", steps, 1);
    return new GeometricMedian(0, nu, steps);
  }

  @Override
  public String name() {
    return nu > 0 ? "GM(smoothed ν=" + nu + ", " + steps + " steps)" : "GM";
  }

  /**
   * Aggregates and returns the solution with its certificate (relativeGapBound). When the certificate on
   * the Gram matrix stalls, the answer may be certified directly in coordinates instead
   * ({@code DirectCertificate}): iterations is then −1, and beta empty if the answer is the coordinate-wise median.
   */
  public Weiszfeld.Solution solve(WorkerVectors x, int f, float[] out) {
    aggregate(x, f, out);
    // The run left its solution in the workspace of the screened n, the thread's current one.
    Weiszfeld.Solution s = Workspace.current().solution;
    return new Weiszfeld.Solution(s.beta().clone(), s.objective(), s.relativeGapBound(), s.iterations());
  }

  @Override
  protected void checkConstraints(int n, int f) {
    Checks.minorityByzantine(name(), n, f);
  }

  /** The rule in the thread's workspace; its solution (beta a workspace array) is left in w.solution. */
  @Override
  void run(Workspace w, int f, float[] out) {
    try {
      if (nu > 0) {
        Weiszfeld.Solution sol = Weiszfeld.smoothed(w.gram, nu, steps);
        Combination.write(w.rows, sol.beta(), out);
        w.solution = sol;
      } else {
        w.solution = certified(w, relativeGap, null, out);
      }
    } finally {
      w.release();
    }
  }

  /**
   * The certified (weighted) median of w.rows on w.gram, written to out: {@link Weiszfeld#certified}, and when
   * it stalls the direct certificates and the recentred Gram. Shared with {@link WeightedGeometricMedian}
   * (weights wᵢ ∈ (0, 1], null for the unweighted median), so that both certify where either does.
   */
  static Weiszfeld.Solution certified(Workspace w, double relativeGap, double[] weights, float[] out) {
    CentredGram g = w.gram;
    float[][] rows = w.rows;
    Weiszfeld.Solution sol;
    try {
      sol = Weiszfeld.certified(g, relativeGap, MAX_ITERATIONS, w, false, weights);
      Combination.write(rows, sol.beta(), out);
    } catch (IllegalStateException stalled) {
      // The stalled iterate certified in coordinates first (O(n·d), where another Gram costs O(n²·d)):
      // e.g. a median on a data point whose residual is exactly 1 (collinear rows, even n) stalls any Gram,
      // whose ‖r‖ keeps only half the digits of its square.
      sol = DirectCertificate.iterate(rows, w.beta, relativeGap, out, weights);
      if (sol == null) {
        sol = recentred(g, rows, w, relativeGap, weights, out);
      }
      if (sol == null) {
        // Still the rounding floor: certify candidates in coordinates (w.beta holds the last iterate)
        // before saying no answer can be certified.
        sol = DirectCertificate.fallback(rows, w.beta, relativeGap, out, stalled, weights);
      }
    }
    return sol;
  }

  /**
   * The certified iteration again on the Gram centred at the data point nearest the stalled iterate (the
   * median-centred one keeps distances among points that are close together compared with their distance
   * to the median only to an absolute 2⁻⁵³·that distance², e.g. rows of norms 10⁻⁴ … 10¹⁸), continued from
   * that iterate (restarting from the best data point converged a second time to the same point); null if it
   * stalls too (w.beta then holds its last iterate). Reuses the thread's Gram storage: g is not read after.
   */
  private static Weiszfeld.Solution recentred(CentredGram g, float[][] rows, Workspace w, double relativeGap,
      double[] weights, float[] out) {
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
      CentredGram at = VectorizationProvider.getInstance().gramKernel().reusedCentredGramAt(rows, nearest);
      Weiszfeld.Solution sol = Weiszfeld.certified(at, relativeGap, MAX_ITERATIONS, w, true, weights);
      Combination.write(rows, sol.beta(), out);
      return sol;
    } catch (IllegalStateException again) {
      return null;
    }
  }
}
