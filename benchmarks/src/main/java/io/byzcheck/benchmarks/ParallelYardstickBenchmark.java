package io.byzcheck.benchmarks;

import io.byzcheck.kernels.parallel.ParallelAggregation;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The parallel yardstick: the round's n·d floats read once ({@link Yardstick#sum(float[][], int, int)}) by the
 * same number of threads as the parallel rule beside it, each summing its contiguous block of coordinates of
 * every row (the split {@code ParallelAggregation} makes). At {@code threads} = all it approaches the machine's
 * total memory bandwidth, so a rule's time over this one at the same (n, d, threads) says how near that limit
 * the rule gets; at 1 it is {@link YardstickBenchmark}.
 */
public class ParallelYardstickBenchmark extends Settings {

  /** The helper threads (threads − 1; the caller reads the first block) and their futures, made once per trial. */
  @State(Scope.Benchmark)
  public static class Helpers {
    ExecutorService executor;
    Future<?>[] futures;
    double[] sums;

    @Setup(Level.Trial)
    public void setUp(ParallelRoundState s) {
      int t = s.threadCount;
      executor = t > 1 ? Executors.newFixedThreadPool(t - 1) : null;
      futures = new Future<?>[t];
      sums = new double[t];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      if (executor != null) {
        executor.shutdownNow();
      }
    }
  }

  @Benchmark
  public void sum(ParallelRoundState s, Helpers h, Blackhole bh) throws Exception {
    float[][] rows = s.x.liveRows();
    int t = s.threadCount;
    int d = s.d;
    for (int c = 1; c < t; c++) {
      int chunk = c;
      h.futures[c] = h.executor.submit(() -> h.sums[chunk] = Yardstick.sum(rows, start(d, t, chunk), start(d, t, chunk + 1)));
    }
    double total = Yardstick.sum(rows, 0, start(d, t, 1));
    for (int c = 1; c < t; c++) {
      h.futures[c].get();
      total += h.sums[c];
    }
    bh.consume(total);
  }

  /** The parallel layer's own split into t blocks. */
  private static int start(int d, int t, int c) {
    return ParallelAggregation.blockStart(d, t, c);
  }
}
