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
    Map<WorkPlan.Task, Integer> position = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      position.put(tasks.get(i), i);
    }
    Tracker tracker = new Tracker(tasks, threads, progress, nanoTime);
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

  /**
   * Progress: done/total, what is running, and the time left. The expected costs are one-core milliseconds
   * measured at another budget on another machine, so they rank the tasks but do not give seconds: the tracker
   * calibrates them by the finished tasks (measured ÷ expected), per kind of task because the kinds scale
   * differently from the CI budget (at the report budget the catalogue checks took a fifth of their scaled cost,
   * the statistical checks three quarters), and counts the running tasks' elapsed time as done. Counting finished tasks only would overstate the time left early in a run, where longest-first puts
   * the long tasks on every thread and the first tasks to finish are short ones that started later.
   */
  static final class Tracker {
    private final int total;
    private final int threads;
    private final ConsoleProgress progress;
    private final LongSupplier nanoTime;
    private final Map<WorkPlan.Task, Long> running = new LinkedHashMap<>();
    private int done;
    private final java.util.Set<WorkPlan.Task> waiting = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final Map<WorkPlan.Kind, double[]> finishedByKind = new java.util.EnumMap<>(WorkPlan.Kind.class);
    private double finishedCost;
    private double finishedMillis;

    Tracker(List<WorkPlan.Task> tasks, int threads, ConsoleProgress progress, LongSupplier nanoTime) {
      this.total = tasks.size();
      this.threads = threads;
      waiting.addAll(tasks);
      this.progress = progress;
      this.nanoTime = nanoTime;
    }

    synchronized void started(WorkPlan.Task t) {
      waiting.remove(t);
      running.put(t, nanoTime.getAsLong());
      progress.running(describeRunning());
    }

    synchronized void finished(WorkPlan.Task t) {
      long now = nanoTime.getAsLong();
      Long since = running.remove(t);
      done++;
      double millis = since == null ? 0 : (now - since) / 1e6;
      finishedCost += t.cost();
      finishedMillis += millis;
      double[] kind = finishedByKind.computeIfAbsent(t.kind(), k -> new double[2]);
      kind[0] += t.cost();
      kind[1] += millis;
      String what = t.label() + (running.isEmpty() ? "" : " · running " + describeRunning());
      progress.finished(done, total, what, millisLeft(now));
    }

    /**
     * The calibrated expected milliseconds still to run, spread over the threads; −1 before any task finished
     * (nothing to calibrate by). A running task is credited with its elapsed time, never beyond its estimate, and
     * the estimate is at least what the longest running task still needs.
     */
    long millisLeft(long now) {
      if (done == total) {
        return 0;
      }
      if (finishedCost <= 0) {
        return -1;
      }
      double left = 0;
      for (WorkPlan.Task t : waiting) {
        left += t.cost() * perCost(t.kind());
      }
      double longestRunning = 0;
      for (Map.Entry<WorkPlan.Task, Long> e : running.entrySet()) {
        double expected = e.getKey().cost() * perCost(e.getKey().kind());
        double elapsed = Math.min((now - e.getValue()) / 1e6, expected);
        left += expected - elapsed;
        longestRunning = Math.max(longestRunning, expected - elapsed);
      }
      // Not less than the longest running task still needs: its own work cannot all move to idle threads.
      return Math.round(Math.max(left / threads, longestRunning));
    }

    /** Measured milliseconds per unit of expected cost: the kind's own finished tasks, else all finished tasks. */
    private double perCost(WorkPlan.Kind kind) {
      double[] k = finishedByKind.get(kind);
      return k != null && k[0] > 0 ? k[1] / k[0] : finishedMillis / finishedCost;
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
