package io.byzcheck.theory.yin;

import static io.byzcheck.theory.RateShape.exps;

import io.byzcheck.theory.Admissibility;
import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.RateShape;
import io.byzcheck.theory.RateShape.LogFactor;
import io.byzcheck.theory.RateShape.Term;
import io.byzcheck.theory.TheoryValidation;
import java.util.List;

/**
 * Yin et al. 2018, Theorem 7 (YIN-T7): the robust one-round algorithm (Algorithm 2: coordinate-wise median
 * of the local ERMs) for convex quadratic losses with λ_F-strongly convex F. If
 * α + √(log(nmd)/(2m(1−α))) + C̃/√n ≤ 1/2 − ε, then with probability ≥ 1 − 4/(nm)
 * ‖ŵ − w*‖ ≤ (C_ε/√n)·σ̃·(α + √(log(nmd)/(2m(1−α))) + C̃/√n), with
 * σ̃² = E‖H_F⁻¹((H − H_F)H_F⁻¹p_F − (p − p_F))‖² and C̃ = max_k C_k from Appendix F ({@link #cK}).
 */
public final class RobustOneRound {
  public static final Citation CITATION = new Citation("YIN-T7", "YIN", "Theorem 7; C̃ explicit in Appendix F");

  private RobustOneRound() {}

  /** The condition of Theorem 7, each part named. */
  public static Admissibility conditions(double alpha, double epsilon, int n, int m, int d, double cTilde) {
    var b = Admissibility.of(CITATION)
        .require("n ≥ 1", n >= 1, "n = " + n)
        .require("m ≥ 1", m >= 1, "m = " + m)
        .require("d ≥ 1", d >= 1, "d = " + d)
        .require("nmd > 1 (log(nmd) > 0)", (double) n * m * d > 1, "nmd = " + (double) n * m * d)
        .require("α ∈ [0, 1/2)", alpha >= 0 && alpha < 0.5, "α = " + alpha)
        .require("ε > 0", epsilon > 0, "ε = " + epsilon)
        .require("C̃ ≥ 0", cTilde >= 0 && Double.isFinite(cTilde), "C̃ = " + cTilde);
    Admissibility basic = b.build();
    if (basic.admissible()) {
      double s = bracket(alpha, n, m, d, cTilde);
      b.require("α + √(log(nmd)/(2m(1−α))) + C̃/√n ≤ 1/2 − ε", s <= 0.5 - epsilon,
          "left-hand side " + s + ", 1/2 − ε = " + (0.5 - epsilon));
    }
    return b.build();
  }

  /** Theorem 7's bound (C_ε/√n)·σ̃·(α + √(log(nmd)/(2m(1−α))) + C̃/√n). */
  public static Bound bound(double alpha, double epsilon, int n, int m, int d, double cTilde, double sigmaTilde) {
    conditions(alpha, epsilon, n, m, d, cTilde).orThrow();
    if (!(sigmaTilde >= 0) || Double.isInfinite(sigmaTilde)) {
      throw TheoryValidation.violation(CITATION, "a finite σ̃ ≥ 0", "σ̃ = " + sigmaTilde);
    }
    double cEps = RobustnessConstant.cEpsilon(epsilon).value();
    return Bound.of(cEps / Math.sqrt(n) * sigmaTilde * bracket(alpha, n, m, d, cTilde), CITATION,
        "quadratic convex losses", "Assumption 7", "probability ≥ 1 − 4/(nm)");
  }

  /** 4/(nm): 4d·e^{−2t} at t = ½·log(nmd) (end of Appendix F). */
  public static double failureProbability(int n, int m) {
    if (n < 1 || m < 1) {
      throw TheoryValidation.violation(CITATION, "n ≥ 1 and m ≥ 1", "n = " + n + ", m = " + m);
    }
    return 4.0 / ((double) n * m);
  }

  /**
   * Appendix F's C_k = Ĉ₀ + Ĉ₁ς_k³ + (1/σ̃_k)[(Ĉ₂₀ + Ĉ₂₁ς_k)ν₂² + (Ĉ₃₀ + Ĉ₃₁ς_k)ν₃²] + Ĉ₄ with Ĉ₀ = 0.1393,
   * Ĉ₁ = 2.3356, (Ĉ₂₀, Ĉ₂₁, Ĉ₃₀, Ĉ₃₁) = ((λ_F + 2‖p_F‖)/λ_F³)·(2(2/π)^{1/6}, 2 + 2^{2/3}/n^{1/6},
   * (8/π)^{1/6}/n^{1/3}, 2/n^{1/2}) and Ĉ₄ = min{4ν₂²/(λ_F²√n), (16ν₂³ + 8ν₃³/√n)/(λ_F³n)}. C̃ = max_k C_k.
   */
  public static double cK(double varsigmaK, double sigmaTildeK, double nu2, double nu3, double lambdaF,
      double pFNorm, int n) {
    Admissibility.of(CITATION)
        .require("n ≥ 1", n >= 1, "n = " + n)
        .require("σ̃_k > 0", sigmaTildeK > 0 && Double.isFinite(sigmaTildeK), "σ̃_k = " + sigmaTildeK)
        .require("ς_k ≥ 0", varsigmaK >= 0 && Double.isFinite(varsigmaK), "ς_k = " + varsigmaK)
        .require("ν₂, ν₃ ≥ 0", nu2 >= 0 && nu3 >= 0 && Double.isFinite(nu2 + nu3), "ν₂ = " + nu2 + ", ν₃ = " + nu3)
        .require("λ_F > 0", lambdaF > 0 && Double.isFinite(lambdaF), "λ_F = " + lambdaF)
        .require("‖p_F‖ ≥ 0", pFNorm >= 0 && Double.isFinite(pFNorm), "‖p_F‖ = " + pFNorm)
        .orThrow();
    double k = (lambdaF + 2 * pFNorm) / (lambdaF * lambdaF * lambdaF);
    double c20 = k * 2 * Math.pow(2 / Math.PI, 1.0 / 6);
    double c21 = k * (2 + Math.pow(2, 2.0 / 3) / Math.pow(n, 1.0 / 6));
    double c30 = k * Math.pow(8 / Math.PI, 1.0 / 6) / Math.pow(n, 1.0 / 3);
    double c31 = k * 2 / Math.sqrt(n);
    double c4 = Math.min(4 * nu2 * nu2 / (lambdaF * lambdaF * Math.sqrt(n)),
        (16 * nu2 * nu2 * nu2 + 8 * nu3 * nu3 * nu3 / Math.sqrt(n)) / (lambdaF * lambdaF * lambdaF * n));
    return 0.1393 + 2.3356 * varsigmaK * varsigmaK * varsigmaK
        + ((c20 + c21 * varsigmaK) * nu2 * nu2 + (c30 + c31 * varsigmaK) * nu3 * nu3) / sigmaTildeK + c4;
  }

  /** The bound's shape without C_εσ̃: α/√n + √(log(nmd)/m)/√n + 1/n (C̃ treated as a constant). */
  public static RateShape shape() {
    return RateShape.of(CITATION,
        Term.of("α/√n", exps("alpha", 1, "n", -0.5)),
        new Term("√(log(nmd)/(nm))", exps("n", -0.5, "m", -0.5), new LogFactor(List.of("n", "m", "d"), 0.5)),
        Term.of("C̃/n", exps("n", -1)));
  }

  private static double bracket(double alpha, int n, int m, int d, double cTilde) {
    return alpha + Math.sqrt(Math.log((double) n * m * d) / (2 * m * (1 - alpha))) + cTilde / Math.sqrt(n);
  }
}
