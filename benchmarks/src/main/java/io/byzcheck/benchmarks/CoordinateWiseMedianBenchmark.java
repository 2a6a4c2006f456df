package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.CoordinateWiseMedianReference;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Coordinate-wise median (Yin Def. 1): the SIMD rule ({@code aggregate}) and its plain double
 * reference ({@code reference}), on the same round.
 */
public class CoordinateWiseMedianBenchmark extends RuleBenchmark {
  private final AggregationRule reference = new CoordinateWiseMedianReference();

  @Override
  protected AggregationRule rule() {
    return new CoordinateWiseMedian();
  }

  @Benchmark
  public float[] reference(RoundState s) {
    reference.aggregate(s.x, 0, s.out);
    return s.out;
  }
}
