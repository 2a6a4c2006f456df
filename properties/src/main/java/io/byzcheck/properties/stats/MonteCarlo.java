package io.byzcheck.properties.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent trials on several threads. Trial i sees only its own seed ({@link TrialSeeds}) and writes
 * only slot i of the result, so the result is bit-identical for every thread count.
 */
public final class MonteCarlo {
  private MonteCarlo() {}

  /** One trial: the observations of one simulator run (or one sample) from its seed. */
  @FunctionalInterface
  public interface Trial {
    double[] run(long seed);
  }

  /** Threads to use by default: every core. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Trials {@code from … from + count − 1} of the check seeded with {@code checkSeed}.
   *
   * @return one observation vector per trial, in trial order
   * @throws IllegalStateException wrapping the first exception a trial threw (with the trial's seed)
   */
  public static double[][] run(Trial trial, long checkSeed, int from, int count, int threads) {
    if (count < 0 || from < 0 || threads < 1) {
      throw new IllegalArgumentException("Monte Carlo needs from ≥ 0, count ≥ 0 and threads ≥ 1, got from = " + from
          + ", count = " + count + ", threads = " + threads);
    }
    double[][] out = new double[count][];
    if (threads == 1 || count < 2) {
      for (int i = 0; i < count; i++) {
        out[i] = one(trial, checkSeed, from + i);
      }
      return out;
    }
    AtomicInteger next = new AtomicInteger();
    int workers = Math.min(threads, count);
    try (ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "byzcheck-monte-carlo");
      t.setDaemon(true);
      return t;
    })) {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        futures.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            out[i] = one(trial, checkSeed, from + i);
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Monte Carlo interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    }
    return out;
  }

  private static double[] one(Trial trial, long checkSeed, int index) {
    long seed = TrialSeeds.of(checkSeed, index);
    try {
      return trial.run(seed).clone();
    } catch (RuntimeException e) {
      throw new IllegalStateException("trial " + index + " (seed " + seed + ", check seed " + checkSeed + ") failed: "
          + e.getMessage(), e);
    }
  }
}
