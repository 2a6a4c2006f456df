package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.ScreeningRule;
import io.byzcheck.kernels.FiniteWorkers;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.vectorization.CentredGram;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * Centered clipping, CC (Karimireddy et al. 2021; RESAM Appendix C.8):
 * v_l = v_{l−1} + (1/n)Σᵢ(xᵢ − v_{l−1})·min{1, τ/‖xᵢ − v_{l−1}‖}, l = 1..L, from an explicit v₀; output v_L.
 * Runs in coefficient space over {x₁, …, xₙ, v₀}. Not known to be resilient averaging without side
 * information (RESAM C.8).
 */
public final class CenteredClipping extends ScreeningRule {
  private final double tau;
  private final int iterations;
  private final float[] v0; // null: the zero vector

  private CenteredClipping(double tau, int iterations, float[] v0) {
    if (!(tau > 0) || Double.isInfinite(tau)) {
      throw new IllegalArgumentException("centered clipping needs a clipping radius τ > 0, got τ = " + tau);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("centered clipping needs L ≥ 1 iterations, got L = " + iterations);
    }
    this.tau = tau;
    this.iterations = iterations;
    this.v0 = v0;
  }

  /** Starting from v₀ = 0. */
  public static CenteredClipping fromZero(double tau, int iterations) {
    return new CenteredClipping(tau, iterations, null);
  }

  /** Starting from the given v₀ (e.g. the previous round's aggregate); must be finite. */
  public static CenteredClipping from(float[] v0, double tau, int iterations) {
    if (!FiniteWorkers.allFinite(v0)) {
      throw new IllegalArgumentException("centered clipping's starting point v₀ must be finite");
    }
    return new CenteredClipping(tau, iterations, v0.clone());
  }

  @Override
  public String name() {
    return "CC(τ=" + tau + ", L=" + iterations + ")";
  }

  @Override
  protected void aggregateFinite(WorkerVectors x, int f, float[] out) {
    float[][] finite = Rows.of(x);
    int n = finite.length;
    if (v0 != null && v0.length != out.length) {
      throw new IllegalArgumentException("v₀ has length " + v0.length + " but d = " + out.length);
    }
    float[][] rows = java.util.Arrays.copyOf(finite, n + 1);
    rows[n] = v0 != null ? v0 : new float[out.length];
    CentredGram g = VectorizationProvider.getInstance().gramKernel().centredGram(rows);
    double[] beta = new double[n + 1];
    beta[n] = 1;
    for (int l = 0; l < iterations; l++) {
      double q = g.quadratic(beta);
      double[] gb = g.times(beta);
      double[] c = new double[n];
      double sumC = 0;
      for (int i = 0; i < n; i++) {
        double dist = Math.sqrt(g.squaredDistanceTo(q, gb, i));
        c[i] = dist <= tau ? 1 : tau / dist;
        sumC += c[i];
      }
      for (int j = 0; j <= n; j++) {
        beta[j] *= 1 - sumC / n;
      }
      for (int i = 0; i < n; i++) {
        beta[i] += c[i] / n;
      }
    }
    Combination.write(rows, beta, out);
  }
}
