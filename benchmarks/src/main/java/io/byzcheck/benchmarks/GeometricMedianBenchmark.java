package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.rules.GeometricMedian;
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

/** Geometric median certified to a relative objective gap of 1e−6 (Weiszfeld in coefficient space). Read against {@link MeanBenchmark} from the same run. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx8g"})
@State(Scope.Benchmark)
public class GeometricMedianBenchmark {
  private final AggregationRule rule = GeometricMedian.certified(1e-6);

  @Benchmark
  public float[] geometricMedian(RoundState s) {
    rule.aggregate(s.x, (s.n - 1) / 4, s.out);
    return s.out;
  }
}
