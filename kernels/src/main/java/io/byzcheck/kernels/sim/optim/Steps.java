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

  /** next = θ − η·direction. */
  static void descend(double[] theta, double eta, float[] direction, double[] next) {
    for (int k = 0; k < theta.length; k++) {
      next[k] = theta[k] - eta * direction[k];
    }
  }

  /** next = θ − η·direction. */
  static void descend(double[] theta, double eta, double[] direction, double[] next) {
    for (int k = 0; k < theta.length; k++) {
      next[k] = theta[k] - eta * direction[k];
    }
  }

  /** x ← Π_{B(centre, r)}(x), Euclidean projection onto the ball (no-op for r = ∞); an empty centre is the origin. */
  static void projectOntoBall(double[] x, double[] centre, double radius) {
    if (Double.isInfinite(radius)) {
      return;
    }
    double[] diff = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      diff[k] = x[k] - (centre.length == 0 ? 0 : centre[k]);
    }
    double norm = Vectors.norm(diff);
    if (norm > radius) {
      for (int k = 0; k < x.length; k++) {
        x[k] = (centre.length == 0 ? 0 : centre[k]) + diff[k] * (radius / norm);
      }
    }
  }
}
