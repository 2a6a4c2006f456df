package io.byzcheck.properties.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Monte Carlo runs inside {@link MonteCarlo#sharing}: several checks at once on one small pool (more checks than
 * threads, so helpers queue behind checks and are dropped or run late) give every trial, in order, as a
 * single-threaded run does.
 */
class MonteCarloSharingTest {
  /** A trial of uneven duration (0–20 000 draws), so that helpers and callers interleave differently every run. */
  static final MonteCarlo.Trial UNEVEN = seed -> {
    SplittableRandom r = new SplittableRandom(seed);
    int work = r.nextInt(20_000);
    double s = 0;
    for (int i = 0; i < work; i++) {
      s += r.nextDouble();
    }
    return new double[] {s, work};
  };

  @Test
  void checksSharingAPoolGetEveryTrialInOrder() throws Exception {
    for (int poolSize : new int[] {1, 2, 3}) {
      ExecutorService pool = Executors.newFixedThreadPool(poolSize);
      try {
        List<Future<double[][]>> checks = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
          long seed = 100 + c;
          checks.add(pool.submit(() -> MonteCarlo.sharing(pool, () -> MonteCarlo.run(UNEVEN, seed, 3, 300, 4))));
        }
        for (int c = 0; c < 6; c++) {
          assertThat(checks.get(c).get()).as("pool of %d, check %d", poolSize, c)
              .isDeepEqualTo(MonteCarlo.run(UNEVEN, 100 + c, 3, 300, 1));
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aFailingTrialFailsTheRunWithItsSeed() {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      MonteCarlo.Trial failing = seed -> {
        if (seed == TrialSeeds.of(7, 40)) {
          throw new ArithmeticException("boom");
        }
        return new double[] {1};
      };
      assertThatThrownBy(() -> MonteCarlo.sharing(pool, () -> MonteCarlo.run(failing, 7, 0, 100, 3)))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("trial 40 (seed " + TrialSeeds.of(7, 40));
    } finally {
      pool.shutdownNow();
    }
  }
}
