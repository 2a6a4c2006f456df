package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One aggregation rule on one round ({@link RoundState}), into the caller's buffer. Subclasses name the
 * rule and its f; the settings here are inherited (JMH sample 24, inheritance). Read every result as a
 * ratio to {@link MeanBenchmark} at the same (n, d) from the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx12g"})
@State(Scope.Benchmark)
public abstract class RuleBenchmark {
  private final AggregationRule rule = rule();

  /** The rule under measurement. */
  protected abstract AggregationRule rule();

  /** The f it is called with at n workers. */
  protected int f(int n) {
    return (n - 1) / 4;
  }

  @Benchmark
  public float[] aggregate(RoundState s) {
    rule.aggregate(s.x, f(s.n), s.out);
    return s.out;
  }
}
