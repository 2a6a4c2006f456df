package io.byzcheck.properties;

import java.util.List;

/**
 * Everything one run of the catalogue produced: what the report renders and report.json holds.
 *
 * @param budget the budget it ran at
 * @param checks one result per (ID, rule, parameter point)
 * @param negativeControls the deliberately wrong rules and whether each was caught
 * @param elapsedMillis wall-clock duration of the run
 */
public record CatalogueRun(Budget budget, List<CheckResult> checks, List<NegativeControlResult> negativeControls,
    long elapsedMillis) {
  public CatalogueRun {
    checks = List.copyOf(checks);
    negativeControls = List.copyOf(negativeControls);
  }
}
