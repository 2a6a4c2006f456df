package io.byzcheck.kernels.sim.optim;

import io.byzcheck.kernels.sim.Vectors;

/** Parameter checks and the projection shared by the optimizers. */
final class Steps {
  private Steps() {}

  static void requirePositive(double value, String what) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(what + " must be finite and > 0, got " + value);
    }
  }

  static void requireIterations(int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("the number of iterations T must be ≥ 1, got " + iterations);
    }
  }

  /** The declared f, or ⌈m/2⌉ − 1 (the most any f &lt; m/2 rule accepts) when −1. */
  static int declaredF(int declared, int workers) {
    if (declared == -1) {
      return (workers - 1) / 2;
    }
    if (declared < 0 || declared >= workers) {
      throw new IllegalArgumentException("the declared f must satisfy 0 ≤ f < m = " + workers + " (or −1 for the "
          + "largest the rule accepts), got " + declared);
    }
    return declared;
  }

  /** x ← Π_{B(centre, r)}(x), Euclidean projection onto the ball (no-op for r = ∞). */
  static void projectOntoBall(double[] x, double[] centre, double radius) {
    if (Double.isInfinite(radius)) {
      return;
    }
    double[] diff = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      diff[k] = x[k] - centre[k];
    }
    double norm = Vectors.norm(diff);
    if (norm > radius) {
      for (int k = 0; k < x.length; k++) {
        x[k] = centre[k] + diff[k] * (radius / norm);
      }
    }
  }
}
