package io.byzcheck.benchmarks;

import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.parallel.ParallelAggregation;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One round ({@link RoundState#gaussian}) at the large d the parallel layer is for, and a thread count:
 * {@code threads} = 1 (the caller's thread only) or {@code all} ({@link Runtime#availableProcessors()}).
 * Holds the {@link ParallelAggregation} of that count, made once per trial and closed after it.
 */
@State(Scope.Benchmark)
public class ParallelRoundState {
  @Param({"5", "15", "31", "64"})
  public int n;

  @Param({"1000000", "10000000"})
  public int d;

  @Param({"1", "all"})
  public String threads;

  public WorkerVectors x;
  public float[] out;
  public ParallelAggregation parallel;
  /** The resolved thread count. */
  public int threadCount;

  @Setup(Level.Trial)
  public void setUp() {
    x = RoundState.gaussian(n, d, 0, 0);
    out = new float[d];
    threadCount = threadCount(threads);
    parallel = ParallelAggregation.withThreads(threadCount);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    parallel.close();
  }

  static int threadCount(String threads) {
    return "all".equals(threads) ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads);
  }
}
