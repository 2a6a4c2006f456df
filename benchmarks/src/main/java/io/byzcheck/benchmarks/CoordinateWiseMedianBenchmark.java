package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.CoordinateWiseMedianReference;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;
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
 * Coordinate-wise median (Yin Def. 1), SIMD and reference. Read against {@link MeanBenchmark} at equal
 * (n, d) from the same run: median/mean is the median's cost in units of memory bandwidth.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx8g"})
@State(Scope.Benchmark)
public class CoordinateWiseMedianBenchmark {
  private final AggregationRule median = new CoordinateWiseMedian();
  private final AggregationRule reference = new CoordinateWiseMedianReference();

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
