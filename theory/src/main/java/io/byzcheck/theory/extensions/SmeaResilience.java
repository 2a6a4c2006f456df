package io.byzcheck.theory.extensions;

import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.TheoryValidation;

/**
 * EXT-SMEA-LAMBDA (EXTENSIONS.md): SMEA (Allouah et al. 2023, ICML, §5) satisfies ‖F(x) − x̄_S‖² ≤ κ·λ_max(Σ_S) with
 * κ = 4f/(n − 2f), hence RESAM's Def. 2 with λ = √κ/2 = √(f/(n − 2f)) (λ_max(Σ_S) ≤ diam(S)²/4), f &lt; n/2: the
 * project's own derivation (EXTENSIONS.md gives it; the paper proves a spectral robustness of this kind, whose
 * constant we could not transcribe from its text in this session and do not claim).
 */
public final class SmeaResilience {
  private SmeaResilience() {}

  public static final Citation CITATION = new Citation("EXT-SMEA-LAMBDA", BulyanResilience.OWN,
      "EXTENSIONS.md, own derivation for SMEA (Allouah et al. 2023, §5)");

  /** κ = 4f/(n − 2f), the spectral coefficient, 0 ≤ f &lt; n/2. */
  public static double kappa(int n, int f) {
    TheoryValidation.checkMinorityByzantine(CITATION, n, f);
    return 4.0 * f / (n - 2 * f);
  }

  /** λ = √(f/(n − 2f)), 0 ≤ f &lt; n/2. */
  public static Bound lambda(int n, int f, int d) {
    TheoryValidation.checkAtLeast(CITATION, "d", d, 1);
    return Bound.of(Math.sqrt(kappa(n, f)) / 2, CITATION, "f < n/2");
  }
}
