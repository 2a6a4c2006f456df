package io.byzcheck.theory.resam;

import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.TheoryValidation;

/**
 * Farhadkhani et al. 2022, Lemma 6 (RES-L6): for Multi-Krum*_q (scores over the n − f − 1 nearest, squared
 * distances) with q ≤ n − f, f &lt; n/2, every selected x_k, k ∈ M(q), is within
 * (1 + √((n−f)/(n−2f)))·max_{i,j∈S}‖xᵢ − xⱼ‖ of every x_l, l ∈ S, for every S with |S| = n − f.
 */
public final class KrumSelectionLemma {
  public static final Citation CITATION = new Citation("RES-L6", "RES", "Appendix C.5, Lemma 6");

  private KrumSelectionLemma() {}

  /** The factor 1 + √((n−f)/(n−2f)). */
  public static double factor(int n, int f, int q) {
    TheoryValidation.checkMinorityByzantine(CITATION, n, f);
    TheoryValidation.check(CITATION, q >= 1 && q <= n - f, "1 ≤ q ≤ n − f", "n − f = " + (n - f) + ", q = " + q);
    return 1 + Math.sqrt((double) (n - f) / (n - 2 * f));
  }

  /** The distance bound factor·diam(S). */
  public static Bound distanceBound(int n, int f, int q, double diameterOfS) {
    TheoryValidation.checkNonNegative(CITATION, "diameter", diameterOfS);
    return Bound.of(factor(n, f, q) * diameterOfS, CITATION, "f < n/2", "q ≤ n − f");
  }
}
