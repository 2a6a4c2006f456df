package io.byzcheck.theory.yin;

import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.Discrepancy;

/**
 * Moments of the gradient of the quadratic loss f(w; x, y) = ½(y − xᵀw)² for y = xᵀw* + ξ, ξ ~ N(0, σ²),
 * in Yin et al. 2018 — the example that makes Assumptions 2, 3 and 6 concrete:
 * <ul>
 *   <li>Proposition 1 (YIN-P1), x uniform on {−1, 1}ᵈ: Var(∇f) = (d−1)‖w−w*‖² + dσ², every coordinate's
 *       absolute skewness ≤ 480;</li>
 *   <li>Proposition 3 of Appendix A.2 (YIN-A2), x ~ N(0, I_d): Var(∇f) = (d+1)‖w−w*‖² + dσ², absolute
 *       skewness ≤ 429;</li>
 *   <li>Proposition 2 (YIN-P2), Rademacher x: each ∂ₖf is √(σ² + ‖w−w*‖²)-sub-exponential.</li>
 * </ul>
 * These are E statements: properties (checks) estimate the moments by Monte Carlo and compare.
 */
public final class RegressionGradientMoments {
  public static final Citation P1 = new Citation("YIN-P1", "YIN", "Proposition 1; proof in Appendix A.1");
  public static final Citation A2 = new Citation("YIN-A2", "YIN", "Appendix A.2, Proposition 3");
  public static final Citation P2 = new Citation("YIN-P2", "YIN", "Proposition 2; proof in Appendix A.3");

  /** Proposition 1's constant; its proof ends at √480 (see {@link #SKEWNESS_DISCREPANCY}). */
  public static final double RADEMACHER_SKEWNESS = 480;
  /** Appendix A.2's constant, √(243·755) = 428.33 rounded up. */
  public static final double GAUSSIAN_SKEWNESS = 429;

  /** Appendix A.1 proves √480 ≈ 21.9, the statement says 480. */
  public static final Discrepancy SKEWNESS_DISCREPANCY = new Discrepancy("YIN-P1",
      "Proposition 1: ‖γ(∇f)‖_∞ ≤ 480; Appendix A.1 ends '√(32(W₁+15W₂+15W₃+15σ⁶)/(W₁+3W₂+W₃+σ⁶)) ≤ 480'",
      "480 as the stated bound (RADEMACHER_SKEWNESS), and the proof's sharper √(32·15) = √480 ≈ 21.91 "
          + "(rademacherSkewnessFromProof) for checks that want the tight constant",
      "the ratio under the root is at most 15 termwise (15W₂/3W₂ = 15W₃/W₃ = 15σ⁶/σ⁶ = 15), so the chain gives "
          + "√(32·15) = √480; 480 looks like a dropped square root. Both are true upper bounds; the Gaussian "
          + "case (A.2) does keep the root: √(243·6040/8) = 428.3 ≤ 429");

  private RegressionGradientMoments() {}

  /** Proposition 1: Var(∇f(w)) = (d−1)‖w−w*‖² + dσ² for Rademacher features. */
  public static Bound rademacherVariance(int d, double distance, double sigma) {
    check(d, distance, sigma, "Proposition 1");
    return Bound.of((d - 1) * distance * distance + d * sigma * sigma, P1, "x uniform on {−1,1}^d", "ξ ~ N(0, σ²)");
  }

  /** Proposition 1: the stated skewness bound 480. */
  public static Bound rademacherSkewness() {
    return Bound.of(RADEMACHER_SKEWNESS, P1, "x uniform on {−1,1}^d", "ξ ~ N(0, σ²)");
  }

  /**
   * The bound the proof of Proposition 1 actually reaches, √(32·15) = √480: Hölder (a+b)⁶ ≤ 2⁵(a⁶+b⁶) gives
   * 32, and the sixth-moment to cubed-variance ratio is at most 15 (E[ξ⁶] = 15σ⁶, multinomial 15).
   */
  public static double rademacherSkewnessFromProof() {
    return Math.sqrt(32 * 15);
  }

  /** Appendix A.2: Var(∇f(w)) = (d+1)‖w−w*‖² + dσ² for standard Gaussian features. */
  public static Bound gaussianVariance(int d, double distance, double sigma) {
    check(d, distance, sigma, "Appendix A.2");
    return Bound.of((d + 1) * distance * distance + d * sigma * sigma, A2, "x ~ N(0, I_d)", "ξ ~ N(0, σ²)");
  }

  /** Appendix A.2: the skewness bound 429. */
  public static Bound gaussianSkewness() {
    return Bound.of(GAUSSIAN_SKEWNESS, A2, "x ~ N(0, I_d)", "ξ ~ N(0, σ²)");
  }

  /**
   * The constant of A.2's last step, √(243·max{225, 675/3, 225, 6040/8, 225}) = √(243·755): Hölder with three
   * terms (3⁵ = 243), E[(Z²−1)⁶] = 6040 against the 8(w_k−w_k*)⁶ of the variance bound.
   */
  public static double gaussianSkewnessFromProof() {
    return Math.sqrt(243.0 * 6040 / 8);
  }

  /** Proposition 2: ∂ₖf(w; z) is v-sub-exponential with v = √(σ² + ‖w−w*‖²) (Assumption 6's v). */
  public static Bound subExponentialParameter(double distance, double sigma) {
    check(1, distance, sigma, "Proposition 2");
    return Bound.of(Math.sqrt(sigma * sigma + distance * distance), P2, "x uniform on {−1,1}^d", "ξ ~ N(0, σ²)");
  }

  private static void check(int d, double distance, double sigma, String where) {
    if (d < 1) {
      throw new IllegalArgumentException(where + " needs d ≥ 1, got d = " + d);
    }
    if (!(distance >= 0) || Double.isInfinite(distance)) {
      throw new IllegalArgumentException(where + " needs a finite ‖w − w*‖ ≥ 0, got " + distance);
    }
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException(where + " needs a finite noise level σ ≥ 0, got σ = " + sigma);
    }
  }
}
