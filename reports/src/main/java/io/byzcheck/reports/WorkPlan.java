package io.byzcheck.reports;

import io.byzcheck.properties.Budget;
import io.byzcheck.properties.CatalogueRun;
import io.byzcheck.properties.CheckResult;
import io.byzcheck.properties.NegativeControlResult;
import io.byzcheck.properties.ProgressListener;
import io.byzcheck.properties.catalogue.Catalogue;
import io.byzcheck.properties.statistical.StatisticalBudget;
import io.byzcheck.properties.statistical.StatisticalCatalogue;
import io.byzcheck.properties.statistical.StatisticalEntry;
import io.byzcheck.properties.stats.StatisticalResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * Everything one report runs, as independent tasks in catalogue order: the catalogue's entries, its negative
 * controls, the paper reproductions and the statistical checks (each at its share of the family's
 * false-failure level, which depends only on how many checks were selected). A task's result depends only on
 * the task (its seed comes from its ID and the master seed), so tasks may run in any order, on any thread or
 * machine; {@link #assemble} puts the results back in catalogue order and applies Holm's step over the
 * statistical checks. New checks in the catalogues become tasks here without a change.
 */
final class WorkPlan {
  /** What a task produces: its result's type, for partial results. */
  enum Kind {
    CHECK(CheckResult.class), CONTROL(NegativeControlResult.class), REPRODUCTION(ReproductionResult.class),
    STATISTICAL(StatisticalResult.class);

    final Class<?> result;

    Kind(Class<?> result) {
      this.result = result;
    }
  }

  /**
   * One unit of work.
   *
   * @param index position in the plan (catalogue order)
   * @param key unique and stable: kind, position within its kind, label
   * @param cost expected milliseconds on one core ({@link CostModel})
   */
  record Task(int index, String key, Kind kind, String label, double cost, Function<ProgressListener, Object> work) {}

  /** The report's content, assembled from every task's result. */
  record Outcome(CatalogueRun catalogue, List<ReproductionResult> reproductions, StatisticalCatalogue.Run statistical) {}

  private final Budget budget;
  private final String only;
  private final StatisticalBudget statisticalBudget;
  private final List<StatisticalEntry> statistical;
  private final boolean hasStatistical;
  private final List<Task> tasks;

  private WorkPlan(Budget budget, String only, StatisticalBudget sb, List<StatisticalEntry> statistical,
      boolean hasStatistical, List<Task> tasks) {
    this.budget = budget;
    this.only = only;
    this.statisticalBudget = sb;
    this.statistical = statistical;
    this.hasStatistical = hasStatistical;
    this.tasks = List.copyOf(tasks);
  }

  /**
   * The plan of a run restricted to IDs starting with {@code only} (null: everything; several prefixes separated
   * by commas select the IDs starting with any of them); {@code threads} is the
   * statistical checks' trial threads (it changes no result). A prefix matching nothing is a usage error.
   */
  static WorkPlan of(Budget budget, String only, int threads, CatalogueSource source,
      List<PaperReproduction> reproductions) {
    CostModel costs = new CostModel(budget);
    List<Task> tasks = new ArrayList<>();
    int[] perKind = new int[Kind.values().length];
    class Adder {
      void add(Kind kind, String label, Function<ProgressListener, Object> work) {
        String key = kind.name().toLowerCase(java.util.Locale.ROOT) + "#" + perKind[kind.ordinal()]++ + " " + label;
        tasks.add(new Task(tasks.size(), key, kind, label, costs.cost(kind, label), work));
      }
    }
    Adder adder = new Adder();
    for (Catalogue.Entry e : source.entries(budget)) {
      if (selected(only, e.id())) {
        adder.add(Kind.CHECK, e.name(), p -> Catalogue.runSafely(e));
      }
    }
    for (Catalogue.Control c : source.controls(budget)) {
      if (selected(only, c.id())) {
        adder.add(Kind.CONTROL, c.name(), p -> c.run());
      }
    }
    for (PaperReproduction r : reproductions) {
      if (selected(only, r.id())) {
        adder.add(Kind.REPRODUCTION, r.id(), p -> r.run(budget, p));
      }
    }
    StatisticalBudget sb = source.statisticalBudget(budget).withThreads(threads);
    List<StatisticalEntry> stats = source.statistical(sb).stream().filter(e -> selected(only, e.name())).toList();
    double level = StatisticalCatalogue.errorBudget(sb, stats).perCheck();
    for (StatisticalEntry e : stats) {
      adder.add(Kind.STATISTICAL, e.name(), p -> e.check().apply(level));
    }
    if (only != null && tasks.isEmpty()) {
      List<String> ids = new ArrayList<>(Catalogue.ids(budget));
      ids.addAll(StatisticalCatalogue.IDS);
      reproductions.forEach(r -> ids.add(r.id()));
      throw new ReportOptions.UsageException("--only " + only + ": no check or reproduction has an ID starting with '"
          + only + "' (IDs: " + ids + ")");
    }
    return new WorkPlan(budget, only, sb, stats, source.hasStatistical(), tasks);
  }

  /** {@code only} is one prefix or several separated by commas (as StatisticalCatalogueTest's filter). */
  private static boolean selected(String only, String id) {
    return only == null || java.util.Arrays.stream(only.split(",")).anyMatch(id::startsWith);
  }

  List<Task> tasks() {
    return tasks;
  }

  Budget budget() {
    return budget;
  }

  String only() {
    return only;
  }

  /** The tasks longest first (ties in catalogue order): the order a pool or a shard runs them in. */
  static List<Task> longestFirst(List<Task> tasks) {
    return tasks.stream().sorted(Comparator.comparingDouble(Task::cost).reversed()
        .thenComparingInt(Task::index)).toList();
  }

  /**
   * The tasks of {@code shard}, in catalogue order: greedy longest-processing-time assignment (Graham 1969) — each
   * task, longest first, goes to the shard with the least expected work so far (the lowest index on a tie). It
   * depends only on the plan and the shard count, so every shard computes the same partition on its own.
   */
  List<Task> shard(Shard shard) {
    double[] load = new double[shard.count()];
    List<Task> mine = new ArrayList<>();
    for (Task t : longestFirst(tasks)) {
      int best = 0;
      for (int s = 1; s < load.length; s++) {
        if (load[s] < load[best]) {
          best = s;
        }
      }
      load[best] += t.cost();
      if (best == shard.index()) {
        mine.add(t);
      }
    }
    mine.sort(Comparator.comparingInt(Task::index));
    return mine;
  }

  /**
   * A digest of what this plan would compute: budget, restriction, every task key and the cost table (which
   * decides the shards). Partial results merge only with the same fingerprint.
   */
  String fingerprint() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update((budget + "\n" + only + "\n" + hasStatistical + "\n" + CostModel.tableHash() + "\n")
          .getBytes(StandardCharsets.UTF_8));
      for (Task t : tasks) {
        md.update((t.key() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The report's content from every task's result ({@code results[i]} of task i) and the time spent in each.
   *
   * @param millis per task, for the parts' elapsed times (the sum of their tasks' times)
   */
  Outcome assemble(Object[] results, long[] millis) {
    ReportValidation.checkSameSize("assembling a report", "results", results.length, "tasks", tasks.size());
    List<CheckResult> checks = new ArrayList<>();
    List<NegativeControlResult> controls = new ArrayList<>();
    List<ReproductionResult> repro = new ArrayList<>();
    List<StatisticalResult> stats = new ArrayList<>();
    long catalogueMillis = 0;
    long statisticalMillis = 0;
    for (Task t : tasks) {
      Object r = results[t.index()];
      ReportValidation.check("task " + t.key(), t.kind().result.isInstance(r), "a " + t.kind().result.getSimpleName(),
          r == null ? "no result" : r.getClass().getSimpleName());
      switch (t.kind()) {
        case CHECK -> checks.add((CheckResult) r);
        case CONTROL -> controls.add((NegativeControlResult) r);
        case REPRODUCTION -> repro.add((ReproductionResult) r);
        case STATISTICAL -> stats.add((StatisticalResult) r);
      }
      if (t.kind() == Kind.CHECK || t.kind() == Kind.CONTROL) {
        catalogueMillis += millis[t.index()];
      } else if (t.kind() == Kind.STATISTICAL) {
        statisticalMillis += millis[t.index()];
      }
    }
    CatalogueRun run = new CatalogueRun(budget, checks, controls, catalogueMillis);
    StatisticalCatalogue.Run s = hasStatistical
        ? StatisticalCatalogue.assemble(statisticalBudget, statistical, stats, statisticalMillis) : null;
    return new Outcome(run, repro, s);
  }
}
