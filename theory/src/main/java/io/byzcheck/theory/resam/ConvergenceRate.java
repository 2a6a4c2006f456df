package io.byzcheck.theory.resam;

import static io.byzcheck.theory.RateShape.exps;
import static io.byzcheck.theory.TheoryValidation.checkMinorityByzantine;

import io.byzcheck.theory.Citation;
import io.byzcheck.theory.RateShape.Term;
import io.byzcheck.theory.RateShape;
import io.byzcheck.theory.TheoryValidation;

/**
 * Farhadkhani et al. 2022, Corollary 1 and Table 2 (RES-C1): Algorithm 1 is (f, ε)-resilient with
 * ε ∈ O(√((σ²/T)(1/(n−f) + κ))), κ per rule. These are orders (hidden constants): statistical checks fit
 * their shape, they are not numeric bounds.
 */
public final class ConvergenceRate {
  public static final Citation CITATION = new Citation("RES-C1", "RES", "Corollary 1; Table 2");

  /** The rules of Table 2. */
  public enum Rule { MDA, CWTM, MEAMED, KRUM_STAR, GM, CWMED }

  private ConvergenceRate() {}

  /** Table 2's κ for the rule at (n, f, d), with Δ = min{2√(n−f), √d}; f &lt; n/2. */
  public static double kappa(Rule rule, int n, int f, int d) {
    checkMinorityByzantine(CITATION, n, f);
    double h = n - f;
    double delta = ResilienceCoefficient.delta(n, f, d);
    return switch (rule) {
      case MDA -> f * (double) f / h;
      case CWTM, MEAMED -> f * (double) f / h * delta * delta;
      case KRUM_STAR -> h * h / (n - 2.0 * f);
      case GM -> h * h * h / ((n - 2.0 * f) * n);
      case CWMED -> n * (double) n / h * delta * delta;
    };
  }

  /**
   * ε's shape as a sum of monomials, like the other R statements: σ/√(T(n−f)) + σ√κ/√T (variables sigma, T,
   * nMinusF, kappa). It is within a factor √2 of √((σ²/T)(1/(n−f) + κ)) (√a + √b ≤ √(2(a + b)) ≤ √2(√a + √b)),
   * so the same order; κ stays a variable because Table 2's κ is not a monomial in n, f, d (Δ is a minimum).
   */
  public static RateShape shape() {
    return RateShape.of(CITATION,
        Term.of("σ/√(T(n−f))", exps("sigma", 1, "T", -0.5, "nMinusF", -0.5)),
        Term.of("σ√κ/√T", exps("sigma", 1, "T", -0.5, "kappa", 0.5)));
  }

  /** The shape √((σ²/T)(1/(n−f) + κ)) of ε, up to its hidden constant. */
  public static double epsilonShape(double sigma, long t, int n, int f, double kappa) {
    TheoryValidation.checkAtLeast(CITATION, "T", t, 1);
    TheoryValidation.checkNonNegative(CITATION, "σ", sigma);
    TheoryValidation.checkNonNegative(CITATION, "κ", kappa);
    checkMinorityByzantine(CITATION, n, f);
    return Math.sqrt(sigma * sigma / t * (1.0 / (n - f) + kappa));
  }
}
