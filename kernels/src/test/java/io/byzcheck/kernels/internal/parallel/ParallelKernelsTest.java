package io.byzcheck.kernels.internal.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.byzcheck.kernels.Awkward;
import io.byzcheck.kernels.internal.vectorization.CoordinateKernels;
import io.byzcheck.kernels.internal.vectorization.GramKernel;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The chunking and the split Gram passes themselves: blocks aligned, non-empty and covering [0, d); a split
 * Gram within its rounding bound of the whole one and really handed to the helpers; failures rethrown by the
 * lowest chunk. Tagged: every forced width and the scalar path.
 */
@Tag("vector-width")
class ParallelKernelsTest {

  @Test
  void blocksAreAlignedNonEmptyAndCoverTheCoordinates() {
    try (ChunkPool pool = ChunkPool.on(Runnable::run, 7)) {
      for (int d = 1; d < 2000; d += d < 100 ? 1 : 37) {
        for (long min : new long[] {1, 40, 1L << 16}) {
          int c = pool.chunks(d, 3, min);
          assertThat(c).isBetween(1, 7);
          assertThat(ChunkPool.start(d, c, 0)).isZero();
          assertThat(ChunkPool.start(d, c, c)).isEqualTo(d);
          for (int t = 0; t < c; t++) {
            int from = ChunkPool.start(d, c, t);
            int to = ChunkPool.start(d, c, t + 1);
            assertThat(from % CoordinateKernels.RANGE_ALIGNMENT).as("d=%d c=%d t=%d", d, c, t).isZero();
            assertThat(to).as("d=%d c=%d t=%d", d, c, t).isGreaterThan(from);
            if (c > 1) {
              assertThat((long) (to - from) * 3).as("block of d=%d c=%d at min %d", d, c, min).isGreaterThanOrEqualTo(
                  Math.min(min, (long) d * 3 / c) - 3L * CoordinateKernels.RANGE_ALIGNMENT);
            }
          }
        }
      }
      assertThat(pool.chunks(100_000, 5, 1L << 16)).isEqualTo(7);
      assertThat(pool.chunks(10_000, 5, 1L << 16)).isEqualTo(1);
    }
  }

  /**
   * The split double Gram against the whole one: each entry within (c + 2)·2⁻⁵³·Σ|yᵢyⱼ| ≤ (c + 2)·2⁻⁵³·√(GᵢᵢGⱼⱼ)·…,
   * checked here against the looser 10⁻¹³·(Gᵢᵢ + Gⱼⱼ), with c − 1 tasks per split pass counted on the executor.
   */
  @Test
  void aSplitGramAddsUpToTheWholeOne() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 20);
    AtomicInteger tasks = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(2);
    GramKernel whole = VectorizationProvider.base().gramKernel();
    try (ChunkPool pool = ChunkPool.on(r -> {
      tasks.incrementAndGet();
      executor.execute(r);
    }, 3)) {
      GramKernel split = ParallelKernels.over(pool, 1).gramKernel();
      for (int n : new int[] {1, 3, 6, 13}) {
        for (int d : new int[] {1, 17, 515, 1031, 1553, 5003}) {
          float[][] rows = new float[n][d];
          for (float[] row : rows) {
            for (int k = 0; k < d; k++) {
              row[k] = (float) (1 + rnd.nextGaussian());
            }
          }
          double[][] want = new double[n][n];
          double[][] got = new double[n][n];
          whole.gram(rows, rows, want);
          int before = tasks.get();
          split.gram(rows, rows, got);
          int c = pool.chunks(d, n, 1, ParallelGramKernel.GRAM_ALIGNMENT);
          assertThat(tasks.get() - before).as("tasks for n=%d d=%d", n, d).isEqualTo(c - 1);
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              assertThat(Math.abs(got[i][j] - want[i][j])).as("G[%d][%d] n=%d d=%d (seed %d)", i, j, n, d, Awkward.SEED)
                  .isLessThanOrEqualTo(1e-13 * (want[i][i] + want[j][j]));
            }
          }
          double[] normsWant = new double[n];
          double[] normsGot = new double[n];
          whole.squaredNorms(rows, normsWant);
          split.squaredNorms(rows, normsGot);
          for (int i = 0; i < n; i++) {
            assertThat(Math.abs(normsGot[i] - normsWant[i])).isLessThanOrEqualTo(1e-13 * normsWant[i]);
          }
        }
      }
    } finally {
      executor.shutdownNow();
    }
  }

  /** Every chunk runs even when some throw, and the lowest-numbered chunk's exception is the one rethrown. */
  @Test
  void theLowestFailingChunkIsRethrown() {
    try (ChunkPool pool = ChunkPool.ownThreads(3)) {
      AtomicInteger ran = new AtomicInteger();
      ChunkPool.Task failing = (chunk, from, to) -> {
        ran.incrementAndGet();
        if (chunk >= 1) {
          throw new IllegalStateException("chunk " + chunk);
        }
      };
      for (int i = 0; i < 50; i++) {
        ran.set(0);
        assertThatThrownBy(() -> pool.run(failing, 100, 3)).hasMessage("chunk 1");
        assertThat(ran.get()).isEqualTo(3);
      }
    }
  }
}
