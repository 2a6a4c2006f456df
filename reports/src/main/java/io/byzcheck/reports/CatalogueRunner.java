package io.byzcheck.reports;

import io.byzcheck.properties.Budget;
import io.byzcheck.properties.CatalogueRun;
import io.byzcheck.properties.ProgressListener;
import io.byzcheck.properties.catalogue.Catalogue;
import java.util.List;

/** Runs the check catalogue; the report's only view of the engine (tests pass their own). */
@FunctionalInterface
public interface CatalogueRunner {
  /**
   * @param only run only checks whose ID starts with this prefix, or null for all
   */
  CatalogueRun run(Budget budget, String only, ProgressListener progress);

  /**
   * The production runner: {@link Catalogue#run} over the whole catalogue or, with a prefix, over the
   * matching entries and controls only (a restricted run costs only what it shows); a prefix that
   * matches no ID is a usage error.
   */
  static CatalogueRunner catalogue() {
    return (budget, only, progress) -> {
      if (only == null) {
        return Catalogue.run(budget, Catalogue.ALL, progress);
      }
      List<String> ids = Catalogue.ids(budget);
      if (ids.stream().noneMatch(id -> id.startsWith(only))) {
        throw new ReportOptions.UsageException("--only " + only + ": no catalogue entry has an ID starting with '"
            + only + "' (IDs: " + ids + ")");
      }
      return Catalogue.run(budget, id -> id.startsWith(only), progress);
    };
  }
}
