package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.CoordinateWiseMedianReference;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;
import io.byzcheck.kernels.rules.Mean;
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
 * Coordinate-wise median (Yin Def. 1), SIMD and reference, beside the SIMD mean of the same data:
 * the mean streams the same n·d floats once, so median/mean is the median's cost in units of
 * memory bandwidth. Read the three at equal (n, d) from one run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx8g"})
@State(Scope.Benchmark)
public class CoordinateWiseMedianBenchmark {
  private final AggregationRule mean = new Mean();
  private final AggregationRule median = new CoordinateWiseMedian();
  private final AggregationRule reference = new CoordinateWiseMedianReference();

  @Benchmark
  public float[] simdMean(RoundState s) {
    mean.aggregate(s.x, 0, s.out);
    return s.out;
  }

  @Benchmark
  public float[] simdMedian(RoundState s) {
    median.aggregate(s.x, 0, s.out);
    return s.out;
  }

  @Benchmark
  public float[] referenceMedian(RoundState s) {
    reference.aggregate(s.x, 0, s.out);
    return s.out;
  }
}
