package io.byzcheck.theory.yin;

import static io.byzcheck.theory.RateShape.exps;

import io.byzcheck.theory.Admissibility;
import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.Discrepancy;
import io.byzcheck.theory.RateShape;
import io.byzcheck.theory.RateShape.LogFactor;
import io.byzcheck.theory.RateShape.Term;
import io.byzcheck.theory.TheoryValidation;
import java.util.List;

/**
 * Trimmed-mean robust gradient descent (Algorithm 1, Option II) of Yin et al. 2018, Theorems 4–6 (YIN-T4,
 * YIN-T5, YIN-T6): the analogues of Theorems 1–3 with Δ replaced by Δ′ (Remark 1), under Assumption 6
 * (v-sub-exponential partial derivatives) and α ≤ β ≤ 1/2 − ε.
 *
 * <p>(5) states Δ′ = O((vd/ε)(β/√n + 1/√(nm))·√log(nmL̂D)); Theorem 11 gives its leading part explicitly,
 * Δ′ = (v/ε)(3√2βd/√n + 2d/√(nm))·√(log(1+nmL̂D) + (1/d)·log m) + Õ(β/n + 1/(nm)). {@link #deltaPrime}
 * computes that leading part (the Õ remainder is not given in closed form, so a numeric check should allow
 * for it or stay where it is small).
 */
public final class TrimmedMeanGradientDescent {
  public static final Citation T4 = new Citation("YIN-T4", "YIN", "Theorem 4, (5); Δ′ from Theorem 11 (Appendix E)");
  public static final Citation T5 = new Citation("YIN-T5", "YIN", "Theorem 5; Remark 1 (Appendix E)");
  public static final Citation T6 = new Citation("YIN-T6", "YIN", "Theorem 6; Remark 1 (Appendix E)");

  /** Theorems 4–6 print Theorem 1's probability; Theorem 11, their basis, gives a weaker one. */
  public static final Discrepancy PROBABILITY_DISCREPANCY = new Discrepancy("YIN-T4",
      "Theorems 4–6: 'with probability at least 1 − 4d/(1+nmL̂D)^d'",
      "1 − 2d(m+1)/(1+nmL̂D)^d, Theorem 11's probability (failureProbability); statedFailureProbability keeps "
          + "the printed one",
      "the proofs of Theorems 4–6 condition on Theorem 11's event, which the paper bounds only by "
          + "2d(m+1)/(1+nmL̂D)^d (a union bound over the m machines' maxima); that exceeds 4d/(1+nmL̂D)^d "
          + "whenever m > 1, so the printed probability is not what the proof gives");

  private TrimmedMeanGradientDescent() {}

  /** α ≤ β ≤ 1/2 − ε with ε &gt; 0 (and α ≥ 0), the hypothesis of Theorems 4–6 and 11. */
  public static Admissibility conditions(double alpha, double beta, double epsilon) {
    return Admissibility.of(T4)
        .require("α ≥ 0", alpha >= 0, "α = " + alpha)
        .require("ε > 0", epsilon > 0, "ε = " + epsilon)
        .require("α ≤ β", alpha <= beta, "α = " + alpha + ", β = " + beta)
        .require("β ≤ 1/2 − ε", beta <= 0.5 - epsilon, "β = " + beta + ", 1/2 − ε = " + (0.5 - epsilon))
        .build();
  }

