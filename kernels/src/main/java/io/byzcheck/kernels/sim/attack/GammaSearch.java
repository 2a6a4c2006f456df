package io.byzcheck.kernels.sim.attack;

import java.util.function.DoublePredicate;

/**
 * The γ search of Shejwalkar &amp; Houmansadr's published code (the corrected form of the paper's Algorithm 1):
 * start at γ = γ_init with step γ_init; each iteration halves the step and moves γ up by half the previous
 * step when the candidate ḡ − γp passes the attack's constraint (recording it as the last success), down otherwise;
 * stop when γ is within τ of the last success, and return that success (0 if none). The search covers
 * [0, 2γ_init).
 */
final class GammaSearch {
  /** The authors' τ. */
  static final double THRESHOLD = 1e-5;

  private GammaSearch() {}

  static double largest(double initial, DoublePredicate passes) {
    double gamma = initial;
    double step = initial;
    double success = 0;
    while (Math.abs(success - gamma) > THRESHOLD) {
      if (passes.test(gamma)) {
        success = gamma;
        gamma += step / 2;
      } else {
        gamma -= step / 2;
      }
      step /= 2;
    }
    return success;
  }

  /** ḡ − γp. */
  static double[] candidate(double[] mean, double[] p, double gamma) {
    double[] m = new double[mean.length];
    for (int k = 0; k < m.length; k++) {
      m[k] = mean[k] - gamma * p[k];
    }
    return m;
  }

  static double squaredDistance(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      double r = a[k] - b[k];
      s += r * r;
    }
    return s;
  }
}
