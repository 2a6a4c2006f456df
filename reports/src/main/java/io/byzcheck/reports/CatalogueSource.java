package io.byzcheck.reports;

import io.byzcheck.properties.CatalogueRun;
import io.byzcheck.properties.CheckResult;
import io.byzcheck.properties.NegativeControlResult;
import io.byzcheck.properties.catalogue.Catalogue;
import java.util.ArrayList;
import java.util.List;

/**
 * The production {@link CatalogueRunner}: {@link Catalogue#run} for the whole catalogue; with an ID
 * prefix, only the matching {@link Catalogue#entries} and {@link Catalogue#controls} are run (so a
 * restricted run costs only what it shows).
 */
final class CatalogueSource {
  private CatalogueSource() {}

  static CatalogueRunner catalogue() {
    return (budget, only, progress) -> {
      if (only == null) {
        return Catalogue.run(budget, progress);
      }
      long t0 = System.nanoTime();
      List<Catalogue.Entry> entries = Catalogue.entries(budget).stream().filter(e -> e.id().startsWith(only)).toList();
      List<Catalogue.Control> controls = Catalogue.controls(budget).stream().filter(c -> c.id().startsWith(only)).toList();
      if (entries.isEmpty() && controls.isEmpty()) {
        throw new ReportOptions.UsageException("--only " + only + ": no catalogue entry has an ID starting with '" + only
            + "' (IDs: " + Catalogue.entries(budget).stream().map(Catalogue.Entry::id).distinct().toList() + ")");
      }
      int total = entries.size() + controls.size();
      int done = 0;
      List<CheckResult> results = new ArrayList<>();
      for (Catalogue.Entry e : entries) {
        progress.progress(done++, total, e.name());
        results.add(e.check().get());
      }
      List<NegativeControlResult> caught = new ArrayList<>();
      for (Catalogue.Control c : controls) {
        progress.progress(done++, total, c.name());
        caught.add(c.run());
      }
      progress.progress(done, total, "done");
      return new CatalogueRun(budget, results, caught, (System.nanoTime() - t0) / 1_000_000);
    };
  }
}
