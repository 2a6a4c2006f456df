package io.byzcheck.theory.caolai;

import io.byzcheck.theory.TheoryValidation;
import io.byzcheck.theory.VectorMath;
import io.byzcheck.theory.Admissibility;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.Discrepancy;
import java.util.ArrayList;
import java.util.List;

/**
 * Cao &amp; Lai 2020, Algorithm 3 (CAO-ALG3), CNM: the server keeps a clean sample S₀ (|S₀| ≤ |S_j|), accepts a
 * worker's gradient g_j if ‖g_j − ∇f̄⁽⁰⁾‖ ≤ ξ₁‖∇f̄⁽⁰⁾‖ (19) and averages the accepted ones with its own,
 * g = (Σ_{A⁽¹⁾} g_j + ∇f̄⁽⁰⁾)/(1 + |A⁽¹⁾|); the same for Newton directions against H̃₀⁻¹g with
 * H̃₀ = H₀ + μI (20), ξ₂ (21) and (22); θ_t = θ_{t−1} − G (no step size). The experiments set
 * ξ = c·|S₀|^{−1/4} with c = 1.25 (|S₀| = 1000) and c = 0.9 (|S₀| = 200) ({@link #xiFromServerSample}).
 */
public final class ComparisonBasedNewton {
  public static final Citation CITATION = new Citation("CAO-ALG3", "CAO", "§III-B, Algorithm 3; (18)–(22); §V");

  /** 1.25·1000^{−1/4} is 0.2223, printed 0.223. */
  public static final Discrepancy XI_ROUNDING = new Discrepancy("CAO-ALG3",
      "§V-A: 'ξ = 1.25|S₀|^{−1/4} = 0.223', |S₀| = 1000",
      "the formula: 1.25·1000^{−1/4} = 0.22228; the §V-B value 0.9·200^{−1/4} = 0.23932 matches its printed 0.239",
      "1000^{1/4} = 5.6234, so the printed 0.223 is rounded up from 0.2223 (a reproduction should say which one "
          + "it uses; the difference is 0.3%)");

  private ComparisonBasedNewton() {}

  /** ξ₁, ξ₂ ≥ 0, μ ≥ 0 and 1 ≤ |S₀| ≤ |S_j|. */
  public static Admissibility conditions(double xi1, double xi2, double mu, int s0, int sj) {
    return Admissibility.of(CITATION)
        .require("ξ₁ ≥ 0", xi1 >= 0 && Double.isFinite(xi1), "ξ₁ = " + xi1)
        .require("ξ₂ ≥ 0", xi2 >= 0 && Double.isFinite(xi2), "ξ₂ = " + xi2)
        .require("μ ≥ 0", mu >= 0 && Double.isFinite(mu), "μ = " + mu)
        .require("1 ≤ |S₀| ≤ |S_j|", s0 >= 1 && s0 <= sj, "|S₀| = " + s0 + ", |S_j| = " + sj)
        .build();
  }

  /** (19)/(21): ‖g − reference‖ ≤ ξ·‖reference‖. */
  public static boolean accepts(double[] g, double[] reference, double xi) {
    VectorMath.requireVector(g, reference.length, "CNM (19)");
    VectorMath.requireVector(reference, reference.length, "CNM (19)");
    if (!(xi >= 0)) {
      throw TheoryValidation.violation(CITATION, "ξ ≥ 0", "ξ = " + xi);
    }
    return VectorMath.distance(g, reference) <= xi * VectorMath.distance(reference, new double[reference.length]);
  }

  /** Step 4 / step 6: (Σ_{accepted} g_j + reference)/(1 + |accepted|). */
  public static double[] aggregate(double[][] received, double[] reference, double xi) {
    List<double[]> pool = new ArrayList<>();
    for (double[] g : received) {
      if (accepts(g, reference, xi)) {
        pool.add(g);
      }
    }
    pool.add(reference);
    return VectorMath.mean(pool.toArray(double[][]::new));
  }

  /** (20): H̃₀ = H₀ + μI, μ ≥ 0. */
  public static double[][] regularised(double[][] h0, double mu) {
    int d = VectorMath.requireRectangular(h0, "(20)");
    if (d != h0.length) {
      throw TheoryValidation.violation(CITATION, "a square H₀ in (20)", h0.length + "×" + d);
    }
    if (!(mu >= 0) || Double.isInfinite(mu)) {
      throw TheoryValidation.violation(CITATION, "μ ≥ 0 in (20)", "μ = " + mu);
    }
    double[][] out = new double[d][];
    for (int i = 0; i < d; i++) {
      out[i] = h0[i].clone();
      out[i][i] += mu;
    }
    return out;
  }

  /** The experiments' threshold ξ = c·|S₀|^{−1/4}. */
  public static double xiFromServerSample(double c, int s0) {
    if (!(c > 0) || s0 < 1) {
      throw TheoryValidation.violation(CITATION, "c > 0 and |S₀| ≥ 1 for ξ = c|S₀|^{−1/4}", "c = " + c + ", |S₀| = " + s0);
    }
    return c * Math.pow(s0, -0.25);
  }
}
