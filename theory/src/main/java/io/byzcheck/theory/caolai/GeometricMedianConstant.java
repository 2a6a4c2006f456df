package io.byzcheck.theory.caolai;

import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.TheoryValidation;

/**
 * Cao &amp; Lai 2020, Lemma 1 (CAO-L1): if at least (1 − α)n of the points lie in the ball of radius r
 * around 0, with α &lt; 1/2, their geometric median lies in the ball of radius C_α·r,
 * C_α = 2(1 − α)/(1 − 2α).
 */
public final class GeometricMedianConstant {
  public static final Citation CITATION = new Citation("CAO-L1", "CAO", "Lemma 1");

  private GeometricMedianConstant() {}

  public static Bound cAlpha(double alpha) {
    TheoryValidation.check(CITATION, alpha >= 0 && alpha < 0.5, "0 ≤ α < 1/2", "α = " + alpha);
    return Bound.of(2 * (1 - alpha) / (1 - 2 * alpha), CITATION, "α < 1/2");
  }
}
