package io.byzcheck.kernels.sim.problem;

import io.byzcheck.kernels.sim.Vectors;

/**
 * Solves (∇²f̄(θ) + μI)·v = b by conjugate gradients on Hessian-vector products: the local Newton
 * direction H̃ⱼ⁻¹g of GIANT, MNM and CNM (Cao &amp; Lai eqs. (7), (10), (20)) without forming a d×d
 * matrix. Exact after d steps in exact arithmetic; stops earlier on a relative residual.
 */
public final class ConjugateGradient {
  /** Relative residual ‖b − Av‖/‖b‖ at which the solve stops. */
  public static final double TOLERANCE = 1e-10;

  private ConjugateGradient() {}

  /**
   * Writes v into {@code out}.
   *
   * @throws IllegalStateException if the operator is not positive definite along a search direction
   *     (a singular local Hessian with μ = 0), naming the curvature found
   */
  public static void solve(Objective objective, double[] theta, double mu, double[] b, double[] out) {
    int d = b.length;
    java.util.Arrays.fill(out, 0);
    double[] r = b.clone();
    double[] p = b.clone();
    double[] ap = new double[d];
    double rr = Vectors.dot(r, r);
    double stop = TOLERANCE * TOLERANCE * rr;
    for (int it = 0; it < 2 * d + 10 && rr > stop; it++) {
      objective.hessianVector(theta, p, ap);
      Vectors.axpy(mu, p, ap);
      double curvature = Vectors.dot(p, ap);
      if (!(curvature > 0)) {
        throw new IllegalStateException("the local Hessian + μI is not positive definite (pᵀAp = " + curvature
            + " with μ = " + mu + "); use μ > 0 or more samples per worker");
      }
      double step = rr / curvature;
      Vectors.axpy(step, p, out);
      Vectors.axpy(-step, ap, r);
      double next = Vectors.dot(r, r);
      double beta = next / rr;
      for (int k = 0; k < d; k++) {
        p[k] = r[k] + beta * p[k];
      }
      rr = next;
    }
  }
}
