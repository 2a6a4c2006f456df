package io.byzcheck.theory.alistarh;

import io.byzcheck.theory.Admissibility;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.TheoryValidation;

/**
 * Alistarh et al. 2018, Assumption 2.2 (ALI-A22): every good machine's stochastic gradient at x_k satisfies
 * ‖∇_{k,i} − ∇f(x_k)‖ ≤ 𝒱 almost surely. {@link #deviation} computes the left-hand side exactly and
 * {@link #admits} says whether a batch of good gradients fits the model (the thresholds of Algorithm 1 are
 * derived from it, so a check that feeds the algorithm heavier-tailed noise must know it left the model).
 * The lower bounds (§4) use a subgaussian model instead; Remark 4.2 says the two differ by O(√log(mT)).
 */
public final class NoiseModel {
  public static final Citation CITATION = new Citation("ALI-A22", "ALI", "§2, Assumption 2.2");

  private NoiseModel() {}

  /** ‖∇_{k,i} − ∇f(x_k)‖, Euclidean. */
  public static double deviation(double[] gradient, double[] trueGradient) {
    if (gradient.length != trueGradient.length || gradient.length == 0) {
      throw new IllegalArgumentException("Assumption 2.2 compares vectors of one dimension d ≥ 1, got "
          + gradient.length + " and " + trueGradient.length);
    }
    double s = 0;
    double scale = 0;
    for (int j = 0; j < gradient.length; j++) {
      scale = Math.max(scale, Math.abs(gradient[j] - trueGradient[j]));
    }
    if (!Double.isFinite(scale)) {
      throw new IllegalArgumentException("Assumption 2.2 is about finite gradients, got a non-finite coordinate");
    }
    if (scale == 0) {
      return 0;
    }
    // Scaled so that huge (Byzantine-sized) coordinates do not overflow the sum of squares.
    for (int j = 0; j < gradient.length; j++) {
      double t = (gradient[j] - trueGradient[j]) / scale;
      s += t * t;
    }
    return scale * Math.sqrt(s);
  }

  /** One condition per good gradient: "‖∇_{k,i} − ∇f(x_k)‖ ≤ 𝒱 for machine i". */
  public static Admissibility admits(double[][] goodGradients, double[] trueGradient, double noise) {
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      TheoryValidation.checkNonNegative(CITATION, "𝒱", noise);
    }
    var b = Admissibility.of(CITATION);
    for (int i = 0; i < goodGradients.length; i++) {
      double dev = deviation(goodGradients[i], trueGradient);
      b.require("‖∇_{k,i} − ∇f(x_k)‖ ≤ 𝒱 for machine " + i, dev <= noise, "deviation " + dev + ", 𝒱 = " + noise);
    }
    return b.build();
  }
}
