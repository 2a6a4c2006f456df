package io.byzcheck.theory.alistarh;

import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.Discrepancy;
import io.byzcheck.theory.TheoryValidation;

/**
 * Explicit high-probability bounds of ByzantineSGD (Alistarh et al. 2018), each holding with probability
 * at least 1 − δ, C = log(16mT/δ), thresholds as in {@link ByzantineSgdThresholds}:
 * <ul>
 *   <li>Lemma 3.1 (ALI-L31): |Error₁| ≤ 4D𝒱√(TmC) + 16αmD𝒱√(TC) and Error₂ ≤ 32α²𝒱² + 4𝒱²C/m;</li>
 *   <li>Theorem 3.2 (ALI-T32), L-smooth, η ≤ 1/(2L): f(x̄) − f(x*) ≤ D²/(ηT) + (8D𝒱√(TmC) + 32αmD𝒱√(TC))/(Tm)
 *       + η(8𝒱²C/m + 32α²𝒱²);</li>
 *   <li>Theorem 3.3 (ALI-T33), G-Lipschitz: the same plus 2ηG² (see {@link #T33_DISCREPANCY}).</li>
 * </ul>
 * α is the Byzantine fraction, α &lt; 1/2.
 */
public final class ByzantineSgdBounds {
  public static final Citation L31 = new Citation("ALI-L31", "ALI", "Lemma 3.1");
  public static final Citation T32 = new Citation("ALI-T32", "ALI", "Theorem 3.2");
  public static final Citation T33 = new Citation("ALI-T33", "ALI", "Theorem 3.3");

  private ByzantineSgdBounds() {}

  /** Theorem 3.3 prints 2ηG²/T; the intended term is 2ηG² (encoded). */
  public static final Discrepancy T33_DISCREPANCY = new Discrepancy("ALI-T33",
      "Theorem 3.3: f(x̄) − f(x*) ≤ D²/(ηT) + 2ηG²/T + …",
      "D²/(ηT) + 2ηG² + … (the standard SGD term for a G-Lipschitz objective)",
      "with 2ηG²/T, optimising η would give O(GD/T), faster than the Ω(GD/√T) lower bound for non-smooth convex "
          + "first-order methods and than the paper's own O(GD/√T) corollary; 2ηG² gives exactly that corollary");

  /** Theorem 3.2's proof doubles Lemma 3.1's Error₂ ≤ 32α²𝒱² + …, which gives 64α²𝒱², not the printed 32. */
  public static final Discrepancy T32_CONSTANT = new Discrepancy("ALI-T32",
      "Theorem 3.2: '… + η·(8𝒱²C/m + 32α²𝒱²)'",
      "the statement as printed, η·(8𝒱²C/m + 32α²𝒱²)",
      "the proof ends with f(x̄) − f(x*) ≤ 2·(D²/(2ηT) − Error₁/(Tm) + η·Error₂) (3.5) and plugs in Lemma 3.1's "
          + "Error₂ ≤ 32α²𝒱² + 4𝒱²C/m, which gives η·(8𝒱²C/m + 64α²𝒱²): the 8𝒱²C/m and the Error₁ terms are "
          + "doubled, the α² term is not. The printed statement is the tighter one, so a check against it tests "
          + "the statement; a value between the two would refute the statement but not the proof");

  /** Theorem 3.3 prints the same α² term; its proof (supplementary material) is said to follow 3.2's. */
  public static final Discrepancy T33_CONSTANT = new Discrepancy("ALI-T33",
      "Theorem 3.3: '… + η·(8𝒱²C/m + 32α²𝒱²)'",
      "the statement as printed, η·(8𝒱²C/m + 32α²𝒱²) (plus 2ηG², see the other ALI-T33 entry)",
      "the proof is in the supplementary material (not in our copy) and 'similar to the previous one': the same "
          + "doubling of Error₂ ≤ 32α²𝒱² + 4𝒱²C/m gives 64α²𝒱², as for Theorem 3.2");

  /** |Error₁| bound of Lemma 3.1. */
  public static Bound error1(int m, long t, double delta, double alpha, double diameter, double noise) {
    double c = check(m, t, delta, alpha, diameter, noise).c();
    return Bound.of(4 * diameter * noise * Math.sqrt(t * m * c) + 16 * alpha * m * diameter * noise * Math.sqrt(t * c),
        L31, "probability ≥ 1 − δ");
  }

  /** Error₂ bound of Lemma 3.1. */
  public static Bound error2(int m, long t, double delta, double alpha, double diameter, double noise) {
    double c = check(m, t, delta, alpha, diameter, noise).c();
    return Bound.of(32 * alpha * alpha * noise * noise + 4 * noise * noise * c / m,
        L31, "probability ≥ 1 − δ");
  }

  /** Theorem 3.2 (L-smooth); needs η ≤ 1/(2L). */
  public static Bound smooth(int m, long t, double delta, double alpha, double diameter, double noise, double eta,
      double smoothness) {
    TheoryValidation.checkPositive(T32, "L", smoothness);
    TheoryValidation.check(T32, eta > 0 && eta <= 1 / (2 * smoothness), "0 < η ≤ 1/(2L)",
        "η = " + eta + ", 1/(2L) = " + 1 / (2 * smoothness));
    return Bound.of(common(m, t, delta, alpha, diameter, noise, eta),
        T32, "L-smooth", "η ≤ 1/(2L)", "probability ≥ 1 − δ");
  }

  /** Theorem 3.3 (G-Lipschitz), with the 2ηG² term. */
  public static Bound lipschitz(int m, long t, double delta, double alpha, double diameter, double noise, double eta,
      double lipschitz) {
    TheoryValidation.checkPositive(T33, "η", eta);
    TheoryValidation.checkNonNegative(T33, "G", lipschitz);
    return Bound.of(common(m, t, delta, alpha, diameter, noise, eta) + 2 * eta * lipschitz * lipschitz,
        T33, "G-Lipschitz", "probability ≥ 1 − δ");
  }

  private static double common(int m, long t, double delta, double alpha, double diameter, double noise,
      double eta) {
    double c = check(m, t, delta, alpha, diameter, noise).c();
    return diameter * diameter / (eta * t)
        + (8 * diameter * noise * Math.sqrt(t * m * c) + 32 * alpha * m * diameter * noise * Math.sqrt(t * c)) / (t * m)
        + eta * (8 * noise * noise * c / m + 32 * alpha * alpha * noise * noise);
  }

  private static ByzantineSgdThresholds check(int m, long t, double delta, double alpha, double diameter,
      double noise) {
    TheoryValidation.check(ByzantineSgdThresholds.CITATION, alpha >= 0 && alpha < 0.5,
        "a Byzantine fraction α ∈ [0, 1/2)", "α = " + alpha);
    return ByzantineSgdThresholds.of(m, t, delta, diameter, noise);
  }
}
