package io.byzcheck.kernels.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.Awkward;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.parallel.ChunkPool;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;
import io.byzcheck.kernels.rules.CoordinateWiseTrimmedMean;
import io.byzcheck.kernels.rules.Krum;
import io.byzcheck.kernels.rules.Mean;
import io.byzcheck.kernels.rules.MeanAroundMedian;
import io.byzcheck.kernels.rules.MinimumDiameterAveraging;
import io.byzcheck.kernels.rules.NearestNeighbourMixing;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Steady-state split calls of the rules that allocate nothing when called directly allocate nothing either, on
 * the caller's thread and the pool's own threads together (Multi-Krum* and the certified GM allocate 56 and 128
 * bytes a call of their own, split or not, measured once; not repeated here, where a rule that allocates runs
 * every window to the cap): HotSpot's
 * per-thread counters of all of them, summed around windows of calls, as MinimumDiameterAveragingAllocationTest
 * does for one thread (least window average, stopping at the first window of 0: until C2 has compiled the
 * kernels on every thread their vectors are objects). The size is above the default threshold, so every pass is
 * split (3 threads, n·d = 2.4·10⁵).
 */
class ParallelAggregationAllocationTest {
  private static final int CALLS = 10;
  private static final int MAX_WINDOWS = 400;
  private static volatile Object sink;

  @Test
  void splitCallsAllocateNothingOnceWarm() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 30);
    try (ParallelAggregation p = ParallelAggregation.withThreads(3)) {
      WorkerVectors x = ParallelAggregationTest.gaussian(rnd, 6, 40_000);
      for (AggregationRule rule : List.of(new Mean(), new CoordinateWiseMedian(), CoordinateWiseTrimmedMean.trimF(),
          new MeanAroundMedian(), Krum.star(), new MinimumDiameterAveraging(), new NearestNeighbourMixing().then(new Mean()))) {
        AggregationRule parallel = p.wrap(rule);
        float[] out = new float[x.d()];
        assertThat(bytesPerCall(p, () -> parallel.aggregate(x, 1, out))).as("bytes per split call of %s", rule.name())
            .isZero();
      }
    }
  }

  /** Controls: the harness adds nothing of its own, and it sees an allocation on a pool thread (a split pass). */
  @Test
  void theMeasurementSeesThePoolThreads() {
    try (ParallelAggregation p = ParallelAggregation.withThreads(2, 1)) {
      assertThat(bytesPerCall(p, () -> {})).isZero();
      assertThat(bytesPerCall(p, () -> sink = new float[1000])).isGreaterThanOrEqualTo(4000);
      // On a pool thread: a task that allocates inside its chunk, run split over both threads.
      ChunkPool.Task allocating = (chunk, from, to) -> sink = new float[1000];
      assertThat(bytesPerCall(p, () -> p.pool().run(allocating, 32, 2)))
          .as("two chunks, one on the pool's thread, each allocating 4 016 bytes").isGreaterThanOrEqualTo(8000);
    }
  }

  /** Bytes allocated per run by the current thread and the pool's own threads, least over windows. */
  static double bytesPerCall(ParallelAggregation p, Runnable r) {
    var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(mx.isThreadAllocatedMemorySupported(), "no per-thread allocation counter on this JVM");
    mx.setThreadAllocatedMemoryEnabled(true);
    Thread[] pool = p.threads();
    long[] ids = new long[pool.length + 1];
    ids[0] = Thread.currentThread().threadId();
    for (int i = 0; i < pool.length; i++) {
      ids[i + 1] = pool[i].threadId();
    }
    double least = Double.POSITIVE_INFINITY;
    for (int window = 0; window < MAX_WINDOWS && least > 0; window++) {
      long before = total(mx, ids);
      for (int i = 0; i < CALLS; i++) {
        r.run();
      }
      least = Math.min(least, (double) (total(mx, ids) - before) / CALLS);
    }
    return least;
  }

  /** One id at a time: the array form of the counter allocates its result on the calling thread. */
  private static long total(com.sun.management.ThreadMXBean mx, long[] ids) {
    long s = 0;
    for (long id : ids) {
      s += mx.getThreadAllocatedBytes(id);
    }
    return s;
  }
}
