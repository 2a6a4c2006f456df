package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.FlTrustReference;
import io.byzcheck.kernels.rules.FlTrust;

/**
 * FLTrust (Cao et al. 2021) with the server's vector g₀ = worker 0's (a stand-in of the same size: the server's own
 * update costs the same to read), f = ⌊(n−1)/4⌋ (the screen's): the norms' pass, n inner products with g₀, one
 * combination pass; reference: in double.
 */
public class FlTrustBenchmark extends RuleBenchmark {
  @Override
  protected AggregationRule rule() {
    return new FlTrust().withServerVector("worker 0", x -> x.row(0));
  }

  @Override
  protected AggregationRule reference() {
    return new FlTrustReference().withServerVector("worker 0", x -> x.row(0));
  }
}
