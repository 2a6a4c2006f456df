package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.SignGuardReference;
import io.byzcheck.kernels.rules.SignGuard;

/**
 * SignGuard (Xu et al. 2022), f = ⌊(n−1)/4⌋ (used only by the non-finite screen): the round's hash, the norms' pass,
 * sign counts on a block of d/10 coordinates, the mean shift on n points, the clipped mean; reference: in double.
 */
public class SignGuardBenchmark extends RuleBenchmark {
  private static final long SEED = 20261202L;

  @Override
  protected AggregationRule rule() {
    return SignGuard.seeded(SEED);
  }

  @Override
  protected AggregationRule reference() {
    return new SignGuardReference(SEED);
  }
}
