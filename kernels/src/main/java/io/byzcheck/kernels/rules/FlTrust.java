package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.FiniteWorkers;
import io.byzcheck.kernels.ServerGuidedRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * FLTrust, Cao, Fang, Liu &amp; Gong 2021 (NDSS, "FLTrust: Byzantine-robust Federated Learning via Trust
 * Bootstrapping", Alg. 1 and eqs. (2)–(4)): with the server's own update g₀ from its clean root sample,
 * <ul>
 *   <li>trust score TSᵢ = ReLU(cos(gᵢ, g₀)) (eq. 2; a zero gᵢ or g₀ has cosine 0, so no trust);</li>
 *   <li>ḡᵢ = (‖g₀‖/‖gᵢ‖)·gᵢ, each update rescaled to the server's norm (eq. 3);</li>
 *   <li>g = Σᵢ TSᵢ·ḡᵢ / Σᵢ TSᵢ (eq. 4); when no worker earns trust (Σ TSᵢ = 0) the zero vector, no step — the
 *       paper leaves 0/0 open; this is the policy.</li>
 * </ul>
 * FLTrust takes no f: f only bounds the non-finite workers the screen may exclude ({@link FiniteWorkers}).
 * The result is a combination Σ βᵢgᵢ with βᵢ = TSᵢ‖g₀‖/(‖gᵢ‖ΣTS) written in one pass ({@link ScaledCombination});
 * the norms come from the Gram kernels' vectorised pass, the n inner products with g₀ from one double loop. Its
 * norm is at most ‖g₀‖; a g₀ so large that a coordinate of g overflows float32 is an error, not ±∞.
 */
public final class FlTrust implements ServerGuidedRule {
  private static final String WHO = "FLTrust (Cao et al. 2021)";

  @Override
  public String name() {
    return "FLTrust";
  }

  @Override
  public void aggregate(WorkerVectors x, float[] server, int f, float[] out) {
    FiniteWorkers s = FiniteWorkers.screen(x, f, out);
    validateServer(server, x.d());
    float[][] rows = Rows.of(s.vectors());
    int n = rows.length;
    double[] sq = new double[n];
    VectorizationProvider.getInstance().gramKernel().squaredNorms(rows, sq);
    double g0 = norm(server);
    double[] beta = new double[n];
    double trust = 0;
    for (int i = 0; i < n; i++) {
      double ni = Math.sqrt(sq[i]);
      double ts = ni > 0 && g0 > 0 ? Math.max(0, dot(rows[i], server) / (ni * g0)) : 0;
      trust += ts;
      beta[i] = ts > 0 ? ts * (g0 / ni) : 0;
    }
    if (trust > 0) {
      for (int i = 0; i < n; i++) {
        beta[i] /= trust;
      }
    }
    ScaledCombination.write(rows, beta, out);
    requireRepresentable(out, g0);
  }

  /** The server's vector: present, of length d, finite. */
  public static void validateServer(float[] server, int d) {
    if (server == null || server.length != d) {
      throw Checks.failure(WHO, "the server's vector g₀ of length d = " + d, "length",
          server == null ? "null" : server.length);
    }
    for (int k = 0; k < server.length; k++) {
      if (!Float.isFinite(server[k])) {
        throw Checks.failure(WHO, "a finite server vector g₀ (the server's own, trusted update)", "g₀[" + k + "]",
            server[k]);
      }
    }
  }

  /** A coordinate beyond float32 (‖g₀‖ near Float.MAX_VALUE·√d) is reported, not returned as ±∞. */
  public static void requireRepresentable(float[] out, double serverNorm) {
    for (int k = 0; k < out.length; k++) {
      if (!Float.isFinite(out[k])) {
        throw Checks.failure(WHO, "an aggregate within float32 range (its norm is ‖g₀‖)", "‖g₀‖", serverNorm);
      }
    }
  }

  private static double norm(float[] v) {
    double s = 0;
    for (float e : v) {
      s += (double) e * e;
    }
    return Math.sqrt(s);
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += (double) a[k] * b[k];
    }
    return s;
  }
}
