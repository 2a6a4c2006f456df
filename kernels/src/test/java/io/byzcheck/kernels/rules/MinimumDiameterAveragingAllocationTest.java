package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.byzcheck.kernels.WorkerVectors;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * MDA allocates nothing in steady state when the caller supplies the output buffer: bytes allocated by
 * the current thread (HotSpot's per-thread counter) around repeated calls, after a warm-up.
 */
class MinimumDiameterAveragingAllocationTest {
  private static final int CALLS = 20;
  /** At most 10 000 calls: a few seconds for MDA, reached only when it allocates. */
  private static final int MAX_WINDOWS = 500;

  /** Keeps the negative control's arrays reachable, so escape analysis cannot remove them. */
  private static volatile Object sink;

  @Test
  void aggregateAllocatesNothingOnceWarm() {
    SplittableRandom rnd = new SplittableRandom(7);
    check(clustered(rnd, 25, 5, 1000), 5);
    check(clustered(rnd, 12, 3, 1000), 3);
    // Ten identical workers: their subsets of nine tie exactly, so the ranking Gram cannot certify one
    // and the search is repeated on the double Gram.
    float[][] rows = clustered(rnd, 12, 3, 1000);
    for (int i = 1; i < 10; i++) {
      rows[i] = rows[0].clone();
    }
    check(rows, 3);
  }

  /** Controls: the harness adds nothing of its own, and it does see an allocation (4 016 bytes measured). */
  @Test
  void theMeasurementSeesAllocation() {
    assertThat(bytesPerCall(() -> {})).isZero();
    assertThat(bytesPerCall(() -> sink = new float[1000])).isGreaterThanOrEqualTo(4000);
  }

  private static void check(float[][] rows, int f) {
    WorkerVectors x = WorkerVectors.wrap(rows);
    float[] out = new float[rows[0].length];
    MinimumDiameterAveraging mda = new MinimumDiameterAveraging();
    double perCall = bytesPerCall(() -> mda.aggregate(x, f, out));
    assertThat(perCall).as("bytes per aggregate call, n = %d, f = %d", rows.length, f).isZero();
  }

  /**
   * Bytes the current thread allocates per run of {@code r} once the JIT has compiled it: the least
   * average over windows of {@link #CALLS} runs, stopping at the first window that allocates nothing.
   * Measured: until C2 has compiled the Vector API kernels of the Gram, their vectors are real objects
   * (megabytes a call), which took 900 to 1 800 calls here and takes more on a loaded machine; so a
   * fixed warm-up would be flaky, while a rule that allocates on every call does so in every window.
   * Once compiled the count is exactly 0, so no slack is allowed (a 16-byte lambda per call was caught).
   */
  static double bytesPerCall(Runnable r) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported(), "no per-thread allocation counter on this JVM");
    threads.setThreadAllocatedMemoryEnabled(true);
    double least = Double.POSITIVE_INFINITY;
    for (int window = 0; window < MAX_WINDOWS && least > 0; window++) {
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < CALLS; i++) {
        r.run();
      }
      least = Math.min(least, (double) (threads.getCurrentThreadAllocatedBytes() - before) / CALLS);
    }
    return least;
  }

  /** n − f Gaussian workers around 1 and f far ones around 6, as in the JMH benchmark. */
  private static float[][] clustered(SplittableRandom rnd, int n, int f, int d) {
    float[][] rows = new float[n][d];
    for (int i = 0; i < n; i++) {
      double offset = i < n - f ? 0 : 5;
      for (int k = 0; k < d; k++) {
        rows[i][k] = (float) (1.0 + offset + rnd.nextGaussian());
      }
    }
    return rows;
  }
}
