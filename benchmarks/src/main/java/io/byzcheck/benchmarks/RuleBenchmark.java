package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * One aggregation rule on one round ({@link RoundState}), into the caller's buffer ({@code aggregate}),
 * and its plain double reference on a round of its own dimension ({@link ReferenceRoundState},
 * {@code reference}). Subclasses name the rule, its reference and its f. Read {@code aggregate} as a
 * ratio to {@link YardstickBenchmark} at the same (n, d) from the same run.
 */
public abstract class RuleBenchmark extends Settings {
  private final AggregationRule rule = rule();
  private final AggregationRule reference = reference();

  /** The rule under measurement. */
  protected abstract AggregationRule rule();

  /** Its plain reference implementation (double, from the paper's definition). */
  protected abstract AggregationRule reference();

  /** The f it is called with at n workers. */
  protected int f(int n) {
    return (n - 1) / 4;
  }

  @Benchmark
  public float[] aggregate(RoundState s) {
    rule.aggregate(s.x, f(s.n), s.out);
    return s.out;
  }

  @Benchmark
  public float[] reference(ReferenceRoundState s) {
    reference.aggregate(s.x, f(s.n), s.out);
    return s.out;
  }
}
