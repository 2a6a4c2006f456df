package io.byzcheck.theory.alistarh;

import static io.byzcheck.theory.RateShape.exps;

import io.byzcheck.theory.Citation;
import io.byzcheck.theory.RateShape;
import io.byzcheck.theory.RateShape.Term;

/**
 * Alistarh et al. 2018, Theorems 3.4 and 3.5 (ALI-T34, ALI-T35): ByzantineSGD with restarts on a σ-strongly
 * convex f reaches f(x) − f(x*) ≤ ε in
 * <ul>
 *   <li>T = Õ(L/σ + 𝒱²/(mσε) + α²𝒱²/(σε)) iterations when f is L-smooth (3.4),</li>
 *   <li>T = Õ(G²/(σε) + 𝒱²/(mσε) + α²𝒱²/(σε) + 1) when f is G-Lipschitz (3.5).</li>
 * </ul>
 * Õ hides logarithms in D, m, L, 𝒱, 1/σ, 1/ε, 1/δ. Variables: L, G, sigma, V, m, eps, alpha (and a
 * constant term "1" in 3.5). The third term is the one the lower bound (Theorem 4.4) matches.
 */
public final class StronglyConvexRates {
  public static final Citation T34 = new Citation("ALI-T34", "ALI", "Theorem 3.4; Table 1");
  public static final Citation T35 = new Citation("ALI-T35", "ALI", "Theorem 3.5");

  private StronglyConvexRates() {}

  /** Theorem 3.4: L/σ + 𝒱²/(mσε) + α²𝒱²/(σε). */
  public static RateShape smooth() {
    return RateShape.of(T34,
        Term.of("L/σ", exps("L", 1, "sigma", -1)),
        Term.of("𝒱²/(mσε)", exps("V", 2, "m", -1, "sigma", -1, "eps", -1)),
        Term.of("α²𝒱²/(σε)", exps("alpha", 2, "V", 2, "sigma", -1, "eps", -1)));
  }

  /** Theorem 3.5: G²/(σε) + 𝒱²/(mσε) + α²𝒱²/(σε) + 1. */
  public static RateShape lipschitz() {
    return RateShape.of(T35,
        Term.of("G²/(σε)", exps("G", 2, "sigma", -1, "eps", -1)),
        Term.of("𝒱²/(mσε)", exps("V", 2, "m", -1, "sigma", -1, "eps", -1)),
        Term.of("α²𝒱²/(σε)", exps("alpha", 2, "V", 2, "sigma", -1, "eps", -1)),
        Term.of("1", exps()));
  }
}
