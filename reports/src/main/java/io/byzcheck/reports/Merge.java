package io.byzcheck.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Combines the partial results of the k shards of one run ({@code ReportMain merge DIR|FILE...}) into the
 * report the unsharded run would have written: the same plan is rebuilt from the partials' budget and
 * restriction, every task's result is taken from the shard that owns it, and the report is assembled and
 * rendered as usual. Refused, with the reason: partials of different runs (version, plan fingerprint, seed,
 * budget, restriction or shard count differ), a missing or duplicated shard, and a shard whose tasks are not
 * the slice the plan gives it.
 */
final class Merge {
  /** The merged results and the partials they came from (shard 0 first). */
  record Merged(WorkPlan plan, ParallelRunner.Results results, List<PartialResult> partials) {}

  private Merge() {}

  /** The partial results named: files as given, and every {@code partial-*-of-*.json} in a directory. */
  static List<Path> expand(List<Path> inputs) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          List<Path> found = s.filter(f -> f.getFileName().toString().matches("partial-\\d+-of-\\d+\\.json"))
              .sorted().toList();
          if (found.isEmpty()) {
            throw new ReportOptions.UsageException("merge: no partial results (partial-I-of-K.json) in " + p);
          }
          files.addAll(found);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new ReportOptions.UsageException("merge: " + p + " does not exist");
      }
    }
    return files;
  }

  static Merged merge(List<Path> files, CatalogueSource source, List<PaperReproduction> reproductions)
      throws IOException {
    if (files.isEmpty()) {
      throw new ReportOptions.UsageException("merge needs the partial results of a sharded run (files or directories)");
    }
    Map<Integer, PartialResult> byIndex = new TreeMap<>();
    Map<Integer, Path> from = new HashMap<>();
    PartialResult first = null;
    Path firstFile = null;
    for (Path f : files) {
      PartialResult p = PartialResult.read(f);
      if (first == null) {
        first = p;
        firstFile = f;
      } else {
        same(f, firstFile, "ByzCheck version", p.version(), first.version());
        same(f, firstFile, "master seed", p.budget().seed(), first.budget().seed());
        same(f, firstFile, "budget", p.budget(), first.budget());
        same(f, firstFile, "--only restriction", p.only(), first.only());
        same(f, firstFile, "shard count", p.shard().count(), first.shard().count());
        same(f, firstFile, "plan fingerprint (the catalogue or the cost table differ)", p.fingerprint(),
            first.fingerprint());
      }
      Path twice = from.put(p.shard().index(), f);
      if (twice != null) {
        throw new IllegalArgumentException("merge: shard " + p.shard() + " appears twice (" + twice + " and " + f
            + ")");
      }
      byIndex.put(p.shard().index(), p);
    }
    int k = first.shard().count();
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      if (!byIndex.containsKey(i)) {
        missing.add(i);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("merge: shard" + (missing.size() > 1 ? "s " : " ") + missing + " of 0…"
          + (k - 1) + " missing (have " + byIndex.keySet() + "); run " + (missing.size() > 1 ? "them" : "it")
          + " with --shard " + missing.getFirst() + "/" + k + " …");
    }
    same(firstFile, null, "ByzCheck version", first.version(), PartialResult.buildVersion());
    WorkPlan plan = WorkPlan.of(first.budget(), first.only(), first.threads(), source, reproductions);
    if (!plan.fingerprint().equals(first.fingerprint()) || plan.tasks().size() != first.tasks()) {
      throw new IllegalArgumentException("merge: the partial results were computed from another plan than this "
          + "build's (fingerprint " + first.fingerprint() + ", " + first.tasks() + " tasks; here "
          + plan.fingerprint() + ", " + plan.tasks().size() + " tasks): merge with the build that ran the shards");
    }
    Object[] values = new Object[plan.tasks().size()];
    long[] millis = new long[values.length];
    for (PartialResult p : byIndex.values()) {
      List<WorkPlan.Task> slice = plan.shard(p.shard());
      List<String> want = slice.stream().map(WorkPlan.Task::key).toList();
      if (!want.equals(p.keys())) {
        throw new IllegalArgumentException("merge: " + from.get(p.shard().index()) + " does not hold shard "
            + p.shard() + "'s tasks (" + p.keys().size() + " results, " + want.size() + " expected)");
      }
      for (WorkPlan.Task t : slice) {
        values[t.index()] = p.results().get(t.key());
        millis[t.index()] = p.millis().get(t.key());
      }
    }
    return new Merged(plan, new ParallelRunner.Results(values, millis), List.copyOf(byIndex.values()));
  }

  private static void same(Path file, Path other, String what, Object a, Object b) {
    if (!java.util.Objects.equals(a, b)) {
      throw new IllegalArgumentException("merge: " + file + " has " + what + " " + a + " but "
          + (other == null ? "this build has " : other + " has ") + b + " — only the shards of one run merge");
    }
  }
}
