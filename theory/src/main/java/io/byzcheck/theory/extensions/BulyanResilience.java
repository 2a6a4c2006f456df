package io.byzcheck.theory.extensions;

import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.TheoryValidation;
import io.byzcheck.theory.resam.ResilienceCoefficient;

/**
 * EXT-BULYAN-LAMBDA (EXTENSIONS.md): Bulyan (El Mhamdi et al. 2018, §4) is (f, λ)-resilient averaging (RESAM
 * Def. 2) with λ = 2Δ, Δ = min{2√(n−f), √d}, for n ≥ 4f + 3. No paper proves a coefficient for Bulyan; this one
 * is the project's own derivation (EXTENSIONS.md gives the proof), cited as such.
 */
public final class BulyanResilience {
  private BulyanResilience() {}

  /** The paper key of the project's own derivations (no paper behind them). */
  public static final String OWN = "own";

  public static final Citation CITATION = new Citation("EXT-BULYAN-LAMBDA", OWN,
      "EXTENSIONS.md, own derivation for Bulyan (El Mhamdi et al. 2018, §4)");

  /** λ = 2·min{2√(n−f), √d}, n ≥ 4f + 3, f ≥ 0, d ≥ 1. */
  public static Bound lambda(int n, int f, int d) {
    TheoryValidation.check(CITATION, f >= 0 && n >= 4 * f + 3, "n ≥ 4f + 3, f ≥ 0", "n = " + n + ", f = " + f);
    return Bound.of(2 * ResilienceCoefficient.delta(n, f, d), CITATION, "n ≥ 4f + 3");
  }
}
