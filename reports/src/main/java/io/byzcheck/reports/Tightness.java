package io.byzcheck.reports;

import io.byzcheck.properties.CheckResult;

/**
 * How close the worst input found comes to the paper's bound. {@link CheckResult#worstRatio()} is
 * the left side over the right side of the inequality, and the right side already carries λ
 * (e.g. ‖F(x) − x̄_S‖ / (λ·diam S) for RES-DEF2), so the ratio itself is the fraction of the bound
 * attained: 1 means the bound is met exactly, above 1 is a violation. Multiplying it by λ gives the
 * smallest coefficient consistent with the inputs found (λ̂), which is what a reader compares with
 * the paper's λ.
 */
final class Tightness {
  private Tightness() {}

  /** Worst ratio found / bound: the fraction of λ attained. */
  static double of(CheckResult c) {
    return c.worstRatio();
  }

  /** The empirical coefficient λ̂ = worst ratio · λ, or NaN when λ is not finite and positive. */
  static double empiricalBound(CheckResult c) {
    double b = c.bound();
    if (!(b > 0) || Double.isInfinite(b)) {
      return Double.NaN;
    }
    return c.worstRatio() * b;
  }
}
