package io.byzcheck.kernels.sim.problem;

import io.byzcheck.kernels.sim.Vectors;

/**
 * Solves (∇²f̄(θ) + μI)·v = b by conjugate gradients on Hessian-vector products: the local Newton
 * direction H̃ⱼ⁻¹g of GIANT, MNM and CNM (Cao &amp; Lai eqs. (7), (10), (20)) without forming a d×d
 * matrix. Exact after d steps in exact arithmetic; stops earlier on a relative residual. When the objective
 * offers its Hessian's diagonal ({@link Objective.HessianOperator#diagonal}), CG is preconditioned by it
 * (Jacobi): the same solution, fewer products on badly scaled problems (softmax regression on MNIST).
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
    solve(objective.hessianAt(theta), mu, b, out, TOLERANCE);
  }

  /**
   * As {@link #solve(Objective, double[], double, double[], double[])} on an operator, stopping at the relative
   * residual {@code tolerance} (an inexact Newton step's forcing term); returns the number of products used.
   */
  public static int solve(Objective.HessianOperator a, double mu, double[] b, double[] out, double tolerance) {
    int d = b.length;
    java.util.Arrays.fill(out, 0);
    double[] diag = a.diagonal();
    double[] r = b.clone();
    double[] z = precondition(diag, mu, r);
    double[] p = z.clone();
    double[] ap = new double[d];
    double rz = Vectors.dot(r, z);
    double stop = tolerance * tolerance * Vectors.dot(r, r);
    int it = 0;
    for (; it < 2 * d + 10 && Vectors.dot(r, r) > stop; it++) {
      a.apply(p, ap);
      Vectors.axpy(mu, p, ap);
      double curvature = Vectors.dot(p, ap);
      if (!(curvature > 0)) {
        throw new IllegalStateException("the local Hessian + μI is not positive definite (pᵀAp = " + curvature
            + " with μ = " + mu + "); use μ > 0 or more samples per worker");
      }
      double step = rz / curvature;
      Vectors.axpy(step, p, out);
      Vectors.axpy(-step, ap, r);
      z = diag == null ? r : precondition(diag, mu, r);
      double next = Vectors.dot(r, z);
      double beta = next / rz;
      for (int k = 0; k < d; k++) {
        p[k] = z[k] + beta * p[k];
      }
      rz = next;
    }
    return it;
  }

  /** M⁻¹r with M = diag + μI, or r itself without a diagonal (then CG is the plain method). */
  private static double[] precondition(double[] diag, double mu, double[] r) {
    if (diag == null) {
      return r.clone();
    }
    double[] z = new double[r.length];
    for (int k = 0; k < r.length; k++) {
      double m = diag[k] + mu;
      z[k] = m > 0 ? r[k] / m : r[k];
    }
    return z;
  }
}
