package io.byzcheck.kernels.reference;

import io.byzcheck.kernels.FiniteWorkers;
import io.byzcheck.kernels.ServerGuidedRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.rules.FlTrust;

/**
 * FLTrust from Cao et al. 2021 (NDSS, eqs. (2)–(4)), in double, straight from the definition: TSᵢ =
 * max{0, ⟨gᵢ, g₀⟩/(‖gᵢ‖‖g₀‖)} (0 for a zero vector), ḡᵢ = gᵢ‖g₀‖/‖gᵢ‖, g = ΣTSᵢḡᵢ/ΣTSᵢ, the zero vector when
 * ΣTSᵢ = 0 ({@link FlTrust}'s policy).
 */
public final class FlTrustReference implements ServerGuidedRule {

  @Override
  public String name() {
    return "FLTrust (reference)";
  }

  /** g for finite workers x and the server's g₀. */
  public double[] aggregateExact(double[][] x, double[] server) {
    int d = server.length;
    double g0 = Geometry.norm(server);
    double[] sum = new double[d];
    double trust = 0;
    for (double[] g : x) {
      double ng = Geometry.norm(g);
      if (ng == 0 || g0 == 0) {
        continue;
      }
      double dot = 0;
      for (int k = 0; k < d; k++) {
        dot += g[k] * server[k];
      }
      double ts = Math.max(0, dot / (ng * g0));
      trust += ts;
      for (int k = 0; k < d; k++) {
        sum[k] += ts * g[k] * g0 / ng;
      }
    }
    if (trust > 0) {
      for (int k = 0; k < d; k++) {
        sum[k] /= trust;
      }
    }
    return sum;
  }

  @Override
  public void aggregate(WorkerVectors x, float[] server, int f, float[] out) {
    FiniteWorkers s = FiniteWorkers.screen(x, f, out);
    FlTrust.validateServer(server, x.d());
    double[] g0 = new double[server.length];
    for (int k = 0; k < g0.length; k++) {
      g0[k] = server[k];
    }
    double[] r = aggregateExact(s.vectors().toDoubles(), g0);
    for (int k = 0; k < out.length; k++) {
      out[k] = (float) r[k];
    }
    FlTrust.requireRepresentable(out, Geometry.norm(g0));
  }
}
