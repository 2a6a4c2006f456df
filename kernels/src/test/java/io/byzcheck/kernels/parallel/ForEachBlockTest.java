package io.byzcheck.kernels.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * {@link ParallelAggregation#forEachBlock}, the opt-in of a caller's own coordinate-wise rule: the blocks cover
 * [0, d) once, start at multiples of 16, are split only above the minimum block, and a user's rule gives the same
 * floats at every thread count as its direct call.
 */
class ForEachBlockTest {
  private static final long SEED = 20261202L;

  /** A caller's own rule, written as users write them: the midrange of each coordinate, (min + max)/2. */
  private static void midrange(float[][] rows, float[] out, int from, int to) {
    for (int k = from; k < to; k++) {
      float lo = Float.POSITIVE_INFINITY;
      float hi = Float.NEGATIVE_INFINITY;
      for (float[] row : rows) {
        lo = Math.min(lo, row[k]);
        hi = Math.max(hi, row[k]);
      }
      out[k] = (float) (((double) lo + hi) / 2);
    }
  }

  private static float[][] rows(int n, int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] x = new float[n][d];
    for (float[] row : x) {
      for (int k = 0; k < d; k++) {
        row[k] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(-20, 21)));
      }
    }
    return x;
  }

  @Test
  void aUsersRuleGivesTheSameFloatsAtEveryThreadCount() {
    for (int d : new int[] {1, 15, 16, 17, 33, 1031}) {
      float[][] x = rows(7, d, SEED + d);
      float[] direct = new float[d];
      midrange(x, direct, 0, d);
      for (int threads : new int[] {1, 2, 3, 7}) {
        try (ParallelAggregation p = ParallelAggregation.withThreads(threads, 1)) {
          float[] out = new float[d];
          Arrays.fill(out, Float.NaN);
          p.forEachBlock(d, x.length, (from, to) -> midrange(x, out, from, to));
          assertThat(out).as("d = %d, %d threads, seed %d", d, threads, SEED + d).containsExactly(direct);
        }
      }
    }
  }

  @Test
  void theBlocksCoverEveryCoordinateOnceFromAlignedStarts() {
    int d = 1031;
    try (ParallelAggregation p = ParallelAggregation.withThreads(7, 1)) {
      List<int[]> blocks = Collections.synchronizedList(new ArrayList<>());
      p.forEachBlock(d, 1, (from, to) -> blocks.add(new int[] {from, to}));
      blocks.sort((a, b) -> Integer.compare(a[0], b[0]));
      assertThat(blocks).hasSize(7);
      int next = 0;
      for (int[] b : blocks) {
        assertThat(b[0]).isEqualTo(next);
        assertThat(b[0] % 16).isZero();
        assertThat(b[1]).isGreaterThan(b[0]);
        next = b[1];
      }
      assertThat(next).isEqualTo(d);
    }
  }

  @Test
  void aSmallPassIsOneCallOnTheCallersThread() {
    try (ParallelAggregation p = ParallelAggregation.withThreads(4)) { // minimum block 2¹⁶ floats
      List<Thread> ran = Collections.synchronizedList(new ArrayList<>());
      List<int[]> blocks = Collections.synchronizedList(new ArrayList<>());
      p.forEachBlock(1000, 15, (from, to) -> {
        ran.add(Thread.currentThread());
        blocks.add(new int[] {from, to});
      });
      assertThat(ran).containsExactly(Thread.currentThread());
      assertThat(blocks.get(0)).containsExactly(0, 1000);
      // 2¹⁶ floats per block at 16 floats a coordinate: 4 blocks need d ≥ 4·4096.
      blocks.clear();
      p.forEachBlock(4 * 4096, 16, (from, to) -> blocks.add(new int[] {from, to}));
      assertThat(blocks).hasSize(4);
    }
  }

  @Test
  void theLowestFailingBlocksExceptionIsRethrownAndOtherBlocksStillRun() {
    try (ParallelAggregation p = ParallelAggregation.withThreads(3, 1)) {
      List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
      assertThatThrownBy(() -> p.forEachBlock(48, 1, (from, to) -> {
        ran.add(from);
        if (from > 0) {
          throw new IllegalStateException("block at " + from);
        }
      })).isInstanceOf(IllegalStateException.class).hasMessage("block at 16");
      assertThat(ran).containsExactlyInAnyOrder(0, 16, 32);
    }
  }

  @Test
  void aPassThatCallsItsOwnInstanceRunsUnsplitInsteadOfDeadlocking() {
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try (ParallelAggregation p = ParallelAggregation.on(executor, 3, 1)) {
      float[] out = new float[64];
      p.forEachBlock(64, 1, (from, to) -> p.forEachBlock(to - from, 1, (a, b) -> {
        for (int k = a; k < b; k++) {
          out[from + k] = from + k;
        }
      }));
      for (int k = 0; k < 64; k++) {
        assertThat(out[k]).isEqualTo(k);
      }
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void badArgumentsGetClearErrors() {
    ParallelAggregation p = ParallelAggregation.withThreads(2);
    assertThatThrownBy(() -> p.forEachBlock(-1, 1, (a, b) -> {})).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("d must be at least 0, got -1");
    assertThatThrownBy(() -> p.forEachBlock(10, 0, (a, b) -> {})).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("floatsPerCoordinate must be at least 1, got 0");
    assertThatThrownBy(() -> p.forEachBlock(10, 1, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pass is null");
    p.close();
    assertThatThrownBy(() -> p.forEachBlock(10, 1, (a, b) -> {})).isInstanceOf(IllegalStateException.class)
        .hasMessage("this ParallelAggregation is closed");
  }
}
