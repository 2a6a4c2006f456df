package io.byzcheck.reports;

import io.byzcheck.properties.Budget;
import io.byzcheck.properties.catalogue.Catalogue;
import io.byzcheck.properties.statistical.StatisticalBudget;
import io.byzcheck.properties.statistical.StatisticalCatalogue;
import io.byzcheck.properties.statistical.StatisticalEntry;
import java.util.List;

/**
 * The checks the report runs: the catalogue's entries and controls and the statistical entries, in catalogue
 * order (tests pass their own). The report runs them as independent tasks ({@link WorkPlan}); each check derives
 * its seed from its own ID and the master seed, so neither the order nor the thread that runs it matters.
 */
public interface CatalogueSource {
  List<Catalogue.Entry> entries(Budget budget);

  List<Catalogue.Control> controls(Budget budget);

  /** The statistical entries at this budget (none: no statistical section). */
  default List<StatisticalEntry> statistical(StatisticalBudget budget) {
    return List.of();
  }

  /** The statistical checks' budget for a run at {@code budget}: the statistical budget of the same name. */
  default StatisticalBudget statisticalBudget(Budget budget) {
    return StatisticalBudget.matching(budget);
  }

  /** Whether this source has a statistical section at all (a run without it writes none). */
  default boolean hasStatistical() {
    return false;
  }

  /** The production catalogue, with the statistical checks (kind E). */
  static CatalogueSource catalogue() {
    return new CatalogueSource() {
      @Override
      public List<Catalogue.Entry> entries(Budget budget) {
        return Catalogue.entries(budget);
      }

      @Override
      public List<Catalogue.Control> controls(Budget budget) {
        return Catalogue.controls(budget);
      }

      @Override
      public List<StatisticalEntry> statistical(StatisticalBudget budget) {
        return StatisticalCatalogue.entries(budget);
      }

      @Override
      public boolean hasStatistical() {
        return true;
      }
    };
  }

  /** The catalogue without the statistical checks (the renderer's tests, quick end-to-end runs). */
  static CatalogueSource withoutStatistical() {
    CatalogueSource all = catalogue();
    return new CatalogueSource() {
      @Override
      public List<Catalogue.Entry> entries(Budget budget) {
        return all.entries(budget);
      }

      @Override
      public List<Catalogue.Control> controls(Budget budget) {
        return all.controls(budget);
      }
    };
  }
}
