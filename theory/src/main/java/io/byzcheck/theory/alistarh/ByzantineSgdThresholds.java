package io.byzcheck.theory.alistarh;

import io.byzcheck.theory.Citation;
import io.byzcheck.theory.TheoryValidation;

/**
 * The constants of ByzantineSGD (Alistarh et al. 2018, Algorithm 1 and Theorems 3.2–3.3; ALI-ALG1):
 * C = log(16mT/δ), 𝔗_A = 4D𝒱√(TC), 𝔗_B = 4𝒱√(TC), the vector median accepts a point with more than m/2
 * others within 2𝒱, and the filter keeps gradients within 4𝒱 of it. B_i is the vector Σ_t ∇_{t,i} (§3
 * text), not the sum of norms that line 5 of Algorithm 1 prints: see {@link #B_I_DISCREPANCY}.
 *
 * @param c C = log(16mT/δ)
 * @param thresholdA 𝔗_A
 * @param thresholdB 𝔗_B
 * @param medianRadius 2𝒱
 * @param filterRadius 4𝒱
 */
public record ByzantineSgdThresholds(double c, double thresholdA, double thresholdB, double medianRadius,
    double filterRadius) {

  public static final Citation CITATION = new Citation("ALI-ALG1", "ALI", "Algorithm 1; Theorems 3.2–3.3");

  /** Where the paper contradicts itself about B_i, and what ByzCheck implements. */
  public static final io.byzcheck.theory.Discrepancy B_I_DISCREPANCY = new io.byzcheck.theory.Discrepancy("ALI-ALG1",
      "Algorithm 1, line 5: B_i ← Σ_{t=1}^k ‖∇_{t,i}‖ (a sum of norms, a scalar)",
      "B_i = Σ_{t=1}^k ∇_{t,i}, a vector, compared with ‖B_i − B_med‖ ≤ 𝔗_B",
      "§3 defines B_i as the vector sum and line 8 takes ‖B_j − B_i‖ of B's; 𝔗_B = 4𝒱√(TC) is the martingale "
          + "deviation of a sum of gradient vectors, which a sum of norms would not satisfy");

  /**
   * @param m machines (≥ 1)
   * @param t iterations T (≥ 1)
   * @param delta failure probability δ ∈ (0, 1)
   * @param diameter D &gt; 0
   * @param noise 𝒱 &gt; 0, the almost-sure bound ‖∇_{k,i} − ∇f(x_k)‖ ≤ 𝒱 of good machines (Assumption 2.2)
   */
  public static ByzantineSgdThresholds of(int m, long t, double delta, double diameter, double noise) {
    TheoryValidation.checkAtLeast(CITATION, "m", m, 1);
    TheoryValidation.checkAtLeast(CITATION, "T", t, 1);
    TheoryValidation.check(CITATION, delta > 0 && delta < 1, "δ ∈ (0, 1)", "δ = " + delta);
    TheoryValidation.checkPositive(CITATION, "D", diameter);
    TheoryValidation.checkPositive(CITATION, "𝒱", noise);
    double c = Math.log(16.0 * m * t / delta);
    double root = Math.sqrt(t * c);
    return new ByzantineSgdThresholds(c, 4 * diameter * noise * root, 4 * noise * root, 2 * noise, 4 * noise);
  }
}
