package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.rules.Mean;
import io.byzcheck.kernels.rules.NearestNeighbourMixing;
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

/** Nearest-neighbour mixing followed by the mean: the Gram matrix plus one blocked mixing pass. Read against {@link MeanBenchmark} from the same run. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx8g"})
@State(Scope.Benchmark)
public class NearestNeighbourMixingBenchmark {
  private final AggregationRule rule = new NearestNeighbourMixing().then(new Mean());

  @Benchmark
  public float[] nnmThenMean(RoundState s) {
    rule.aggregate(s.x, (s.n - 1) / 4, s.out);
    return s.out;
  }
}
