package io.byzcheck.benchmarks.control;

import io.byzcheck.benchmarks.RoundState;
import io.byzcheck.benchmarks.Settings;
import io.byzcheck.benchmarks.Yardstick;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Negative control of the regression tool: the coordinate-wise median with one extra read of its
 * whole input before it (a yardstick pass), i.e. a regression of about one yardstick per call. The
 * tool's {@code --control} runs it in place of {@code CoordinateWiseMedianBenchmark.aggregate} (same
 * rule, same f = ⌊(n−1)/4⌋, same round) and must flag that benchmark REGRESSED.
 */
public class SlowedMedianBenchmark extends Settings {
  private final CoordinateWiseMedian median = new CoordinateWiseMedian();

  /** The extra pass's sum, kept so that C2 cannot drop the pass. */
  private double sink;

  @Benchmark
  public float[] aggregate(RoundState s) {
    sink += Yardstick.sum(s.x.liveRows());
    median.aggregate(s.x, (s.n - 1) / 4, s.out);
    return s.out;
  }
}
