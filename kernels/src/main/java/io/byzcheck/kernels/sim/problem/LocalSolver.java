package io.byzcheck.kernels.sim.problem;

import io.byzcheck.kernels.sim.Vectors;

/**
 * A worker's local empirical risk minimiser argmin_w F_i(w) (Yin Algorithm 2), by an inexact Newton method:
 * conjugate-gradient steps solved only to the relative residual η_k = min(½, ‖∇F_i(w_k)‖/‖∇F_i(w₀)‖)
 * (an Eisenstat &amp; Walker forcing term: far from the optimum a rough direction does as well, near it η_k → 0 in
 * proportion to the gradient, which keeps Newton's quadratic convergence), with backtracking. The stopping rule is
 * the exact method's; CG is Jacobi-preconditioned when the objective offers its Hessian's diagonal.
 */
public final class LocalSolver {
  /** Stop when ‖∇F_i‖ falls below this, relative to max(1, ‖∇F_i(w₀)‖). */
  public static final double GRADIENT_TOLERANCE = 1e-9;
  public static final int MAX_NEWTON_STEPS = 100;

  private LocalSolver() {}

  public static double[] minimise(Objective objective, double[] start) {
    int d = objective.dimension();
    double[] w = start.clone();
    double[] g = new double[d];
    double[] step = new double[d];
    double[] trial = new double[d];
    objective.gradient(w, g);
    double initial = Vectors.norm(g);
    double target = GRADIENT_TOLERANCE * Math.max(1, initial);
    for (int it = 0; it < MAX_NEWTON_STEPS; it++) {
      double norm = Vectors.norm(g);
      if (norm <= target) {
        return w;
      }
      double forcing = Math.min(0.5, norm / Math.max(initial, Double.MIN_NORMAL));
      ConjugateGradient.solve(objective.hessianAt(w), 0, g, step, Math.max(forcing, ConjugateGradient.TOLERANCE));
      double f0 = objective.loss(w);
      double slope = Vectors.dot(g, step);
      double t = 1;
      for (int back = 0; back < 50; back++) {
        for (int k = 0; k < d; k++) {
          trial[k] = w[k] - t * step[k];
        }
        if (objective.loss(trial) <= f0 - 1e-4 * t * slope) {
          break;
        }
        t /= 2;
      }
      System.arraycopy(trial, 0, w, 0, d);
      objective.gradient(w, g);
    }
    if (Vectors.norm(g) <= 1e3 * target) {
      return w;
    }
    throw new IllegalStateException("the local ERM did not converge in " + MAX_NEWTON_STEPS
        + " Newton steps (‖∇F_i‖ = " + Vectors.norm(g) + ")");
  }
}
