package io.byzcheck.theory.yin;

import io.byzcheck.theory.Admissibility;
import io.byzcheck.theory.Citation;

/**
 * Yin et al. 2018, condition (2) (YIN-EQ2), the hypothesis of Theorems 1–3 and 8 on the Byzantine fraction:
 * α + √(d·log(1 + nmL̂D)/(m(1−α))) + 0.4748·S/√n ≤ 1/2 − ε for some ε &gt; 0, where n is the sample size
 * per machine, m the number of machines, d the dimension, L̂ = √(Σ L_k²) (Assumption 1), D the diameter of
 * 𝒲 and S the skewness bound (Assumption 3). 0.4748 is the Berry–Esseen constant (Theorem 9, Shevtsova
 * 2014). When it holds, Theorem 8's event has probability ≥ 1 − 4d/(1 + nmL̂D)^d.
 */
public final class MedianCondition {
  public static final Citation CITATION = new Citation("YIN-EQ2", "YIN", "Theorem 1, condition (2)");
  /** Shevtsova's Berry–Esseen constant as used in (2) and Theorem 9. */
  public static final double BERRY_ESSEEN = 0.4748;

  private MedianCondition() {}

  /** The left-hand side α + √(d·log(1+nmL̂D)/(m(1−α))) + 0.4748·S/√n (parameters validated). */
  public static double leftHandSide(double alpha, int n, int m, int d, double lHatD, double skewness) {
    basic(alpha, 0.25, n, m, d, lHatD, skewness).orThrow();
    return raw(alpha, n, m, d, lHatD, skewness);
  }

  /** Every condition of (2), each named, the inequality itself last. */
  public static Admissibility conditions(double alpha, double epsilon, int n, int m, int d, double lHatD,
      double skewness) {
    Admissibility basic = basic(alpha, epsilon, n, m, d, lHatD, skewness);
    var b = Admissibility.of(CITATION);
    basic.conditions().forEach(c -> b.require(c.name(), c.holds(), c.message()));
    if (basic.admissible()) {
      double lhs = raw(alpha, n, m, d, lHatD, skewness);
      b.require("(2): α + √(d·log(1+nmL̂D)/(m(1−α))) + 0.4748·S/√n ≤ 1/2 − ε", lhs <= 0.5 - epsilon,
          "left-hand side " + lhs + ", 1/2 − ε = " + (0.5 - epsilon));
    }
    return b.build();
  }

  /** Theorem 8's failure probability 4d/(1 + nmL̂D)^d. */
  public static double failureProbability(int n, int m, int d, double lHatD) {
    basic(0, 0.25, n, m, d, lHatD, 0).orThrow();
    return 4.0 * d * Math.pow(1 + (double) n * m * lHatD, -d);
  }

  private static Admissibility basic(double alpha, double epsilon, int n, int m, int d, double lHatD,
      double skewness) {
    return Admissibility.of(CITATION)
        .require("n ≥ 1", n >= 1, "n = " + n)
        .require("m ≥ 1", m >= 1, "m = " + m)
        .require("d ≥ 1", d >= 1, "d = " + d)
        .require("α ∈ [0, 1/2)", alpha >= 0 && alpha < 0.5, "α = " + alpha)
        .require("ε > 0", epsilon > 0, "ε = " + epsilon)
        .require("L̂D > 0", lHatD > 0 && Double.isFinite(lHatD), "L̂D = " + lHatD)
        .require("S ≥ 0", skewness >= 0 && Double.isFinite(skewness), "S = " + skewness)
        .build();
  }

  private static double raw(double alpha, int n, int m, int d, double lHatD, double skewness) {
    return alpha + Math.sqrt(d * Math.log1p((double) n * m * lHatD) / (m * (1 - alpha)))
        + BERRY_ESSEEN * skewness / Math.sqrt(n);
  }
}
