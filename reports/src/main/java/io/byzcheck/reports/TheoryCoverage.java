package io.byzcheck.reports;

import io.byzcheck.properties.CatalogueRun;
import io.byzcheck.properties.CheckResult;
import io.byzcheck.properties.NegativeControlResult;
import io.byzcheck.theory.Statement;
import io.byzcheck.theory.TheoryCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every ID of THEORY.md against what this build does with it: encoded in {@code theory}? checked
 * by which catalogue entries? guarded by a negative control? Also lists check IDs that THEORY.md
 * does not know, so that nothing the catalogue ran is hidden from the coverage table.
 *
 * @param rows one per THEORY.md ID, in document order
 * @param unknownCheckIds IDs of checks or negative controls that are not THEORY.md IDs
 */
public record TheoryCoverage(List<Row> rows, List<String> unknownCheckIds) {

  /**
   * @param id THEORY.md ID
   * @param kind V, D, E, L, R or Q
   * @param statement the implementing statement, or null when {@code theory} does not encode it
   * @param checkedBy distinct rule names of the catalogue results with this ID
   * @param results number of catalogue results with this ID
   * @param negativeControls descriptions of the negative controls with this ID
   */
  public record Row(String id, char kind, Statement statement, List<String> checkedBy, int results,
      List<String> negativeControls) {
    public boolean implemented() {
      return statement != null;
    }
  }

  public TheoryCoverage {
    rows = List.copyOf(rows);
    unknownCheckIds = List.copyOf(unknownCheckIds);
  }

  /**
   * Coverage of the bundled THEORY.md, then of the project's own EXTENSIONS.md (the rules beyond the four
   * papers), by {@link TheoryCatalog} and by {@code run}.
   */
  public static TheoryCoverage of(CatalogueRun run) {
    return of(allIds(), allStatements(), run);
  }

  /** THEORY.md's IDs, then EXTENSIONS.md's, each in document order. */
  static Map<String, Character> allIds() {
    Map<String, Character> ids = new LinkedHashMap<>(TheoryCatalog.theoryIds());
    ids.putAll(TheoryCatalog.extensionIds());
    return ids;
  }

  private static List<Statement> allStatements() {
    List<Statement> all = new ArrayList<>(TheoryCatalog.implemented());
    all.addAll(TheoryCatalog.extensions());
    return all;
  }

  /** As {@link #of(CatalogueRun)}, counting the statistical checks and their controls too. */
  public static TheoryCoverage of(CatalogueRun run, io.byzcheck.properties.statistical.StatisticalCatalogue.Run stats) {
    TheoryCoverage base = of(run);
    List<Row> rows = new ArrayList<>();
    for (Row r : base.rows()) {
      List<io.byzcheck.properties.stats.StatisticalResult> mine = stats.checks().stream()
          .filter(c -> c.id().equals(r.id())).toList();
      Set<String> by = new LinkedHashSet<>(r.checkedBy());
      mine.forEach(c -> by.add(c.subject()));
      List<String> controls = new ArrayList<>(r.negativeControls());
      stats.controls().stream().filter(c -> c.id().equals(r.id())).forEach(c -> controls.add(c.description()));
      rows.add(new Row(r.id(), r.kind(), r.statement(), List.copyOf(by), r.results() + mine.size(), controls));
    }
    return new TheoryCoverage(rows, base.unknownCheckIds());
  }

  static TheoryCoverage of(Map<String, Character> theoryIds, List<Statement> implemented, CatalogueRun run) {
    Map<String, Statement> byId = new LinkedHashMap<>();
    for (Statement s : implemented) {
      byId.putIfAbsent(s.id(), s);
    }
    Map<String, Set<String>> rules = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (CheckResult c : run.checks()) {
      rules.computeIfAbsent(c.id(), k -> new LinkedHashSet<>()).add(c.rule());
      counts.merge(c.id(), 1, Integer::sum);
    }
    Map<String, List<String>> controls = new LinkedHashMap<>();
    for (NegativeControlResult nc : run.negativeControls()) {
      controls.computeIfAbsent(nc.id(), k -> new ArrayList<>()).add(nc.description());
    }
    List<Row> rows = new ArrayList<>();
    theoryIds.forEach((id, kind) -> rows.add(new Row(id, kind, byId.get(id),
        List.copyOf(rules.getOrDefault(id, Set.of())), counts.getOrDefault(id, 0),
        List.copyOf(controls.getOrDefault(id, List.of())))));
    Set<String> unknown = new LinkedHashSet<>();
    rules.keySet().stream().filter(id -> !theoryIds.containsKey(id)).forEach(unknown::add);
    controls.keySet().stream().filter(id -> !theoryIds.containsKey(id)).forEach(unknown::add);
    byId.keySet().stream().filter(id -> !theoryIds.containsKey(id)).forEach(unknown::add);
    return new TheoryCoverage(rows, List.copyOf(unknown));
  }

  /** IDs whose kind is not Q (the ones {@code theory} is meant to encode). */
  public long encodable() {
    return rows.stream().filter(r -> r.kind() != 'Q').count();
  }

  public long implementedCount() {
    return rows.stream().filter(Row::implemented).count();
  }

  public long checkedCount() {
    return rows.stream().filter(r -> r.results() > 0).count();
  }
}
