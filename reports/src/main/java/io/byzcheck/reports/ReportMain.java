package io.byzcheck.reports;

import io.byzcheck.properties.Budget;
import io.byzcheck.properties.CatalogueRun;
import io.byzcheck.properties.CheckResult;
import io.byzcheck.properties.NegativeControlResult;
import io.byzcheck.theory.TheoryCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The main job of ByzCheck: runs the check catalogue at the report budget (and the paper
 * reproductions, when there are any), writes {@code index.html} and {@code report.json} into the
 * output directory, shows progress on stderr, and ends by printing the absolute path of
 * {@code index.html} on stdout. Run with {@code --help} for the options.
 */
public final class ReportMain {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private final PrintStream out;
  private final PrintStream err;
  private final CatalogueRunner catalogue;
  private final List<PaperReproduction> reproductions;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final boolean heartbeat;
  private final StatisticalRunner statistical;

  /** Runs the statistical checks (kind E) at the report's budget; null in tests that leave them out. */
  @FunctionalInterface
  interface StatisticalRunner {
    io.byzcheck.properties.statistical.StatisticalCatalogue.Run run(Budget budget, String only,
        io.byzcheck.properties.ProgressListener progress);
  }

  /**
   * @param heartbeat print "still running" lines from a background thread during long steps
   *     (off in tests, whose clock is fake)
   */
  ReportMain(PrintStream out, PrintStream err, CatalogueRunner catalogue, List<PaperReproduction> reproductions,
      Clock clock, LongSupplier nanoTime, boolean heartbeat) {
    this(out, err, catalogue, reproductions, clock, nanoTime, heartbeat, null);
  }

  ReportMain(PrintStream out, PrintStream err, CatalogueRunner catalogue, List<PaperReproduction> reproductions,
      Clock clock, LongSupplier nanoTime, boolean heartbeat, StatisticalRunner statistical) {
    this.statistical = statistical;
    this.out = out;
    this.err = err;
    this.catalogue = catalogue;
    this.reproductions = List.copyOf(reproductions);
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.heartbeat = heartbeat;
  }

  public static void main(String[] args) {
    ReportMain main = new ReportMain(System.out, System.err, CatalogueRunner.catalogue(), PaperReproductions.all(),
        Clock.systemUTC(), System::nanoTime, true, (budget, only, progress) ->
            io.byzcheck.properties.statistical.StatisticalCatalogue.run(
                io.byzcheck.properties.statistical.StatisticalBudget.matching(budget), only, progress));
    System.exit(main.run(args));
  }

  /** Runs the whole job; returns the process exit code (0 done, 1 failed, 2 bad arguments). */
  int run(String... args) {
    ReportOptions options;
    try {
      options = ReportOptions.parse(args);
    } catch (ReportOptions.UsageException e) {
      err.println("error: " + e.getMessage());
      err.println();
      err.print(ReportOptions.USAGE);
      return USAGE;
    }
    if (options.help()) {
      out.print(ReportOptions.USAGE);
      return OK;
    }
    Path dir;
    try {
      dir = prepareOutput(options.out());
    } catch (IOException e) {
      err.println("error: cannot write the report to " + options.out().toAbsolutePath() + ": " + describe(e));
      return FAILED;
    }
    Budget budget = options.budget();
    err.println("ByzCheck report: budget " + budget.name() + " (" + budget.evaluationsPerCheck() + " evaluations × "
        + budget.restarts() + " restarts per parameter point), master seed " + budget.seed()
        + (options.only() == null ? "" : ", only IDs starting with " + options.only()));
    err.println("output: " + dir);
    long t0 = nanoTime.getAsLong();
    try {
      CatalogueRun run;
      try (ConsoleProgress progress = progress("")) {
        run = catalogue.run(budget, options.only(), progress);
      }
      List<ReproductionResult> repro = runReproductions(budget, options.only());
      io.byzcheck.properties.statistical.StatisticalCatalogue.Run stats = null;
      if (statistical != null) {
        try (ConsoleProgress progress = progress("  statistical ")) {
          stats = statistical.run(budget, options.only(), progress);
        }
      }
      long elapsed = (nanoTime.getAsLong() - t0) / 1_000_000;
      Report report = new Report(RunMetadata.ofThisJvm(clock.instant(), budget, options.only(), elapsed), run,
          stats == null ? TheoryCoverage.of(run) : TheoryCoverage.of(run, stats), TheoryCatalog.discrepancies(), repro);
      Path index = dir.resolve("index.html");
      write(index, HtmlReport.render(report, stats));
      write(dir.resolve("report.json"), JsonReport.render(report, stats));
      printSummary(report);
      if (stats != null) {
        printStatistical(stats);
      }
      out.println(index.toAbsolutePath());
      return OK;
    } catch (ReportOptions.UsageException e) {
      err.println("error: " + e.getMessage());
      return USAGE;
    } catch (IOException e) {
      err.println("error: writing the report into " + dir + " failed: " + describe(e));
      return FAILED;
    } catch (RuntimeException e) {
      err.println("error: the run failed: " + e);
      e.printStackTrace(err);
      return FAILED;
    }
  }

