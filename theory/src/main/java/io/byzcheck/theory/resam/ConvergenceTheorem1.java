package io.byzcheck.theory.resam;

import io.byzcheck.theory.Citation;
import io.byzcheck.theory.TheoryValidation;

/**
 * Farhadkhani et al. 2022, Theorem 1 (RES-T1): Algorithm 1 (worker momentum + an (f, λ)-resilient
 * averaging rule) with a₀ = 4(2(Q(θ₁) − Q*) + ‖∇Q(θ₁)‖²/(8L)), a₁ = 6912L, a₂ = 288L,
 * γ = √(a₀(n−f)/(a₁λ²(n−f)² + a₂))/(σ√T), β = √(1 − 24γL), and T ≥ a₀L/(12σ²λ²(n−f)) gives
 * E‖∇Q(θ̂)‖² ≤ 2√((a₁λ²(n−f) + a₂/(n−f))a₀σ²/T) + (a₂σ/(n−f))·√(a₀(n−f)/(a₁λ²(n−f) + a₂))/T^{3/2}.
 * The formulas are the paper's as printed, including the second term's a₁λ²(n−f) (see {@link #DISCREPANCY}).
 */
public record ConvergenceTheorem1(double a0, double a1, double a2, double gamma, double beta, double minimumT,
    double bound) {

  public static final Citation CITATION = new Citation("RES-T1", "RES", "Theorem 1 (§4), proof in Appendix B.5");
  public static final Citation LEMMA1 = new Citation("RES-L1", "RES", "Lemma 1, proof in Appendix B.1");

  /** The statement's T^{−3/2} term has λ²(n−f) where its proof has λ²(n−f)²: a typo, encoded as printed. */
  public static final io.byzcheck.theory.Discrepancy DISCREPANCY = new io.byzcheck.theory.Discrepancy("RES-T1",
      "γ = √(a₀(n−f)/(a₁λ²(n−f)² + a₂))/(σ√T), while the bound's second term has √(a₀(n−f)/(a₁λ²(n−f) + a₂))",
      "both exactly as printed (γ with (n−f)², the T^{−3/2} term with (n−f))",
      "the end of Appendix B.5 and both displays of B.6 print the T^{−3/2} term with a₁λ²(n−f)², the same "
          + "expression as γ (it comes from substituting γ into (a₂σ²/(n−f))·γ/T), so the statement's (n−f) is "
          + "the typo. For n − f ≥ 1 the printed (n−f) makes that term larger, so the encoded bound is implied "
          + "by the proof's and stays a valid, slightly looser, bound");

  /**
   * @param l smoothness L &gt; 0
   * @param sigma noise σ &gt; 0 (Assumption 2)
   * @param n workers, f Byzantine, f &lt; n/2
   * @param lambda the rule's resilience coefficient λ &gt; 0
   * @param t steps T
   * @param initialGap Q(θ₁) − Q* ≥ 0
   * @param initialGradientSquared ‖∇Q(θ₁)‖² ≥ 0
   * @throws IllegalArgumentException naming the violated condition, including T's lower bound
   */
  public static ConvergenceTheorem1 of(double l, double sigma, int n, int f, double lambda, long t, double initialGap,
      double initialGradientSquared) {
    io.byzcheck.theory.TheoryValidation.checkMinorityByzantine(CITATION, n, f);
    TheoryValidation.checkPositive(CITATION, "L", l);
    TheoryValidation.checkPositive(CITATION, "σ", sigma);
    TheoryValidation.checkPositive(CITATION, "λ", lambda);
    TheoryValidation.checkNonNegative(CITATION, "Q(θ₁) − Q*", initialGap);
    TheoryValidation.checkNonNegative(CITATION, "‖∇Q(θ₁)‖²", initialGradientSquared);
    int h = n - f;
    double a0 = 4 * (2 * initialGap + initialGradientSquared / (8 * l));
    double a1 = 6912 * l;
    double a2 = 288 * l;
    double minimumT = a0 * l / (12 * sigma * sigma * lambda * lambda * h);
    TheoryValidation.check(CITATION, t >= 1 && t >= minimumT, "T ≥ 1 and T ≥ a₀L/(12σ²λ²(n−f))",
        "T = " + t + ", a₀L/(12σ²λ²(n−f)) = " + minimumT);
    double gamma = Math.sqrt(a0 * h / (a1 * lambda * lambda * h * h + a2)) / (sigma * Math.sqrt(t));
    // T ≥ minimumT implies 24γL ≤ 1 (γ ≤ 1/(24L)), so β is real; guard against rounding only.
    double beta = Math.sqrt(Math.max(0, 1 - 24 * gamma * l));
    double bound = 2 * Math.sqrt((a1 * lambda * lambda * h + a2 / h) * a0 * sigma * sigma / t)
        + (a2 * sigma / h) * Math.sqrt(a0 * h / (a1 * lambda * lambda * h + a2)) / Math.pow(t, 1.5);
    return new ConvergenceTheorem1(a0, a1, a2, gamma, beta, minimumT, bound);
  }

  /**
   * Lemma 1 (RES-L1): E‖m_t⁽ⁱ⁾ − m̄_t‖² ≤ 2σ²(1−β)²β^{2(t−1)} + 2((1−β)/(1+β))(1 + 1/(n−f))σ².
   */
  public static double driftBound(double sigma, double beta, long t, int n, int f) {
    TheoryValidation.check(LEMMA1, beta >= 0 && beta < 1, "β ∈ [0, 1)", "β = " + beta);
    TheoryValidation.checkAtLeast(LEMMA1, "t", t, 1);
    TheoryValidation.checkByzantineCount(LEMMA1, n, f);
    TheoryValidation.checkNonNegative(LEMMA1, "σ", sigma);
    double s2 = sigma * sigma;
    return 2 * s2 * (1 - beta) * (1 - beta) * Math.pow(beta, 2.0 * (t - 1))
        + 2 * ((1 - beta) / (1 + beta)) * (1 + 1.0 / (n - f)) * s2;
  }
}
