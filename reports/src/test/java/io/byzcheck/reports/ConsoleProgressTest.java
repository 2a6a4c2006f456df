package io.byzcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final AtomicLong nanos = new AtomicLong();
  private final ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8),
      nanos::get, "");

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void linesCountStepsAndEstimateWhatIsLeft() {
    nanos.set(90_000_000_000L);
    progress.progress(3, 12, "RES-T1-CWMED CWMed n=15 f=5 d=10");
    // 3 of 12 done in 90 s → 9 left at 30 s each = 270 s = 4:30.
    assertThat(text()).isEqualTo("[4/12] RES-T1-CWMED CWMed n=15 f=5 d=10 … 1:30 elapsed, ~4:30 left\n");
    bytes.reset();
    progress.progress(12, 12, "done");
    assertThat(text()).isEqualTo("[12/12] done … 1:30 elapsed\n");
  }

  @Test
  void aLongStepGetsAStillRunningLineOnlyAfterAQuietPeriod() {
    progress.progress(0, 5, "RES-T1-GM GM n=31 f=10 d=100");
    bytes.reset();
    nanos.set((ConsoleProgress.HEARTBEAT_MILLIS - 1) * 1_000_000);
    progress.tick();
    assertThat(text()).isEmpty();
    nanos.set(ConsoleProgress.HEARTBEAT_MILLIS * 3 / 2 * 1_000_000);
    progress.tick();
    assertThat(text()).isEqualTo("  … still running RES-T1-GM GM n=31 f=10 d=100 (0:30 on this step, 0:30 elapsed)\n");
    bytes.reset();
    progress.tick();
    assertThat(text()).as("no second line within the same period").isEmpty();
  }

  @Test
  void aParallelRunPrintsFinishedTasksWithTheRunnersEstimate() {
    nanos.set(60_000_000_000L);
    progress.finished(3, 10, "RES-T1-GM GM n=15 f=7 d=10 · running YIN-TAB2 and 1 more", 90_000);
    assertThat(text()).isEqualTo("[3/10] done RES-T1-GM GM n=15 f=7 d=10 · running YIN-TAB2 and 1 more … 1:00 elapsed, "
        + "~1:30 left\n");
    bytes.reset();
    progress.running("YIN-TAB2 and 1 more");
    nanos.set(60_000_000_000L + ConsoleProgress.HEARTBEAT_MILLIS * 1_000_000);
    progress.tick();
    assertThat(text()).isEqualTo("  … still running YIN-TAB2 and 1 more (0:20 on this step, 1:20 elapsed)\n");
    bytes.reset();
    progress.finished(4, 10, "YIN-TAB2", -1);
    assertThat(text()).as("no estimate yet: none printed").isEqualTo("[4/10] done YIN-TAB2 … 1:20 elapsed\n");
  }
}