  private List<ReproductionResult> runReproductions(Budget budget, String only) {
    List<ReproductionResult> results = new ArrayList<>();
    List<PaperReproduction> selected = reproductions.stream()
        .filter(r -> only == null || r.id().startsWith(only)).toList();
    for (PaperReproduction r : selected) {
      try (ConsoleProgress progress = progress("  " + r.id() + " ")) {
        results.add(r.run(budget, progress));
      }
    }
    return results;
  }

  private ConsoleProgress progress(String prefix) {
    ConsoleProgress p = new ConsoleProgress(err, nanoTime, prefix);
    return heartbeat ? p.withHeartbeat() : p;
  }

  /** On stdout, like the final path, so that the two cannot be reordered against each other. */
  private void printSummary(Report report) {
    err.flush();
    Report.Summary s = report.summary();
    out.println("done in " + Html.duration(report.metadata().elapsedMillis()) + ": " + report.run().checks().size()
        + " results — " + s.holds() + " HOLDS, " + s.violated() + " VIOLATED, " + s.inconclusive()
        + " INCONCLUSIVE; negative controls caught " + s.controlsCaught() + "/" + s.controlsTotal());
    for (NegativeControlResult nc : s.uncaughtControls()) {
      out.println("WARNING: negative control NOT caught: " + nc.id() + " — " + nc.description()
          + " (its check cannot be trusted)");
    }
    for (CheckResult c : report.run().checks()) {
      if (c.verdict() == io.byzcheck.properties.Verdict.VIOLATED) {
        out.println("VIOLATED: " + c.id() + " " + c.rule() + " " + TightnessChart.params(c) + " worst ratio "
            + Html.num(c.worstRatio()) + " (seed " + c.seed() + ")");
      }
    }
  }

  private void printStatistical(io.byzcheck.properties.statistical.StatisticalCatalogue.Run stats) {
    long caught = stats.controls().stream()
        .filter(io.byzcheck.properties.statistical.StatisticalCatalogue.ControlResult::caught).count();
    out.println("statistical checks (" + Html.duration(stats.elapsedMillis()) + ", family budget "
        + stats.errorBudget().family() + "): " + stats.checks().size() + " results, controls caught " + caught + "/"
        + stats.controls().size());
    for (io.byzcheck.properties.stats.StatisticalResult r : stats.checks()) {
      if (r.verdict() != io.byzcheck.properties.Verdict.HOLDS) {
        out.println(r.verdict() + ": " + r.summary());
      }
    }
  }

  /** Creates the directory if needed and proves it writable before minutes of work are spent. */
  static Path prepareOutput(Path out) throws IOException {
    Path dir = out.toAbsolutePath().normalize();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new FileAlreadyExistsException(dir.toString(), null, "exists and is not a directory");
    }
    Files.createDirectories(dir);
    Path probe = Files.createTempFile(dir, ".byzcheck-write-test", ".tmp");
    Files.delete(probe);
    return dir;
  }

  private static void write(Path target, String content) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String describe(IOException e) {
    String what = e.getClass().getSimpleName().replace("Exception", "");
    return e.getMessage() == null ? what : what + " (" + e.getMessage() + ")";
  }
}
