package io.byzcheck.theory.alistarh;

import static io.byzcheck.theory.RateShape.exps;

import io.byzcheck.theory.Admissibility;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.RateShape;
import io.byzcheck.theory.RateShape.Term;

/**
 * Alistarh et al. 2018, §4: samples per machine any algorithm needs, against subgaussian estimators with
 * variance proxy 𝒱², α ∈ (0, 0.1), success probability 2/3, already in d = 1.
 * <ul>
 *   <li>Theorem 4.3 (ALI-T43), convex: a linear f on [−D, D] with Lipschitz constant G = ε/D, and
 *       T = Ω(D²𝒱²/(ε²m) + α²𝒱²D²/ε²) for f(x) − f(x*) &lt; ε;</li>
 *   <li>Theorem 4.4 (ALI-T44), strongly convex: a σ-strongly convex quadratic on ℝ, and
 *       T = Ω(𝒱²/(mσ²ε̂²) + α²𝒱²/(σ²ε̂²)) for |x − x*| &lt; ε̂; Corollary 4.5 turns it into function value with
 *       ε = σε̂²/2.</li>
 * </ul>
 * The paper defers the proofs, so the construction's parameters encoded are those the statements give.
 */
public final class LowerBounds {
  public static final Citation T43 = new Citation("ALI-T43", "ALI", "Theorem 4.3; Table 1");
  public static final Citation T44 = new Citation("ALI-T44", "ALI", "Theorem 4.4; Corollary 4.5");

  private LowerBounds() {}

  /** α ∈ (0, 0.1) and positive scales: the range in which Theorems 4.3–4.4 are stated. */
  public static Admissibility conditions(Citation which, double alpha, double... positiveScales) {
    var b = Admissibility.of(which).require("α ∈ (0, 0.1)", alpha > 0 && alpha < 0.1, "α = " + alpha);
    for (double s : positiveScales) {
      b.require("scales (D, 𝒱, ε, σ, ε̂) > 0", s > 0 && Double.isFinite(s), "got " + s);
    }
    return b.build();
  }

  /** Theorem 4.3's shape D²𝒱²/(ε²m) + α²𝒱²D²/ε² (variables D, V, eps, m, alpha). */
  public static RateShape convex() {
    return RateShape.of(T43,
        Term.of("D²𝒱²/(ε²m)", exps("D", 2, "V", 2, "eps", -2, "m", -1)),
        Term.of("α²𝒱²D²/ε²", exps("alpha", 2, "V", 2, "D", 2, "eps", -2)));
  }

  /** Theorem 4.3's hard instance: the slope G = ε/D of the linear function on [−D, D]. */
  public static double convexInstanceLipschitz(double alpha, double diameter, double noise, double epsilon) {
    conditions(T43, alpha, diameter, noise, epsilon).orThrow();
    return epsilon / diameter;
  }

  /** Theorem 4.4's shape 𝒱²/(mσ²ε̂²) + α²𝒱²/(σ²ε̂²) (variables V, m, sigma, epshat, alpha). */
  public static RateShape stronglyConvex() {
    return RateShape.of(T44,
        Term.of("𝒱²/(mσ²ε̂²)", exps("V", 2, "m", -1, "sigma", -2, "epshat", -2)),
        Term.of("α²𝒱²/(σ²ε̂²)", exps("alpha", 2, "V", 2, "sigma", -2, "epshat", -2)));
  }

  /** Corollary 4.5: the function-value accuracy ε = σε̂²/2 that the distance ε̂ corresponds to. */
  public static double functionValueAccuracy(double alpha, double sigma, double epsHat) {
    conditions(T44, alpha, sigma, epsHat).orThrow();
    return sigma * epsHat * epsHat / 2;
  }

  /** Corollary 4.5's shape 𝒱²/(mσε) + α²𝒱²/(σε) (variables V, m, sigma, eps, alpha). */
  public static RateShape stronglyConvexFunctionValue() {
    return RateShape.of(T44,
        Term.of("𝒱²/(mσε)", exps("V", 2, "m", -1, "sigma", -1, "eps", -1)),
        Term.of("α²𝒱²/(σε)", exps("alpha", 2, "V", 2, "sigma", -1, "eps", -1)));
  }
}
