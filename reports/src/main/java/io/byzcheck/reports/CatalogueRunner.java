package io.byzcheck.reports;

import io.byzcheck.properties.Budget;
import io.byzcheck.properties.CatalogueRun;
import io.byzcheck.properties.ProgressListener;

/** Runs the check catalogue; the report's only view of the engine (tests pass their own). */
@FunctionalInterface
public interface CatalogueRunner {
  /**
   * @param only run only checks whose ID starts with this prefix, or null for all
   */
  CatalogueRun run(Budget budget, String only, ProgressListener progress);
}
