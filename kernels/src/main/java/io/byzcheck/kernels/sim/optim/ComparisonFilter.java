package io.byzcheck.kernels.sim.optim;

import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.sim.Session;
import io.byzcheck.kernels.sim.problem.Objective;
import java.util.Optional;

/**
 * The server-side test of Cao &amp; Lai eqs. (19) and (21) and of the comparison-based gradient descent
 * they compare with: accept worker j if ‖vⱼ − r‖ ≤ ξ‖r‖ for the server's own noisy estimate r
 * (from its clean sample S₀), and return (Σ_{accepted} vⱼ + r)/(1 + |A|). A non-finite message fails
 * the test and is counted as excluded.
 */
final class ComparisonFilter {
  int accepted;
  int excluded;
  private double[] reference = new double[0];

  /**
   * The gradient half shared by CNM and comparison-based GD: every worker sends ∇f̄⁽ʲ⁾(θ), the server
   * computes its own ∇f̄⁽⁰⁾(θ) on S₀ and keeps the filtered average (eq. (19) and the step after it).
   */
  void filteredGradient(Session session, int round, Objective s0, double[] theta, double xi, double[] out) {
    int d = theta.length;
    WorkerVectors gradients = session.exchange(round, d, (worker, g) -> worker.gradient(theta, g), Optional.empty(),
        0);
    if (reference.length != d) {
      reference = new double[d];
    }
    s0.gradient(theta, reference);
    average(gradients, reference, xi, out);
  }

  /** Writes the filtered average into {@code out}. */
  void average(WorkerVectors messages, double[] reference, double xi, double[] out) {
    int d = reference.length;
    double radius = xi * norm(reference);
    double[] sum = reference.clone();
    accepted = 0;
    excluded = 0;
    for (int j = 0; j < messages.n(); j++) {
      float[] row = messages.row(j);
      double s = 0;
      boolean finite = true;
      for (int k = 0; k < d; k++) {
        finite &= Float.isFinite(row[k]);
        double r = row[k] - reference[k];
        s += r * r;
      }
      if (!finite) {
        excluded++;
      } else if (Math.sqrt(s) <= radius) {
        accepted++;
        for (int k = 0; k < d; k++) {
          sum[k] += row[k];
        }
      }
    }
    for (int k = 0; k < d; k++) {
      out[k] = sum[k] / (1 + accepted);
    }
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
