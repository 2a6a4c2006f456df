package io.byzcheck.properties.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs independent trials on several threads. Trial i sees only its own seed ({@link TrialSeeds}) and writes
 * only slot i of the result, so the result is bit-identical for every thread count.
 *
 * <p>Inside {@link #sharing} the trials go to the caller's pool instead of a pool of their own, so that checks
 * run in parallel on that pool (the report's) share its threads instead of multiplying them: the calling thread
 * runs trials itself, and helpers queued on the pool that have not started when it runs out of trials are
 * dropped, so a busy pool never makes a check wait (and no check can wait on another's queued work).
 */
public final class MonteCarlo {
  /** The pool of the enclosing {@link #sharing} call (bound per task, never shared mutable state). */
  private static final ScopedValue<ExecutorService> POOL = ScopedValue.newInstance();

  private MonteCarlo() {}

  /** Runs {@code work} with every Monte Carlo run inside it using {@code pool}'s threads (see the class comment). */
  public static <R> R sharing(ExecutorService pool, Supplier<R> work) {
    return ScopedValue.where(POOL, pool).call(work::get);
  }

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
    Runnable loop = () -> {
      for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
        out[i] = one(trial, checkSeed, from + i);
      }
    };
    if (POOL.isBound()) {
      return onSharedPool(POOL.get(), loop, workers, out);
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "byzcheck-monte-carlo");
      t.setDaemon(true);
      return t;
    })) {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        futures.add(pool.submit(loop));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Monte Carlo interrupted", e);
    } catch (ExecutionException e) {
      throw rethrow(e);
    }
    return out;
  }

  /**
   * workers − 1 helpers on the shared pool and the caller itself. A helper that has not started when the caller
   * runs out of trials is claimed by the caller (its flag), so it will do nothing when it starts; only the helpers
   * that did start are waited for. (Future.cancel cannot tell the two apart: a running FutureTask cancels too.)
   */
  private static double[][] onSharedPool(ExecutorService pool, Runnable loop, int workers, double[][] out) {
    List<AtomicBoolean> started = new ArrayList<>();
    List<Future<?>> helpers = new ArrayList<>();
    for (int w = 1; w < workers; w++) {
      AtomicBoolean mine = new AtomicBoolean();
      started.add(mine);
      helpers.add(pool.submit(() -> {
        if (mine.compareAndSet(false, true)) {
          loop.run();
        }
      }));
    }
    RuntimeException failure = null;
    try {
      loop.run();
    } catch (RuntimeException e) {
      failure = e;
    }
    for (int h = 0; h < helpers.size(); h++) {
      if (started.get(h).compareAndSet(false, true)) {
        helpers.get(h).cancel(false); // never started, now never will: drop it from the queue
        continue;
      }
      try {
        helpers.get(h).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Monte Carlo interrupted", e);
      } catch (ExecutionException e) {
        failure = failure != null ? failure : rethrow(e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return out;
  }

  private static RuntimeException rethrow(ExecutionException e) {
    Throwable cause = e.getCause();
    return cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
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
