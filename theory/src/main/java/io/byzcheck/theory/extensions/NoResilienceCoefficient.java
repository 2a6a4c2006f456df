package io.byzcheck.theory.extensions;

import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;

/**
 * The rules of issue 16 that are not (f, λ)-resilient averaging (RESAM Def. 2) for any λ, each by a counterexample
 * with n − f identical honest inputs (diam S = 0, so Def. 2 forces F(x) = x) derived in EXTENSIONS.md — the kind-L
 * statements EXT-DNC-NOLAMBDA, EXT-SIGNGUARD-NOLAMBDA, EXT-CLIPCLUST-NOLAMBDA and EXT-FLTRUST-NOLAMBDA. None of
 * their papers proves a resilient-averaging coefficient (their guarantees are of other kinds, or empirical). The
 * catalogue checks each as RES-C9-CGE is checked: λ = 1000 claimed on purpose, which the worst-case search must
 * refute on its own; the report's rule table shows the search's worst ratio times that λ as the measured λ̂.
 */
public final class NoResilienceCoefficient {
  private NoResilienceCoefficient() {}

  /** The λ claimed on purpose: any finite value would do; the search must find a ratio beyond it. */
  public static final double CLAIMED_ON_PURPOSE = 1e3;

  public static final Citation DNC = new Citation("EXT-DNC-NOLAMBDA", BulyanResilience.OWN,
      "EXTENSIONS.md, own counterexample for DnC (Shejwalkar & Houmansadr 2021, Alg. 2)");
  public static final Citation SIGNGUARD = new Citation("EXT-SIGNGUARD-NOLAMBDA", BulyanResilience.OWN,
      "EXTENSIONS.md, own counterexample for SignGuard (Xu et al. 2022, Alg. 1)");
  public static final Citation CLIPPED_CLUSTERING = new Citation("EXT-CLIPCLUST-NOLAMBDA", BulyanResilience.OWN,
      "EXTENSIONS.md, own counterexample for clipped clustering (Li et al. 2023)");
  public static final Citation FLTRUST = new Citation("EXT-FLTRUST-NOLAMBDA", BulyanResilience.OWN,
      "EXTENSIONS.md, own counterexample for FLTrust (Cao et al. 2021, eqs. 2–4)");

  /** λ = 1000 for the rule of {@code citation}, claimed on purpose: the statement says no λ works. */
  public static Bound claimedOnPurpose(Citation citation) {
    return Bound.of(CLAIMED_ON_PURPOSE, citation, "λ = 1000 claimed on purpose: no λ works (" + citation.id() + ")");
  }
}
