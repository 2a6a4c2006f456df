package io.byzcheck.theory.yin;

import static io.byzcheck.theory.RateShape.exps;

import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.RateShape;
import io.byzcheck.theory.RateShape.LogFactor;
import io.byzcheck.theory.RateShape.Term;
import java.util.List;

/**
 * Median-based robust gradient descent (Algorithm 1, Option I) of Yin et al. 2018, Theorems 1–3 (YIN-T1,
 * YIN-T2, YIN-T3), step size η = 1/L_F, under condition (2) ({@link MedianCondition}).
 *
 * <p>The paper states the gradient error Δ only up to constants in (3), Δ = O(C_εV(α/√n +
 * √(d log(nmL̂D)/(nm)) + S/n)), but its proof (Theorem 8, equation (27), restated at the end of Appendix B)
 * gives it explicitly: Δ = 2√2/(nm) + √2·(C_ε/√n)·V·(α + √(d·log(1+nmL̂D)/(m(1−α))) + 0.4748·S/√n).
 * {@link #delta} computes that explicit Δ, so the theorems' bounds are numbers here; the R-kind checks use
 * {@link #floorShape} to fit how the floor scales in α, n and m.
 */
public final class MedianGradientDescent {
  public static final Citation T1 = new Citation("YIN-T1", "YIN", "Theorem 1; Δ from Theorem 8, equation (27)");
  public static final Citation T2 = new Citation("YIN-T2", "YIN", "Theorem 2; proof in Appendix C");
  public static final Citation T3 = new Citation("YIN-T3", "YIN", "Theorem 3; proof in Appendix D");

  private MedianGradientDescent() {}

  /**
   * Theorem 8's Δ (27): 2√2/(nm) + √2·C_ε·V/√n·(α + √(d·log(1+nmL̂D)/(m(1−α))) + 0.4748·S/√n).
   *
   * @throws IllegalArgumentException naming the failed part of condition (2), or V &lt; 0
   */
  public static Bound delta(double alpha, double epsilon, int n, int m, int d, double lHatD, double skewness,
      double v) {
    MedianCondition.conditions(alpha, epsilon, n, m, d, lHatD, skewness).orThrow();
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("Assumption 2 needs a finite V ≥ 0, got V = " + v);
    }
    double cEps = RobustnessConstant.cEpsilon(epsilon).value();
    double inner = MedianCondition.leftHandSide(alpha, n, m, d, lHatD, skewness);
    double value = 2 * Math.sqrt(2) / ((double) n * m) + Math.sqrt(2) * cEps / Math.sqrt(n) * v * inner;
    return Bound.of(value, T1, "condition (2)", "Assumptions 1–3",
        "probability ≥ 1 − 4d/(1+nmL̂D)^d (MedianCondition.failureProbability)");
  }

  /** Theorem 1: ‖w^T − w*‖ ≤ (1 − λ_F/(L_F+λ_F))^T‖w⁰ − w*‖ + (2/λ_F)Δ. */
  public static Bound stronglyConvex(double lambdaF, double lF, long t, double initialDistance, double delta) {
    return NoisyGradientDescent.stronglyConvex(T1, lambdaF, lF, t, initialDistance, delta);
  }

  /** Theorem 1's contraction factor 1 − λ_F/(L_F+λ_F), what the linear phase's slope on a log scale checks. */
  public static double contraction(double lambdaF, double lF) {
    return NoisyGradientDescent.contraction(T1, lambdaF, lF);
  }

  /** After Theorem 1: T ≥ ((L_F+λ_F)/λ_F)·log(λ_F‖w⁰−w*‖/(2Δ)) gives ‖ŵ − w*‖ ≤ 4Δ/λ_F. */
  public static double iterationsToFloor(double lambdaF, double lF, double initialDistance, double delta) {
    return NoisyGradientDescent.iterationsToFloor(T1, lambdaF, lF, initialDistance, delta);
  }

  /** Theorem 2: T = L_F‖w⁰ − w*‖/Δ. */
  public static double convexIterations(double lF, double initialDistance, double delta) {
    return NoisyGradientDescent.convexIterations(T2, lF, initialDistance, delta);
  }

  /** Theorem 2: F(w^T) − F(w*) ≤ 16‖w⁰ − w*‖Δ(1 + Δ/(2L_F)). */
  public static Bound convex(double lF, double initialDistance, double delta) {
    return NoisyGradientDescent.convexBound(T2, lF, initialDistance, delta);
  }

  /** Theorem 3: T = 2L_F(F(w⁰) − F(w*))/Δ². */
  public static double nonConvexIterations(double lF, double initialGap, double delta) {
    return NoisyGradientDescent.nonConvexIterations(T3, lF, initialGap, delta);
  }

  /** Theorem 3: min_{t ≤ T} ‖∇F(w^t)‖ ≤ √2·Δ. */
  public static Bound nonConvex(double lF, double initialGap, double delta) {
    return NoisyGradientDescent.nonConvexBound(T3, lF, initialGap, delta);
  }

  /** Assumption 5 (Theorem 3): 𝒲 contains the ball of radius (2/Δ²)(M + Δ)(F(w⁰) − F(w*)) around w⁰. */
  public static double assumption5Radius(double gradientBound, double initialGap, double delta) {
    return NoisyGradientDescent.assumption5Radius(T3, gradientBound, initialGap, delta);
  }

  /**
   * The floor's shape (3) without its common factor C_εV: α/√n + √(d·log(nmL̂D)/(nm)) + S/n in variables
   * alpha, n, m, d, LD (= L̂D) and S. Theorems 2 and 3 have the same Δ, so the same shape with their citation.
   */
  public static RateShape floorShape(Citation citation) {
    if (!List.of(T1, T2, T3).contains(citation)) {
      throw new IllegalArgumentException("the median floor belongs to YIN-T1, T2 or T3, got " + citation);
    }
    return RateShape.of(citation,
        Term.of("α/√n", exps("alpha", 1, "n", -0.5)),
        new Term("√(d log(nmL̂D)/(nm))", exps("d", 0.5, "n", -0.5, "m", -0.5),
            new LogFactor(List.of("n", "m", "LD"), 0.5)),
        Term.of("S/n", exps("S", 1, "n", -1)));
  }
}
