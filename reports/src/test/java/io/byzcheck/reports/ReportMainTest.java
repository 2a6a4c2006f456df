package io.byzcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.properties.Budget;
import io.byzcheck.properties.CatalogueRun;
import io.byzcheck.properties.ProgressListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<Budget> budgets = new ArrayList<>();
  /** A fake clock: every reading advances 1.5 s, so the progress lines have known times. */
  private final AtomicLong nanos = new AtomicLong();

  private ReportMain main(List<PaperReproduction> reproductions) {
    CatalogueSource fake = Fixtures.source(Fixtures.run(true), budgets);
    return new ReportMain(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        fake, reproductions, Clock.fixed(Instant.parse("2026-11-24T23:59:00Z"), ZoneOffset.UTC),
        () -> nanos.addAndGet(1_500_000_000L), false);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesBothFilesShowsProgressAndEndsWithThePath(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("nested/report");
    int code = main(List.of()).run("--out", dir.toString(), "--budget", "ci", "--seed", "99", "--only", "RES-",
        "--threads", "1");

    assertThat(code).as(err()).isZero();
    Path index = dir.resolve("index.html").toAbsolutePath();
    assertThat(out().strip().lines().toList().getLast()).isEqualTo(index.toString());
    assertThat(Files.readString(index)).contains("<h1>ByzCheck bound-check report</h1>").contains("2026-11-24T23:59:00Z")
        .contains("<dt>master seed</dt><dd>99</dd>").contains("IDs starting with RES-");
    assertThat(MiniJson.parse(Files.readString(dir.resolve("report.json")))).isInstanceOf(java.util.Map.class);
    assertThat(budgets).containsExactly(Budget.CI.withSeed(99));
    // One line per finished task (5 checks, 2 controls), the estimate of what is left from the expected costs.
    assertThat(err()).containsPattern("\\[1/7\\] done RES-[^\n]* … \\d+:\\d\\d elapsed, ~\\d+:\\d\\d left\n")
        .containsPattern("\\[7/7\\] done RES-[^\n]* … \\d+:\\d\\d elapsed\n")
        .contains("done RES-C9-CGE CGE {n=5, f=1, d=2} … ");
    assertThat(out()).contains("negative controls caught 2/2")
        .contains("VIOLATED: RES-C9-CGE CGE n=5 f=1 d=2 worst ratio 42.5 (seed 14)");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("index.html", "report.json");
    }
  }

  @Test
  void reproductionsRunAfterTheCatalogueAndAreFilteredByOnly(@TempDir Path tmp) throws Exception {
    List<String> ran = new ArrayList<>();
    PaperReproduction yin = reproduction("YIN-TAB2", ran);
    PaperReproduction cao = reproduction("CAO-FIG2-5", ran);
    assertThat(main(List.of(yin, cao)).run("--out", tmp.toString(), "--only", "YIN")).isZero();
    assertThat(ran).containsExactly("YIN-TAB2");
    assertThat(Files.readString(tmp.resolve("index.html"))).contains("<h3>YIN-TAB2 — title of YIN-TAB2</h3>");
  }

  private static PaperReproduction reproduction(String id, List<String> ran) {
    return new PaperReproduction() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public ReproductionResult run(Budget budget, ProgressListener progress) {
        ran.add(id);
        return new ReproductionResult(id, "title of " + id, "paper", List.of("a"), List.of(List.of("1")), "", 1);
      }
    };
  }

  @Test
  void badArgumentsPrintTheProblemAndUsageAndExit2() {
    assertThat(main(List.of()).run("--budget", "fast")).isEqualTo(ReportMain.USAGE);
    assertThat(err()).startsWith("error: --budget must be ci or report, got 'fast'\n").contains("Usage: ReportMain");
    assertThat(out()).isEmpty();
    assertThat(budgets).as("the catalogue must not run").isEmpty();
  }

  @Test
  void helpGoesToStdoutAndRunsNothing() {
    assertThat(main(List.of()).run("--help")).isZero();
    assertThat(out()).startsWith("Usage: ReportMain");
    assertThat(budgets).isEmpty();
  }

  @Test
  void anUnwritableOutputIsRefusedBeforeTheRun(@TempDir Path tmp) throws Exception {
    // A directory cannot be created below a regular file, whatever the user's privileges.
    Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
    assertThat(main(List.of()).run("--out", file.resolve("report").toString())).isEqualTo(ReportMain.FAILED);
    assertThat(err()).startsWith("error: cannot write the report to " + file.resolve("report").toAbsolutePath());
    assertThat(budgets).isEmpty();

    err.reset();
    assertThat(main(List.of()).run("--out", file.toString())).isEqualTo(ReportMain.FAILED);
    assertThat(err()).contains("exists and is not a directory");
    assertThat(out()).isEmpty();
  }

  @Test
  void aFailingCatalogueIsAnErrorNotAReport(@TempDir Path tmp) {
    ReportMain broken = new ReportMain(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new CatalogueSource() {
          @Override
          public List<io.byzcheck.properties.catalogue.Catalogue.Entry> entries(Budget budget) {
            throw new IllegalStateException("engine exploded");
          }

          @Override
          public List<io.byzcheck.properties.catalogue.Catalogue.Control> controls(Budget budget) {
            return List.of();
          }
        }, List.of(), Clock.systemUTC(), System::nanoTime, false);
    assertThat(broken.run("--out", tmp.toString())).isEqualTo(ReportMain.FAILED);
    assertThat(err()).contains("error: the run failed: java.lang.IllegalStateException: engine exploded");
    assertThat(tmp.resolve("index.html")).doesNotExist();
  }
}
