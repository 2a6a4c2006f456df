package io.byzcheck.theory.yin;

import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.TheoryValidation;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Yin et al. 2018, equation (4) (YIN-EQ4): C_ε = √(2π)·exp(½·(Φ⁻¹(1 − ε))²), the factor in the median
 * GD floor Δ (3) and in Theorem 7; "C_ε ≈ 4 when ε = 1/6" (§4.1). Needs ε ∈ (0, 1/2).
 */
public final class RobustnessConstant {
  // The distribution is only used for its inverse CDF; passing a generator keeps it from seeding itself
  // from the clock (commons-math3 does that otherwise), though no sample is ever drawn.
  private static final NormalDistribution STANDARD =
      new NormalDistribution(new org.apache.commons.math3.random.Well19937c(1), 0, 1, 1e-12);

  public static final Citation CITATION = new Citation("YIN-EQ4", "YIN", "§4.1, equation (4)");

  private RobustnessConstant() {}

  public static Bound cEpsilon(double epsilon) {
    TheoryValidation.check(CITATION, epsilon > 0 && epsilon < 0.5, "ε ∈ (0, 1/2)", "ε = " + epsilon);
    double q = STANDARD.inverseCumulativeProbability(1 - epsilon);
    return Bound.of(Math.sqrt(2 * Math.PI) * Math.exp(0.5 * q * q),
        CITATION, "0 < ε < 1/2");
  }
}
