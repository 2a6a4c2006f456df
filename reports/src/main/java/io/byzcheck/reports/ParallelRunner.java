package io.byzcheck.reports;

import io.byzcheck.properties.ProgressListener;
import io.byzcheck.properties.stats.MonteCarlo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Runs a plan's tasks on a pool of {@code threads}, longest expected first, and returns their results in the
 * order given (catalogue order), whatever order they finished in. The statistical checks' Monte Carlo trials
 * share the same pool ({@link MonteCarlo#sharing}), so threads never multiply. Results are identical for every
 * thread count: a task's result depends on the task alone.
 */
final class ParallelRunner {
  /** Every task's result and the milliseconds it took, both indexed like the task list given. */
  record Results(Object[] values, long[] millis) {}

  private ParallelRunner() {}

  /**
   * @param tasks the tasks, in the order the results are wanted
   * @throws IllegalStateException naming the task when one failed (the others are cancelled)
   */
  static Results run(List<WorkPlan.Task> tasks, int threads, ConsoleProgress progress, LongSupplier nanoTime) {
    int n = tasks.size();
    Object[] values = new Object[n];
    long[] millis = new long[n];
    double totalCost = tasks.stream().mapToDouble(WorkPlan.Task::cost).sum();
    Map<WorkPlan.Task, Integer> position = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      position.put(tasks.get(i), i);
    }
    Tracker tracker = new Tracker(n, totalCost, progress, nanoTime);
    AtomicInteger counter = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "byzcheck-report-" + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (WorkPlan.Task t : WorkPlan.longestFirst(tasks)) {
        int i = position.get(t);
        futures.add(pool.submit(() -> {
          tracker.started(t);
          long t0 = nanoTime.getAsLong();
          values[i] = MonteCarlo.sharing(pool, () -> t.work().apply(ProgressListener.NONE));
          millis[i] = (nanoTime.getAsLong() - t0) / 1_000_000;
          tracker.finished(t);
        }));
      }
      for (int k = 0; k < futures.size(); k++) {
        try {
          futures.get(k).get();
        } catch (ExecutionException e) {
          futures.forEach(f -> f.cancel(true));
          WorkPlan.Task failed = WorkPlan.longestFirst(tasks).get(k);
          Throwable cause = e.getCause();
          throw new IllegalStateException(failed.label() + " failed: " + cause, cause);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the run was interrupted", e);
    } finally {
      pool.shutdownNow();
    }
    return new Results(values, millis);
  }

  /** Progress: done/total, what is running, and the time left by the expected cost still to do. */
  private static final class Tracker {
    private final int total;
    private final double totalCost;
    private final ConsoleProgress progress;
    private final LongSupplier nanoTime;
    private final Map<WorkPlan.Task, Long> running = new LinkedHashMap<>();
    private int done;
    private double doneCost;

    Tracker(int total, double totalCost, ConsoleProgress progress, LongSupplier nanoTime) {
      this.total = total;
      this.totalCost = totalCost;
      this.progress = progress;
      this.nanoTime = nanoTime;
    }

    synchronized void started(WorkPlan.Task t) {
      running.put(t, nanoTime.getAsLong());
      progress.running(describeRunning());
    }

    synchronized void finished(WorkPlan.Task t) {
      running.remove(t);
      done++;
      doneCost += t.cost();
      String what = t.label() + (running.isEmpty() ? "" : " · running " + describeRunning());
      progress.finished(done, total, what, totalCost > 0 ? doneCost / totalCost : (double) done / total);
    }

    private String describeRunning() {
      if (running.isEmpty()) {
        return "";
      }
      String oldest = running.keySet().iterator().next().label();
      return running.size() == 1 ? oldest : oldest + " and " + (running.size() - 1) + " more";
    }
  }
}
