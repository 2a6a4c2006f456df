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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The main job of ByzCheck: runs the check catalogue at the report budget, the paper reproductions and the
 * statistical checks — as independent tasks on {@code --threads} threads ({@link ParallelRunner}), or one
 * slice of them ({@code --shard i/k}, writing a partial result that {@code merge} combines) — writes
 * {@code index.html} and {@code report.json} into the output directory, shows progress on stderr, and ends by
 * printing the absolute path of {@code index.html} on stdout. Run with {@code --help} for the options.
 */
public final class ReportMain {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private final PrintStream out;
  private final PrintStream err;
  private final CatalogueSource source;
  private final List<PaperReproduction> reproductions;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final boolean heartbeat;
  private Map<String, String> environment = Map.of();

  /**
   * @param heartbeat print "still running" lines from a background thread during long steps
   *     (off in tests, whose clock is fake)
   */
  ReportMain(PrintStream out, PrintStream err, CatalogueSource source, List<PaperReproduction> reproductions,
      Clock clock, LongSupplier nanoTime, boolean heartbeat) {
    this.out = out;
    this.err = err;
    this.source = source;
    this.reproductions = List.copyOf(reproductions);
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.heartbeat = heartbeat;
  }

  /** The process environment the batch engines' shard variables are read from (tests inject their own). */
  ReportMain withEnvironment(Map<String, String> env) {
    this.environment = Map.copyOf(env);
    return this;
  }

  public static void main(String[] args) {
    ReportMain main = new ReportMain(System.out, System.err, CatalogueSource.catalogue(), PaperReproductions.all(),
        Clock.systemUTC(), System::nanoTime, true).withEnvironment(System.getenv());
    System.exit(main.run(args));
  }

  /** Runs the whole job; returns the process exit code (0 done, 1 failed, 2 bad arguments). */
  int run(String... args) {
    ReportOptions options;
    Shard shard;
    Shard.FromEnvironment engine = null;
    try {
      options = ReportOptions.parse(args);
      shard = options.shard();
      if (shard == null && options.merge() == null) {
        engine = Shard.fromEnvironment(environment);
        shard = engine == null ? null : engine.shard();
      }
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
    if (options.merge() != null) {
      return merge(options, dir);
    }
    Budget budget = options.budget();
    err.println("ByzCheck report: budget " + budget.name() + " (" + budget.evaluationsPerCheck() + " evaluations × "
        + budget.restarts() + " restarts per parameter point), master seed " + budget.seed()
        + (options.only() == null ? "" : ", only IDs starting with " + options.only()) + ", " + options.threads()
        + (options.threads() == 1 ? " thread" : " threads")
        + (shard == null ? "" : ", shard " + shard + (engine == null ? "" : " (from the " + engine.source() + ")")));
    err.println("output: " + dir);
    long t0 = nanoTime.getAsLong();
    try {
      WorkPlan plan = WorkPlan.of(budget, options.only(), options.threads(), source, reproductions);
      List<WorkPlan.Task> tasks = shard == null ? plan.tasks() : plan.shard(shard);
      ParallelRunner.Results results;
      try (ConsoleProgress progress = progress("")) {
        results = ParallelRunner.run(tasks, options.threads(), progress, nanoTime);
      }
      long elapsed = (nanoTime.getAsLong() - t0) / 1_000_000;
      RunMetadata meta = RunMetadata.ofThisJvm(clock.instant(), budget, options.only(), elapsed);
      if (shard != null) {
        Path partial = writePartial(dir, plan, shard, tasks, results, options.threads(), meta);
        if (engine != null && engine.statusFile() != null) {
          touch(Path.of(engine.statusFile()));
        }
        out.println("shard " + shard + ": " + tasks.size() + " of " + plan.tasks().size() + " tasks in "
            + Html.duration(elapsed));
        out.println(partial.toAbsolutePath());
        return OK;
      }
      return writeReport(dir, plan.assemble(results.values(), results.millis()), meta,
          timings(plan, results.millis(), options.threads(), null));
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

  /** {@code merge}: the k partial results into the report; bad or mismatched partials exit 2 with the reason. */
  private int merge(ReportOptions options, Path dir) {
    try {
      Merge.Merged m = Merge.merge(Merge.expand(options.merge()), source, reproductions);
      PartialResult first = m.partials().getFirst();
      long elapsed = m.partials().stream().mapToLong(p -> p.metadata().elapsedMillis()).max().orElse(0);
      RunMetadata f = first.metadata();
      // The machine facts of shard 0 (as an unsharded run on that machine would record); the wall-clock time of
      // the longest shard (all shards running at once).
      RunMetadata meta = new RunMetadata(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
          .toString(), f.jdk(), f.os(), f.cores(), f.vectorization(), f.budget(), f.only(), elapsed);
      err.println("merged " + m.partials().size() + " shards of " + m.plan().tasks().size() + " tasks (budget "
          + f.budget().name() + ", seed " + f.budget().seed() + ")");
      return writeReport(dir, m.plan().assemble(m.results().values(), m.results().millis()), meta,
          timings(m.plan(), m.results().millis(), first.threads(), m.partials().size()));
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return USAGE;
    } catch (IOException e) {
      err.println("error: merging into " + dir + " failed: " + describe(e));
      return FAILED;
    }
  }

  private int writeReport(Path dir, WorkPlan.Outcome o, RunMetadata meta, Map<String, Object> timings)
      throws IOException {
    Report report = new Report(meta, o.catalogue(), o.statistical() == null ? TheoryCoverage.of(o.catalogue())
        : TheoryCoverage.of(o.catalogue(), o.statistical()), TheoryCatalog.discrepancies(), o.reproductions());
    Path index = dir.resolve("index.html");
    write(index, HtmlReport.render(report, o.statistical()));
    write(dir.resolve("report.json"), JsonReport.render(report, o.statistical(), timings));
    printSummary(report);
    if (o.statistical() != null) {
      printStatistical(o.statistical());
    }
    out.println(index.toAbsolutePath());
    return OK;
  }

  /** report.json's "timings": how the run was executed and each task's time (not part of the results). */
  private static Map<String, Object> timings(WorkPlan plan, long[] millis, int threads, Integer shards) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("threads", threads);
    t.put("shards", shards);
    List<Object> tasks = new ArrayList<>();
    for (WorkPlan.Task task : plan.tasks()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", task.kind().name());
      m.put("label", task.label());
      m.put("expectedMillis", Math.round(task.cost()));
      m.put("millis", millis[task.index()]);
      tasks.add(m);
    }
    t.put("tasks", tasks);
    return t;
  }

  private static Path writePartial(Path dir, WorkPlan plan, Shard shard, List<WorkPlan.Task> tasks,
      ParallelRunner.Results results, int threads, RunMetadata meta) throws IOException {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, Long> millis = new LinkedHashMap<>();
    Map<String, WorkPlan.Kind> kinds = new LinkedHashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      WorkPlan.Task t = tasks.get(i);
      values.put(t.key(), results.values()[i]);
      millis.put(t.key(), results.millis()[i]);
      kinds.put(t.key(), t.kind());
    }
    PartialResult p = new PartialResult(PartialResult.buildVersion(), plan.fingerprint(), plan.budget(), plan.only(),
        shard, plan.tasks().size(), threads, meta, values, millis);
    Path file = dir.resolve(shard.fileName());
    write(file, p.toJson(kinds));
    return file;
  }

  /** Bazel's sharding protocol: the runner touches TEST_SHARD_STATUS_FILE to say it shards. */
  static void touch(Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    if (Files.exists(file)) {
      Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
    } else {
      Files.createFile(file);
    }
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
