package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.FiniteWorkers;
import io.byzcheck.kernels.ScreeningRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.internal.vectorization.CentredGram;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * Centred clipping, CC (Karimireddy et al. 2021; RESAM Appendix C.8):
 * v_l = v_{l−1} + (1/n)Σᵢ(xᵢ − v_{l−1})·min{1, τ/‖xᵢ − v_{l−1}‖}, l = 1..L, from an explicit v₀; output v_L.
 * Runs in coefficient space over {x₁, …, xₙ, v₀}. Not known to be resilient averaging without side
 * information (RESAM C.8).
 */
public final class CentredClipping extends ScreeningRule {
  private static final String WHO = "centred clipping (Karimireddy et al. 2021)";
  private final double tau;
  private final int iterations;
  private final float[] v0; // null: the zero vector

  private CentredClipping(double tau, int iterations, float[] v0) {
    Checks.positive(WHO, "the clipping radius τ", tau);
    Checks.atLeast(WHO, "the number of iterations L", iterations, 1);
    this.tau = tau;
    this.iterations = iterations;
    this.v0 = v0;
  }

  /** Starting from v₀ = 0. */
  public static CentredClipping fromZero(double tau, int iterations) {
    return new CentredClipping(tau, iterations, null);
  }

  /** Starting from the given v₀ (e.g. the previous round's aggregate); must be finite. */
  public static CentredClipping from(float[] v0, double tau, int iterations) {
    Checks.require(FiniteWorkers.allFinite(v0), WHO, "a finite starting point v₀", "v₀", "not finite");
    return new CentredClipping(tau, iterations, v0.clone());
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
      throw Checks.failure(WHO, "v₀ of length d", "v₀.length", v0.length, "d", out.length);
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
