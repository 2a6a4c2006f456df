package io.byzcheck.theory.resam;

import io.byzcheck.theory.Admissibility;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.TheoryValidation;
import io.byzcheck.theory.VectorMath;

/**
 * Farhadkhani et al. 2022, Algorithm 1 (RES-ALG1): honest workers send m_t = βm_{t−1} + (1−β)g_t with
 * m₀ = 0 and β ∈ [0, 1); the server sets θ_{t+1} = θ_t − γ_t·F(m_t⁽¹⁾..m_t⁽ⁿ⁾) and outputs a θ_t drawn
 * uniformly from {θ₁..θ_T}. Unrolled, m_t = (1−β)Σ_{s=1}^t β^{t−s}g_s ({@link #unrolled}). Theorem 1's
 * momentum is β = √(1 − 24γL), real once 24γL ≤ 1 ({@link #theorem1Beta}).
 */
public final class DistributedMomentum {
  public static final Citation CITATION = new Citation("RES-ALG1", "RES", "§3.3, Algorithm 1; equations (5)–(6)");

  private DistributedMomentum() {}

  /** m_t = βm_{t−1} + (1−β)g_t. */
  public static double[] momentum(double[] previous, double[] gradient, double beta) {
    requireBeta(beta);
    if (previous.length != gradient.length || previous.length == 0) {
      throw new IllegalArgumentException("Algorithm 1 needs m_{t−1} and g_t of one dimension d ≥ 1");
    }
    double[] m = new double[previous.length];
    for (int k = 0; k < m.length; k++) {
      m[k] = beta * previous[k] + (1 - beta) * gradient[k];
    }
    return m;
  }

  /** m_T from m₀ = 0 and g₁..g_T, by the closed form (1−β)Σ_{s=1}^T β^{T−s}g_s. */
  public static double[] unrolled(double[][] gradients, double beta) {
    requireBeta(beta);
    int d = VectorMath.requireRectangular(gradients, "Algorithm 1");
    int t = gradients.length;
    double[] m = new double[d];
    for (int s = 1; s <= t; s++) {
      double w = (1 - beta) * Math.pow(beta, t - s);
      for (int k = 0; k < d; k++) {
        m[k] += w * gradients[s - 1][k];
      }
    }
    return m;
  }

  /** θ_{t+1} = θ_t − γ_t·F(m_t), γ_t &gt; 0. */
  public static double[] serverStep(double[] theta, double gamma, double[] aggregate) {
    TheoryValidation.checkPositive(CITATION, "learning rate γ_t", gamma);
    if (theta.length != aggregate.length) {
      throw new IllegalArgumentException("Algorithm 1 needs θ_t and F(m_t) of one dimension");
    }
    double[] next = new double[theta.length];
    for (int k = 0; k < next.length; k++) {
      next[k] = theta[k] - gamma * aggregate[k];
    }
    return next;
  }

  /** Theorem 1's β = √(1 − 24γL), needing γ &gt; 0, L &gt; 0 and 24γL ≤ 1. */
  public static double theorem1Beta(double gamma, double l) {
    Admissibility.of(CITATION)
        .require("γ > 0", gamma > 0, "γ = " + gamma)
        .require("L > 0", l > 0, "L = " + l)
        .require("24γL ≤ 1", 24 * gamma * l <= 1, "24γL = " + 24 * gamma * l)
        .orThrow();
    return Math.sqrt(1 - 24 * gamma * l);
  }

  private static void requireBeta(double beta) {
    TheoryValidation.check(CITATION, beta >= 0 && beta < 1, "a momentum coefficient β ∈ [0, 1)", "β = " + beta);
  }
}
