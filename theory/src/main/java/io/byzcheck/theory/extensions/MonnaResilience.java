package io.byzcheck.theory.extensions;

import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.TheoryValidation;

/**
 * EXT-MONNA-LAMBDA (EXTENSIONS.md): MoNNA's nearest-neighbour averaging around a trusted pivot (Farhadkhani et al.
 * 2023, Alg. 1) satisfies RESAM's Def. 2 inequality with λ = 2f/(n − f) for every honest set S that holds the pivot,
 * f &lt; n/2: the project's own derivation (EXTENSIONS.md gives the proof; the paper's own analysis is an
 * (α, λ)-reduction of all honest nodes together, a different statement).
 */
public final class MonnaResilience {
  private MonnaResilience() {}

  public static final Citation CITATION = new Citation("EXT-MONNA-LAMBDA", BulyanResilience.OWN,
      "EXTENSIONS.md, own derivation for MoNNA's NNA step (Farhadkhani et al. 2023, Alg. 1), pivot ∈ S");

  /** λ = 2f/(n − f), 0 ≤ f &lt; n/2. */
  public static Bound lambda(int n, int f, int d) {
    TheoryValidation.checkMinorityByzantine(CITATION, n, f);
    TheoryValidation.checkAtLeast(CITATION, "d", d, 1);
    return Bound.of(2.0 * f / (n - f), CITATION, "f < n/2", "the pivot is honest (in S)");
  }
}
