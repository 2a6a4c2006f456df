package io.byzcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The time-left estimate of a parallel run, on a schedule worked out by hand. */
class ParallelRunnerTrackerTest {
  private final AtomicLong nanos = new AtomicLong();
  private final ConsoleProgress progress = new ConsoleProgress(
      new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), nanos::get, "");

  private static WorkPlan.Task task(int i, double cost) {
    return task(i, WorkPlan.Kind.CHECK, cost);
  }

  private static WorkPlan.Task task(int i, WorkPlan.Kind kind, double cost) {
    return new WorkPlan.Task(i, "k" + i, kind, "T" + i, cost, p -> null);
  }

  private void at(long millis) {
    nanos.set(millis * 1_000_000);
  }

  /**
   * Two threads; a long task L (expected 100) and four short ones (10 each), on a machine twice as slow as the
   * costs say. Longest first: L and S1 start at 0; S1 ends at 20 ms, then S2, S3, S4 follow on the second thread
   * (ending at 80) while L runs to 200. At 20 ms the true time left is 180 ms. The runner estimates it as
   * max(spread over the threads, what L still needs) with 2 ms per unit of cost: (130·2 − 20)/2 = 120 against
   * 200 − 20 = 180, so 180. Counting finished work only, as before, gave 20 · 130/10 = 260.
   */
  @Test
  void theEstimateCalibratesTheCostsAndCreditsRunningTasks() {
    WorkPlan.Task l = task(0, 100);
    WorkPlan.Task[] s = {task(1, 10), task(2, 10), task(3, 10), task(4, 10)};
    ParallelRunner.Tracker tracker = new ParallelRunner.Tracker(List.of(l, s[0], s[1], s[2], s[3]), 2, progress, nanos::get);
    at(0);
    assertThat(tracker.millisLeft(0)).as("nothing finished: no estimate").isEqualTo(-1);
    tracker.started(l);
    tracker.started(s[0]);
    at(20);
    tracker.finished(s[0]);
    assertThat(tracker.millisLeft(nanos.get())).isEqualTo(180);
    tracker.started(s[1]);
    at(40);
    tracker.finished(s[1]);
    tracker.started(s[2]);
    at(60);
    tracker.finished(s[2]);
    tracker.started(s[3]);
    at(80);
    tracker.finished(s[3]);
    assertThat(tracker.millisLeft(nanos.get())).as("only L is left, 120 ms of it").isEqualTo(120);
    at(200);
    tracker.finished(l);
    assertThat(tracker.millisLeft(nanos.get())).isZero();
  }

  @Test
  void aTaskRunningLongerThanExpectedIsNotCreditedBeyondItsEstimate() {
    WorkPlan.Task a = task(0, 10);
    WorkPlan.Task b = task(1, 10);
    WorkPlan.Task c = task(2, 10);
    ParallelRunner.Tracker tracker = new ParallelRunner.Tracker(List.of(a, b, c), 1, progress, nanos::get);
    at(0);
    tracker.started(a);
    at(10);
    tracker.finished(a);
    tracker.started(b);
    at(500);
    // b is 490 ms in against an expected 10: it is credited 10, and c's 10 remain.
    assertThat(tracker.millisLeft(nanos.get())).isEqualTo(10);
  }

  /**
   * One thread; two checks (expected 10 each) and a statistical task (expected 10). The first check takes 50 ms
   * (5 ms per unit), the second has not started: before the statistical kind has a finished task it is
   * calibrated like the checks: c2, s1 and s2 at 5 ms per unit, 150 ms. Once a statistical task took 10 ms (1 ms per unit)
   * the same plan's statistical part counts at its own rate.
   */
  @Test
  void eachKindIsCalibratedByItsOwnFinishedTasks() {
    WorkPlan.Task c1 = task(0, WorkPlan.Kind.CHECK, 10);
    WorkPlan.Task c2 = task(1, WorkPlan.Kind.CHECK, 10);
    WorkPlan.Task s1 = task(2, WorkPlan.Kind.STATISTICAL, 10);
    WorkPlan.Task s2 = task(3, WorkPlan.Kind.STATISTICAL, 10);
    ParallelRunner.Tracker tracker = new ParallelRunner.Tracker(List.of(c1, c2, s1, s2), 1, progress, nanos::get);
    at(0);
    tracker.started(c1);
    at(50);
    tracker.finished(c1);
    assertThat(tracker.millisLeft(nanos.get())).isEqualTo(150);
    tracker.started(s1);
    at(60);
    tracker.finished(s1);
    // c2 at 5 ms per unit, s2 at 1: 50 + 10.
    assertThat(tracker.millisLeft(nanos.get())).isEqualTo(60);
  }
}
