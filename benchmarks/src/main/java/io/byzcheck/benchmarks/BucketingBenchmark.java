package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.BucketingReference;
import io.byzcheck.kernels.reference.MeanReference;
import io.byzcheck.kernels.rules.Bucketing;
import io.byzcheck.kernels.rules.Mean;

/** Bucketing with s = 2 (Karimireddy, He &amp; Jaggi 2022) then the mean: one averaging pass writing ⌈n/2⌉ rows, then the mean. */
public class BucketingBenchmark extends RuleBenchmark {
  @Override
  protected AggregationRule rule() {
    return new Bucketing(2, 42).then(new Mean());
  }

  @Override
  protected AggregationRule reference() {
    return new BucketingReference(2, 42).then(new MeanReference());
  }
}
