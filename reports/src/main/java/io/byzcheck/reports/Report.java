package io.byzcheck.reports;

import io.byzcheck.properties.CatalogueRun;
import io.byzcheck.properties.CheckResult;
import io.byzcheck.properties.NegativeControlResult;
import io.byzcheck.properties.Verdict;
import io.byzcheck.theory.Discrepancy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one report shows, independent of its format: {@link HtmlReport} and
 * {@link JsonReport} render the same value.
 */
public record Report(RunMetadata metadata, CatalogueRun run, TheoryCoverage coverage,
    List<Discrepancy> discrepancies, List<ReproductionResult> reproductions) {

  public Report {
    discrepancies = List.copyOf(discrepancies);
    reproductions = List.copyOf(reproductions);
  }

  /** Verdict counts and the negative controls that failed to fail. */
  public record Summary(int holds, int violated, int inconclusive, int controlsCaught, int controlsTotal,
      List<NegativeControlResult> uncaughtControls, List<String> idsWithoutControl) {}

  public Summary summary() {
    int holds = 0;
    int violated = 0;
    int inconclusive = 0;
    for (CheckResult c : run.checks()) {
      switch (c.verdict()) {
        case HOLDS -> holds++;
        case VIOLATED -> violated++;
        case INCONCLUSIVE -> inconclusive++;
      }
    }
    List<NegativeControlResult> uncaught = new ArrayList<>();
    Set<String> guarded = new LinkedHashSet<>();
    for (NegativeControlResult nc : run.negativeControls()) {
      guarded.add(nc.id());
      if (!nc.caught()) {
        uncaught.add(nc);
      }
    }
    List<String> unguarded = groupedChecks().keySet().stream().filter(id -> !guarded.contains(id)).toList();
    return new Summary(holds, violated, inconclusive, run.negativeControls().size() - uncaught.size(),
        run.negativeControls().size(), uncaught, unguarded);
  }

  /** The checks grouped by THEORY.md ID, IDs and rows in catalogue order. */
  public Map<String, List<CheckResult>> groupedChecks() {
    Map<String, List<CheckResult>> groups = new LinkedHashMap<>();
    for (CheckResult c : run.checks()) {
      groups.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(c);
    }
    return groups;
  }

  /** True when some negative control with this ID was not caught: its check cannot be trusted. */
  public boolean untrusted(String id) {
    return run.negativeControls().stream().anyMatch(nc -> nc.id().equals(id) && !nc.caught());
  }

  static long count(List<CheckResult> checks, Verdict v) {
    return checks.stream().filter(c -> c.verdict() == v).count();
  }
}
