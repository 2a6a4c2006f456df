package io.byzcheck.kernels;

/**
 * A rule that also reads a reference vector the server computed itself, from its own clean sample: FLTrust's
 * server update g₀ (Cao, Fang, Liu &amp; Gong 2021, NDSS, Alg. 1), the counterpart of the server sample S₀ of Cao
 * &amp; Lai's methods in the simulator ({@code Cluster#serverSample}). The server's vector is trusted: a NaN or ±∞
 * coordinate in it, or a length other than d, is an {@link IllegalArgumentException}; the workers' vectors follow
 * the non-finite policy of every rule ({@link FiniteWorkers}).
 */
public interface ServerGuidedRule {

  /** Short name as in the paper's tables, e.g. "FLTrust". */
  String name();

  /**
   * Aggregates the n workers' vectors of {@code x}, at most f of them Byzantine, guided by the server's own vector
   * {@code server} (length d), into {@code out} (length d). The caller's arrays are not modified.
   */
  void aggregate(WorkerVectors x, float[] server, int f, float[] out);

  /**
   * This rule with the server's vector made a function of the round's input ({@code server.apply(x)}), as an
   * {@link AggregationRule} for code written against that interface: a simulator whose server keeps no sample of
   * its own, or the property checks, which search over x alone.
   */
  default AggregationRule withServerVector(String label, java.util.function.Function<WorkerVectors, float[]> server) {
    ServerGuidedRule rule = this;
    String name = rule.name() + " (g₀ = " + label + ")";
    return new AggregationRule() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void aggregate(WorkerVectors x, int f, float[] out) {
        FiniteWorkers.requireInput(x);
        rule.aggregate(x, server.apply(x), f, out);
      }
    };
  }
}
