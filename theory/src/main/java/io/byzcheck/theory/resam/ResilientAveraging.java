package io.byzcheck.theory.resam;

import io.byzcheck.theory.TheoryValidation;
import io.byzcheck.theory.VectorMath;
import io.byzcheck.theory.Admissibility;
import io.byzcheck.theory.Citation;

/**
 * Farhadkhani et al. 2022, Definition 2 (RES-DEF2): for f &lt; n and λ ≥ 0, F is (f, λ)-resilient averaging if
 * for all x₁..xₙ and every S ⊆ [n] with |S| = n − f, ‖F(x₁..xₙ) − x̄_S‖ ≤ λ·max_{i,j∈S}‖xᵢ − xⱼ‖; and the
 * sanity check of §3.2 (RES-SANITY): identical honest inputs force the output to equal them, since the
 * right-hand side is then 0 for every λ. Indices are 0-based here. The inequality is checked exactly (no
 * tolerance): callers comparing float kernels should compare {@link #leftHandSide} and
 * {@link #rightHandSide} with their own stated slack.
 */
public final class ResilientAveraging {
  public static final Citation DEF2 = new Citation("RES-DEF2", "RES", "§3.2, Definition 2");
  public static final Citation SANITY = new Citation("RES-SANITY", "RES", "§3.2, 'Sanity check'");

  private ResilientAveraging() {}

  /** max_{i,j∈S}‖xᵢ − xⱼ‖, the diameter of the honest inputs. */
  public static double diameter(double[][] xs, int[] s) {
    VectorMath.requireRectangular(xs, "Definition 2");
    VectorMath.requireSubset(s, xs.length, "Definition 2");
    double diam = 0;
    for (int a = 0; a < s.length; a++) {
      for (int b = a + 1; b < s.length; b++) {
        diam = Math.max(diam, VectorMath.distance(xs[s[a]], xs[s[b]]));
      }
    }
    return diam;
  }

  /** x̄_S = (1/|S|)Σ_{i∈S} xᵢ. */
  public static double[] subsetMean(double[][] xs, int[] s) {
    int d = VectorMath.requireRectangular(xs, "Definition 2");
    VectorMath.requireSubset(s, xs.length, "Definition 2");
    if (s.length == 0) {
      throw TheoryValidation.violation(DEF2, "|S| = n − f ≥ 1", "|S| = 0");
    }
    double[] mean = new double[d];
    for (int i : s) {
      for (int k = 0; k < d; k++) {
        mean[k] += xs[i][k] / s.length;
      }
    }
    return mean;
  }

  /** ‖F(x) − x̄_S‖. */
  public static double leftHandSide(double[] output, double[][] xs, int[] s) {
    double[] mean = subsetMean(xs, s);
    VectorMath.requireVector(output, mean.length, "Definition 2 (the output F(x))");
    return VectorMath.distance(output, mean);
  }

  /** λ·max_{i,j∈S}‖xᵢ − xⱼ‖. */
  public static double rightHandSide(double lambda, double[][] xs, int[] s) {
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      TheoryValidation.checkNonNegative(DEF2, "λ", lambda);
    }
    return lambda * diameter(xs, s);
  }

  /** Definition 2's hypotheses and inequality for one input and one S, each named. */
  public static Admissibility check(double[] output, double[][] xs, int[] s, int f, double lambda) {
    int n = xs.length;
    var b = Admissibility.of(DEF2)
        .require("0 ≤ f < n", f >= 0 && f < n, "n = " + n + ", f = " + f)
        .require("λ ≥ 0", lambda >= 0 && Double.isFinite(lambda), "λ = " + lambda)
        .require("|S| = n − f", s.length == n - f, "|S| = " + s.length + ", n − f = " + (n - f));
    if (b.build().admissible()) {
      double lhs = leftHandSide(output, xs, s);
      double rhs = rightHandSide(lambda, xs, s);
      b.require("‖F(x) − x̄_S‖ ≤ λ·max_{i,j∈S}‖xᵢ − xⱼ‖", lhs <= rhs, "‖F(x) − x̄_S‖ = " + lhs + ", λ·diam = " + rhs);
    }
    return b.build();
  }

  /**
   * The sanity check: when every xᵢ, i ∈ S, equals one x, an (f, λ)-resilient rule must output x, for every λ.
   *
   * @throws IllegalArgumentException when the honest inputs are not identical (the check does not apply)
   */
  public static Admissibility sanity(double[] output, double[][] xs, int[] s) {
    if (diameter(xs, s) != 0) {
      throw TheoryValidation.violation(SANITY, "identical honest inputs", "diameter " + diameter(xs, s));
    }
    double err = leftHandSide(output, xs, s);
    return Admissibility.of(SANITY)
        .require("F(x₁..xₙ) = x when xᵢ = x for all i ∈ S", err == 0, "‖F(x) − x‖ = " + err)
        .build();
  }
}
