package io.byzcheck.theory.yin;

import io.byzcheck.theory.Admissibility;
import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;

/**
 * The deterministic part shared by Theorems 1–6 of Yin et al. 2018: projected gradient descent with step
 * 1/L_F whose gradient is off by at most Δ everywhere (Theorem 8 gives Δ for the median, Theorem 11 gives
 * Δ′ for the trimmed mean; "one can simply replace Δ with Δ′", Remark 1). Package-private: callers go
 * through {@link MedianGradientDescent} and {@link TrimmedMeanGradientDescent}, which supply Δ and the
 * citation.
 */
final class NoisyGradientDescent {
  private NoisyGradientDescent() {}

  /** Theorem 1/4: (1 − λ_F/(L_F+λ_F))^T‖w⁰−w*‖ + (2/λ_F)Δ. */
  static Bound stronglyConvex(Citation c, double lambdaF, double lF, long t, double initialDistance, double delta) {
    smoothness(c, lambdaF, lF, delta).require("T ≥ 0", t >= 0, "T = " + t)
        .require("‖w⁰ − w*‖ ≥ 0", initialDistance >= 0 && Double.isFinite(initialDistance), "‖w⁰ − w*‖ = " + initialDistance)
        .orThrow();
    double q = 1 - lambdaF / (lF + lambdaF);
    return Bound.of(Math.pow(q, t) * initialDistance + 2 * delta / lambdaF, c, "η = 1/L_F", "λ_F-strongly convex F");
  }

  /** The contraction factor 1 − λ_F/(L_F+λ_F) ∈ [1/2, 1) of the linear phase. */
  static double contraction(Citation c, double lambdaF, double lF) {
    smoothness(c, lambdaF, lF, 0).orThrow();
    return 1 - lambdaF / (lF + lambdaF);
  }

  /**
   * The text after Theorem 1/4: T ≥ ((L_F+λ_F)/λ_F)·log(λ_F‖w⁰−w*‖/(2Δ)) iterations give error ≤ 4Δ/λ_F
   * (0 when the logarithm is negative: the floor is reached at once).
   */
  static double iterationsToFloor(Citation c, double lambdaF, double lF, double initialDistance, double delta) {
    smoothness(c, lambdaF, lF, delta).require("Δ > 0", delta > 0, "Δ = " + delta)
        .require("‖w⁰ − w*‖ ≥ 0", initialDistance >= 0, "‖w⁰ − w*‖ = " + initialDistance).orThrow();
    if (initialDistance == 0) {
      return 0;
    }
    return Math.max(0, (lF + lambdaF) / lambdaF * Math.log(lambdaF * initialDistance / (2 * delta)));
  }

  /** Theorem 2/5: T = L_F‖w⁰−w*‖/Δ. */
  static double convexIterations(Citation c, double lF, double initialDistance, double delta) {
    convex(c, lF, initialDistance, delta).orThrow();
    return lF * initialDistance / delta;
  }

  /** Theorem 2/5: F(w^T) − F(w*) ≤ 16‖w⁰−w*‖Δ(1 + Δ/(2L_F)). */
  static Bound convexBound(Citation c, double lF, double initialDistance, double delta) {
    convex(c, lF, initialDistance, delta).orThrow();
    return Bound.of(16 * initialDistance * delta * (1 + delta / (2 * lF)), c, "η = 1/L_F", "T = L_F‖w⁰−w*‖/Δ",
        "convex F", "Assumption 4");
  }

  /** Theorem 3/6: T = 2L_F(F(w⁰) − F(w*))/Δ². */
  static double nonConvexIterations(Citation c, double lF, double initialGap, double delta) {
    nonConvex(c, lF, initialGap, delta).orThrow();
    return 2 * lF * initialGap / (delta * delta);
  }

  /** Theorem 3/6: min_t ‖∇F(w^t)‖ ≤ √2·Δ. */
  static Bound nonConvexBound(Citation c, double lF, double initialGap, double delta) {
    nonConvex(c, lF, initialGap, delta).orThrow();
    return Bound.of(Math.sqrt(2) * delta, c, "η = 1/L_F", "T = 2L_F(F(w⁰)−F*)/Δ²", "Assumption 5");
  }

  /** Assumption 5's radius (2/Δ²)(M + Δ)(F(w⁰) − F(w*)) of the ball 𝒲 must contain. */
  static double assumption5Radius(Citation c, double gradientBound, double initialGap, double delta) {
    Admissibility.of(c).require("Δ > 0", delta > 0 && Double.isFinite(delta), "Δ = " + delta)
        .require("M ≥ 0", gradientBound >= 0, "M = " + gradientBound)
        .require("F(w⁰) − F(w*) ≥ 0", initialGap >= 0, "F(w⁰) − F(w*) = " + initialGap).orThrow();
    return 2 / (delta * delta) * (gradientBound + delta) * initialGap;
  }

  private static Admissibility.Builder smoothness(Citation c, double lambdaF, double lF, double delta) {
    return Admissibility.of(c)
        .require("λ_F > 0", lambdaF > 0 && Double.isFinite(lambdaF), "λ_F = " + lambdaF)
        .require("λ_F ≤ L_F", lambdaF <= lF && Double.isFinite(lF), "λ_F = " + lambdaF + ", L_F = " + lF)
        .require("Δ ≥ 0", delta >= 0 && Double.isFinite(delta), "Δ = " + delta);
  }

  private static Admissibility.Builder convex(Citation c, double lF, double initialDistance, double delta) {
    return Admissibility.of(c)
        .require("L_F > 0", lF > 0 && Double.isFinite(lF), "L_F = " + lF)
        .require("Δ > 0", delta > 0 && Double.isFinite(delta), "Δ = " + delta)
        .require("‖w⁰ − w*‖ ≥ 0", initialDistance >= 0 && Double.isFinite(initialDistance), "‖w⁰ − w*‖ = " + initialDistance);
  }

  private static Admissibility.Builder nonConvex(Citation c, double lF, double initialGap, double delta) {
    return Admissibility.of(c)
        .require("L_F > 0", lF > 0 && Double.isFinite(lF), "L_F = " + lF)
        .require("Δ > 0", delta > 0 && Double.isFinite(delta), "Δ = " + delta)
        .require("F(w⁰) − F(w*) ≥ 0", initialGap >= 0 && Double.isFinite(initialGap), "F(w⁰) − F(w*) = " + initialGap);
  }
}
