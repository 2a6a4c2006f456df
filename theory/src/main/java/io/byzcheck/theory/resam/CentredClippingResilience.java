package io.byzcheck.theory.resam;

import io.byzcheck.theory.TheoryValidation;
import io.byzcheck.theory.VectorMath;
import io.byzcheck.theory.Admissibility;
import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;

/**
 * Farhadkhani et al. 2022, Appendix C.8 (RES-C8-CC): centred clipping (Karimireddy et al. 2021),
 * v_l = v_{l−1} + (1/n)Σᵢ (xᵢ − v_{l−1})·min{1, c_τ/‖xᵢ − v_{l−1}‖}, CC = v_L. It satisfies resilient averaging
 * with λ = 20√10·f/n for f &lt; n/9.7 only with side information (c_τ and L from σ, a bound on
 * ‖x̄_H − v₀‖); without it, it does not in general.
 *
 * <p>A violating input for every c_τ, L, v₀ (our construction): each term of the sum has norm ≤ c_τ, so
 * ‖v_l − v_{l−1}‖ ≤ c_τ and ‖CC − v₀‖ ≤ c_τL. Honest inputs all equal to an x with ‖x − v₀‖ &gt; c_τL give
 * CC ≠ x although diam(S) = 0, so Definition 2 fails for every λ ({@link #violationGuaranteed}).
 */
public final class CentredClippingResilience {
  public static final Citation CITATION = new Citation("RES-C8-CC", "RES", "Appendix C.8");

  private CentredClippingResilience() {}

  /** One iteration from v (c_τ ≥ 0); a term with xᵢ = v contributes 0. */
  public static double[] step(double[][] xs, double[] v, double clip) {
    int d = VectorMath.requireRectangular(xs, "CC");
    VectorMath.requireVector(v, d, "CC (v)");
    if (!(clip >= 0) || Double.isInfinite(clip)) {
      throw TheoryValidation.violation(CITATION, "a finite clipping parameter c_τ ≥ 0", "c_τ = " + clip);
    }
    double[] out = v.clone();
    for (double[] x : xs) {
      double dist = VectorMath.distance(x, v);
      double scale = dist == 0 ? 0 : Math.min(1, clip / dist);
      for (int k = 0; k < d; k++) {
        out[k] += (x[k] - v[k]) * scale / xs.length;
      }
    }
    return out;
  }

  /** CC = v_L after L ≥ 0 iterations from v₀. */
  public static double[] cc(double[][] xs, double[] v0, double clip, int iterations) {
    if (iterations < 0) {
      throw TheoryValidation.violation(CITATION, "L ≥ 0 iterations", "L = " + iterations);
    }
    double[] v = v0.clone();
    for (int l = 0; l < iterations; l++) {
      v = step(xs, v, clip);
    }
    if (iterations == 0) {
      VectorMath.requireVector(v, VectorMath.requireRectangular(xs, "CC"), "CC (v₀)");
    }
    return v;
  }

  /**
   * Whether identical honest inputs x make CC violate Definition 2 for every λ by the reach argument:
   * ‖x − v₀‖ &gt; c_τ·L.
   */
  public static Admissibility violationGuaranteed(double[] x, double[] v0, double clip, int iterations) {
    VectorMath.requireVector(x, x.length, "CC");
    VectorMath.requireVector(v0, x.length, "CC (v₀)");
    double gap = VectorMath.distance(x, v0);
    return Admissibility.of(CITATION)
        .require("c_τ ≥ 0 and L ≥ 0", clip >= 0 && iterations >= 0, "c_τ = " + clip + ", L = " + iterations)
        .require("‖x − v₀‖ > c_τ·L", gap > clip * iterations, "‖x − v₀‖ = " + gap + ", c_τL = " + clip * iterations)
        .build();
  }

  /** Karimireddy et al.'s coefficient λ = 20√10·f/n, stated for f &lt; n/9.7 (with side information). */
  public static Bound karimireddyLambda(int n, int f) {
    Admissibility.of(CITATION)
        .require("n ≥ 1", n >= 1, "n = " + n)
        .require("0 ≤ f < n/9.7", f >= 0 && f < n / 9.7, "n = " + n + ", f = " + f + ", n/9.7 = " + n / 9.7)
        .orThrow();
    return Bound.of(20 * Math.sqrt(10) * f / n, CITATION, "f < n/9.7", "c_τ and L chosen from σ and ‖x̄_H − v₀‖");
  }
}
