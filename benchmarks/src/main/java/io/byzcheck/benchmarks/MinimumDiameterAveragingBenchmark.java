package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.rules.MinimumDiameterAveraging;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exact MDA (RESAM C.2) at n = 25, f = 5: C(25, 5) = 53 130 subsets, found by branch and bound on the
 * Gram distances. Five far Byzantine vectors among 20 honest ones; read against the mean at n = 25.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx8g"})
@State(Scope.Benchmark)
public class MinimumDiameterAveragingBenchmark {
  @Param({"1000000"})
  public int d;

  private final AggregationRule mda = new MinimumDiameterAveraging();
  private WorkerVectors x;
  private float[] out;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(42);
    float[][] rows = new float[25][d];
    for (int i = 0; i < 25; i++) {
      double offset = i < 20 ? 0 : 5;
      for (int k = 0; k < d; k++) {
        rows[i][k] = (float) (1.0 + offset + rnd.nextGaussian());
      }
    }
    x = WorkerVectors.wrap(rows);
    out = new float[d];
  }

  @Benchmark
  public float[] mda() {
    mda.aggregate(x, 5, out);
    return out;
  }
}
