package io.byzcheck.kernels.sim.optim;

import io.byzcheck.kernels.sim.Vectors;

/** The step and the projection shared by the optimizers. */
final class Steps {
  private Steps() {}

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
