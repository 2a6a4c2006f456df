package io.byzcheck.reports;

import io.byzcheck.properties.Budget;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The expected cost of a task, in milliseconds on one core, for ordering the work (longest first, so that the
 * last task to start is a short one) and for balancing shards. Measured costs come from
 * {@code task-costs.tsv} (task label → milliseconds at the CI budget, from {@code timings.tasks} of a
 * one-thread CI run's report.json, see {@link #main}); a task not in it (a check added since) gets its kind's
 * median, so a new check plugs in without touching this class. At another budget the cost scales with the
 * work: the search's evaluations × restarts for catalogue checks, 10× (the statistical budget's ratio) for the
 * rest at the report budget. Only the order and the shard balance depend on it, never a result.
 */
final class CostModel {
  private static final Map<String, Double> MEASURED = load();
  private final Budget budget;

  CostModel(Budget budget) {
    this.budget = budget;
  }

  double cost(WorkPlan.Kind kind, String label) {
    Double ci = MEASURED.get(kind + "\t" + label);
    if (ci == null) {
      ci = MEASURED.getOrDefault(kind + "\t*", 100.0);
    }
    double scale = switch (kind) {
      case CHECK, CONTROL -> (double) budget.evaluationsPerCheck() * budget.restarts()
          / ((double) Budget.CI.evaluationsPerCheck() * Budget.CI.restarts());
      case REPRODUCTION, STATISTICAL -> "report".equals(budget.name()) ? 10 : 1;
    };
    return Math.max(1, ci) * scale; // a task measured at 0 ms (memoised work) still costs its setup
  }

  /** A stable digest of the table, part of a partial result's fingerprint (shards must balance alike). */
  static int tableHash() {
    return new java.util.TreeMap<>(MEASURED).hashCode();
  }

  private static Map<String, Double> load() {
    Map<String, Double> m = new HashMap<>();
    Map<String, java.util.List<Double>> byKind = new HashMap<>();
    try (InputStream in = CostModel.class.getResourceAsStream("task-costs.tsv")) {
      if (in == null) {
        return m;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        double ms = Double.parseDouble(f[2]);
        m.put(f[0] + "\t" + f[1], ms);
        byKind.computeIfAbsent(f[0], k -> new java.util.ArrayList<>()).add(ms);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the task cost table", e);
    }
    byKind.forEach((kind, v) -> {
      java.util.Collections.sort(v);
      m.put(kind + "\t*", v.get(v.size() / 2));
    });
    return m;
  }

  /**
   * Prints the cost table from a report.json written at the CI budget with {@code --threads 1} (one task at a
   * time, so that each task's time is its own): {@code java ... CostModel report/report.json > task-costs.tsv}.
   */
  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws IOException {
    Map<String, Object> doc = (Map<String, Object>) JsonParser.parse(java.nio.file.Files.readString(
        java.nio.file.Path.of(args[0])));
    Map<String, Object> timings = (Map<String, Object>) doc.get("timings");
    System.out.println("# kind\ttask label\tmilliseconds at the CI budget, one thread (CostModel.main)");
    for (Object o : (java.util.List<Object>) timings.get("tasks")) {
      Map<String, Object> t = (Map<String, Object>) o;
      System.out.println(t.get("kind") + "\t" + t.get("label") + "\t" + ((JsonParser.Num) t.get("millis")).literal());
    }
  }
}
