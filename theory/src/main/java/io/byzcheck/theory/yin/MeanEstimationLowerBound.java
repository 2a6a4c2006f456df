package io.byzcheck.theory.yin;

import static io.byzcheck.theory.RateShape.exps;

import io.byzcheck.theory.Admissibility;
import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.Discrepancy;
import io.byzcheck.theory.RateShape;
import io.byzcheck.theory.RateShape.Term;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Yin et al. 2018, Observation 1 (YIN-OBS1), distributed Gaussian mean estimation N(μ, σ²I) with each of m
 * machines Byzantine with probability α: any estimator errs by Ω(α/√n + √(d/(nm))) with constant
 * probability.
 *
 * <p>The construction of Appendix G: choose μ₁, μ₂ so that TV(P₁ⁿ, P₂ⁿ) = α/(1−α); with Q₁, Q₂ the scaled
 * positive parts of φ₂ − φ₁ and φ₁ − φ₂, (1−α)P₁ⁿ + αQ₁ = (1−α)P₂ⁿ + αQ₂, so a machine's data cannot tell μ₁
 * from μ₂. For Gaussians TV = 2Φ(√n‖μ₁−μ₂‖/(2σ)) − 1, hence the exact separation
 * ‖μ₁−μ₂‖ = 2σΦ⁻¹(1/(2(1−α)))/√n ({@link #separation}), which the paper lower-bounds by 2ασ/((1−α)√n) ≥ 2ασ/√n.
 */
public final class MeanEstimationLowerBound {
  public static final Citation CITATION = new Citation("YIN-OBS1", "YIN", "§6, Observation 1; proof in Appendix G");

  /** Appendix G constructs the α/√n part and takes √(d/(nm)) from minimax theory. */
  public static final Discrepancy PROOF_SCOPE = new Discrepancy("YIN-OBS1",
      "Observation 1: error Ω(α/√n + √(d/(nm))); Appendix G constructs the α/√n part and covers √(d/(nm)) by "
          + "'standard results from minimax theory (Wu, 2017)'",
      "both terms in shape(); the construction's numbers (separation, paperSeparation, totalVariation) for the "
          + "α/√n part only",
      "√(d/(nm)) is the classical minimax rate of estimating a d-dimensional Gaussian mean from nm samples "
          + "without Byzantine machines, which Appendix G cites (Wu, 2017) rather than constructs, so there is no "
          + "construction of ours to encode for it; the observation's sum follows as max ≥ half the sum");

  private static final NormalDistribution STANDARD =
      new NormalDistribution(new org.apache.commons.math3.random.Well19937c(1), 0, 1, 1e-12);

  private MeanEstimationLowerBound() {}

  /** 0 &lt; α &lt; 1/2 (TV = α/(1−α) must be below 1), σ &gt; 0, n ≥ 1. */
  public static Admissibility conditions(double alpha, double sigma, int n) {
    return Admissibility.of(CITATION)
        .require("α ∈ (0, 1/2)", alpha > 0 && alpha < 0.5, "α = " + alpha + " (TV = α/(1−α) must be < 1)")
        .require("σ > 0", sigma > 0 && Double.isFinite(sigma), "σ = " + sigma)
        .require("n ≥ 1", n >= 1, "n = " + n)
        .build();
  }

  /** The total variation α/(1−α) between P₁ⁿ and P₂ⁿ that the construction needs. */
  public static double totalVariation(double alpha) {
    conditions(alpha, 1, 1).orThrow();
    return alpha / (1 - alpha);
  }

  /** The exact indistinguishable separation 2σΦ⁻¹(1/(2(1−α)))/√n. */
  public static Bound separation(double alpha, double sigma, int n) {
    conditions(alpha, sigma, n).orThrow();
    double z = STANDARD.inverseCumulativeProbability(1 / (2 * (1 - alpha)));
    return Bound.of(2 * sigma * z / Math.sqrt(n), CITATION, "Gaussian N(μ, σ²I)", "Byzantine with probability α");
  }

  /** The paper's lower estimate (74)/(end of G): 2ασ/((1−α)√n). */
  public static Bound paperSeparation(double alpha, double sigma, int n) {
    conditions(alpha, sigma, n).orThrow();
    return Bound.of(2 * alpha * sigma / ((1 - alpha) * Math.sqrt(n)), CITATION, "Gaussian N(μ, σ²I)");
  }

  /** The lower bound's shape α/√n + √(d/(nm)) (variables alpha, n, m, d), constants hidden. */
  public static RateShape shape() {
    return RateShape.of(CITATION,
        Term.of("α/√n", exps("alpha", 1, "n", -0.5)),
        Term.of("√(d/(nm))", exps("d", 0.5, "n", -0.5, "m", -0.5)));
  }
}
