package io.byzcheck.theory.alistarh;

import io.byzcheck.theory.Admissibility;
import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.Discrepancy;
import io.byzcheck.theory.TheoryValidation;

/**
 * Alistarh et al. 2018, the "good" event of Algorithm 1 (ALI-GOOD): with probability ≥ 1 − δ,
 * good_k ⊇ good for every k, i.e. no honest machine is ever removed (line 10's comment; used by Lemma 3.1).
 *
 * <p>What is computable: the filter of line 10 as named conditions ({@link #filter}), the vector-median
 * validity test of lines 8–9 ({@link #isValidMedian}), the failure probability δ, and the deterministic part
 * of the guarantee for the gradient filter: under Assumption 2.2 good gradients are pairwise within 2𝒱; if
 * good machines are more than half ((1−α)m &gt; m/2), every good one is a valid ∇_med, and any valid ∇_med
 * has more than m/2 points within 2𝒱, so at least one good one — hence every good gradient is within
 * 2𝒱 + 2𝒱 = 4𝒱 of ∇_med, exactly the filter radius ({@link #worstHonestDistanceToMedian}). The A and B tests
 * are the probabilistic part (martingale concentration with C = log(16mT/δ)), checked by Monte Carlo.
 */
public final class GoodSetGuarantee {
  public static final Citation CITATION = new Citation("ALI-GOOD", "ALI", "Algorithm 1, lines 8–10; §3, Lemma 3.1");

  private GoodSetGuarantee() {}

  /**
   * Lines 8 and 10 use the same radius 𝔗_B, where the gradient test doubles it (2𝒱 to choose ∇_med, 4𝒱 to
   * filter): found by the statistical check of ALI-GOOD (properties, ByzantineSgdChecks), VIOLATED at every point.
   */
  public static final Discrepancy B_MEDIAN_RADIUS = new Discrepancy("ALI-GOOD",
      "Algorithm 1: B_med ← any B_i with more than m/2 others within 𝔗_B (line 8); good_k keeps machines within 𝔗_B "
          + "of B_med (line 10)",
      "the algorithm as printed (kernels' ByzantineSgd), checked against the claim good_k ⊇ good w.p. ≥ 1 − δ",
      "a Byzantine B_i placed about 0.97·𝔗_B from the honest cluster has more than m/2 honest B_j within 𝔗_B, so it "
          + "is a valid B_med, and the honest machines on the far side are then more than 𝔗_B from it and removed; "
          + "the Monte Carlo check measured honest removals in 19–38 % of runs against δ = 0.05–0.1. The argument "
          + "that protects the gradient test (choose within 2𝒱, filter within 4𝒱 = 2𝒱 + 2𝒱) would need line 10 to "
          + "filter within 2𝔗_B, or B_med to be chosen as the best-supported B_i. Lemma 3.1 and Theorems 3.2/3.3 "
          + "still held at the checked points");

  /** The probability ≥ 1 − δ that good_k ⊇ good for all k ≤ T (δ ∈ (0, 1)). */
  public static Bound successProbability(double delta) {
    if (!(delta > 0 && delta < 1)) {
      throw TheoryValidation.violation(CITATION, "δ ∈ (0, 1)", "δ = " + delta);
    }
    return Bound.of(1 - delta, CITATION, "Assumption 2.2", "α < 1/2", "𝔗_A, 𝔗_B as in ByzantineSgdThresholds");
  }

  /**
   * Line 10 for machine i: |A_i − A_med| ≤ 𝔗_A, ‖B_i − B_med‖ ≤ 𝔗_B (B vectors, see ByzantineSgdThresholds),
   * ‖∇_{k,i} − ∇_med‖ ≤ 4𝒱. Admissible means i stays in good_k (if it was in good_{k−1}).
   */
  public static Admissibility filter(ByzantineSgdThresholds t, double aI, double aMed, double[] bI, double[] bMed,
      double[] gradI, double[] gradMed) {
    double da = Math.abs(aI - aMed);
    double db = NoiseModel.deviation(bI, bMed);
    double dg = NoiseModel.deviation(gradI, gradMed);
    return Admissibility.of(CITATION)
        .require("|A_i − A_med| ≤ 𝔗_A", da <= t.thresholdA(), "|A_i − A_med| = " + da + ", 𝔗_A = " + t.thresholdA())
        .require("‖B_i − B_med‖ ≤ 𝔗_B", db <= t.thresholdB(), "‖B_i − B_med‖ = " + db + ", 𝔗_B = " + t.thresholdB())
        .require("‖∇_{k,i} − ∇_med‖ ≤ 4𝒱", dg <= t.filterRadius(), "‖∇_{k,i} − ∇_med‖ = " + dg + ", 4𝒱 = " + t.filterRadius())
        .build();
  }

  /** Line 9: index i is a valid ∇_med when |{j : ‖∇_{k,j} − ∇_{k,i}‖ ≤ 2𝒱}| &gt; m/2 (j = i included). */
  public static boolean isValidMedian(double[][] gradients, int i, double noise) {
    if (i < 0 || i >= gradients.length) {
      throw TheoryValidation.violation(CITATION, "line 9's machine i ∈ [m]", "i = " + i + ", m = " + gradients.length);
    }
    int close = 0;
    for (double[] g : gradients) {
      if (NoiseModel.deviation(g, gradients[i]) <= 2 * noise) {
        close++;
      }
    }
    return 2 * close > gradients.length;
  }

  /**
   * The largest distance from a good gradient to a valid ∇_med that Assumption 2.2 and α &lt; 1/2 allow:
   * 2𝒱 (∇_med to some good one) + 2𝒱 (good to good) = 4𝒱, the filter radius of line 10.
   */
  public static double worstHonestDistanceToMedian(double noise, double alpha) {
    if (!(alpha >= 0 && alpha < 0.5)) {
      throw TheoryValidation.violation(CITATION, "α ∈ [0, 1/2) so that good machines are a majority", "α = " + alpha);
    }
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      TheoryValidation.checkNonNegative(NoiseModel.CITATION, "𝒱", noise);
    }
    return 4 * noise;
  }
}