  /** Theorem 11's leading term of Δ′: (v/ε)(3√2βd/√n + 2d/√(nm))·√(log(1+nmL̂D) + log(m)/d). */
  public static Bound deltaPrime(double alpha, double beta, double epsilon, double v, int n, int m, int d,
      double lHatD) {
    conditions(alpha, beta, epsilon).orThrow();
    sizes(n, m, d, lHatD);
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("Assumption 6 needs a finite v > 0, got v = " + v);
    }
    double root = Math.sqrt(Math.log1p((double) n * m * lHatD) + Math.log(m) / d);
    double value = v / epsilon * (3 * Math.sqrt(2) * beta * d / Math.sqrt(n) + 2.0 * d / Math.sqrt((double) n * m)) * root;
    return Bound.of(value, T4, "α ≤ β ≤ 1/2 − ε", "Assumptions 1, 6", "leading term only (Õ(β/n + 1/(nm)) omitted)");
  }

  /** Theorem 11's failure probability 2d(m+1)/(1+nmL̂D)^d (see {@link #PROBABILITY_DISCREPANCY}). */
  public static double failureProbability(int n, int m, int d, double lHatD) {
    sizes(n, m, d, lHatD);
    return 2.0 * d * (m + 1) * Math.pow(1 + (double) n * m * lHatD, -d);
  }

  /** The failure probability Theorems 4–6 print, 4d/(1+nmL̂D)^d. */
  public static double statedFailureProbability(int n, int m, int d, double lHatD) {
    sizes(n, m, d, lHatD);
    return 4.0 * d * Math.pow(1 + (double) n * m * lHatD, -d);
  }

  /** Theorem 4: (1 − λ_F/(L_F+λ_F))^T‖w⁰−w*‖ + (2/λ_F)Δ′. */
  public static Bound stronglyConvex(double lambdaF, double lF, long t, double initialDistance, double deltaPrime) {
    return NoisyGradientDescent.stronglyConvex(T4, lambdaF, lF, t, initialDistance, deltaPrime);
  }

  /** After Theorem 4: iterations to reach 4Δ′/λ_F. */
  public static double iterationsToFloor(double lambdaF, double lF, double initialDistance, double deltaPrime) {
    return NoisyGradientDescent.iterationsToFloor(T4, lambdaF, lF, initialDistance, deltaPrime);
  }

  /** Theorem 5: T = L_F‖w⁰−w*‖/Δ′. */
  public static double convexIterations(double lF, double initialDistance, double deltaPrime) {
    return NoisyGradientDescent.convexIterations(T5, lF, initialDistance, deltaPrime);
  }

  /** Theorem 5: F(w^T) − F(w*) ≤ 16‖w⁰−w*‖Δ′(1 + Δ′/(2L_F)). */
  public static Bound convex(double lF, double initialDistance, double deltaPrime) {
    return NoisyGradientDescent.convexBound(T5, lF, initialDistance, deltaPrime);
  }

  /** Theorem 6: T = 2L_F(F(w⁰)−F*)/Δ′². */
  public static double nonConvexIterations(double lF, double initialGap, double deltaPrime) {
    return NoisyGradientDescent.nonConvexIterations(T6, lF, initialGap, deltaPrime);
  }

  /** Theorem 6: min_t ‖∇F(w^t)‖ ≤ √2·Δ′. */
  public static Bound nonConvex(double lF, double initialGap, double deltaPrime) {
    return NoisyGradientDescent.nonConvexBound(T6, lF, initialGap, deltaPrime);
  }

  /**
   * (5)'s shape without the factor v: (d/ε)(β/√n + 1/√(nm))·√log(nmL̂D), variables d, eps, beta, n, m, LD.
   * d enters linearly here, against √d for the median (3): a difference a fit in d can see.
   */
  public static RateShape floorShape(Citation citation) {
    if (!List.of(T4, T5, T6).contains(citation)) {
      throw new IllegalArgumentException("the trimmed-mean floor belongs to YIN-T4, T5 or T6, got " + citation);
    }
    LogFactor log = new LogFactor(List.of("n", "m", "LD"), 0.5);
    return RateShape.of(citation,
        new Term("(d/ε)·β/√n·√log(nmL̂D)", exps("d", 1, "eps", -1, "beta", 1, "n", -0.5), log),
        new Term("(d/ε)/√(nm)·√log(nmL̂D)", exps("d", 1, "eps", -1, "n", -0.5, "m", -0.5), log));
  }

  private static void sizes(int n, int m, int d, double lHatD) {
    TheoryValidation.check(T4, n >= 1 && m >= 1 && d >= 1, "n ≥ 1, m ≥ 1 and d ≥ 1 (Theorem 11)",
        "n = " + n + ", m = " + m + ", d = " + d);
    TheoryValidation.checkPositive(T4, "L̂D", lHatD);
  }
}
