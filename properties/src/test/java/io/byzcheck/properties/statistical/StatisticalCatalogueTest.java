package io.byzcheck.properties.statistical;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.properties.Budget;
import io.byzcheck.properties.Verdict;
import io.byzcheck.properties.stats.ErrorBudget;
import io.byzcheck.properties.stats.StatisticalResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every kind-E statement at the CI budget, one dynamic test per check, named by its THEORY.md ID. Each runs at
 * its Bonferroni share of the family budget (Holm's first step; the report applies the whole step-down), so a
 * correct build fails one of them with probability ≤ 10⁻³. Replay a failure with
 * -Dsurefire.extraArgs=-Dbyzcheck.seed=… (the master seed and the check's seed are in the message).
 */
class StatisticalCatalogueTest {
  /** -Dbyzcheck.statistical.budget=report runs the report's budget (to time or replay it; not in mvn verify). */
  private static final StatisticalBudget BUDGET = ("report".equals(System.getProperty("byzcheck.statistical.budget"))
      ? StatisticalBudget.REPORT : StatisticalBudget.CI).withSeed(Long.getLong("byzcheck.seed", Budget.DEFAULT_SEED));
  /**
   * -Dbyzcheck.statistical.only=YIN-RATE runs the entries whose name starts with it (a targeted run); several
   * prefixes separated by commas run the entries that start with any of them.
   */
  private static final String ONLY = System.getProperty("byzcheck.statistical.only", "");
  private static final List<StatisticalEntry> ENTRIES = StatisticalCatalogue.entries(BUDGET);
  private static final List<StatisticalEntry> SELECTED = ENTRIES.stream()
      .filter(e -> java.util.Arrays.stream(ONLY.split(",", -1)).anyMatch(e.name()::startsWith)).toList();
  private static final ErrorBudget ERRORS = StatisticalCatalogue.errorBudget(BUDGET, ENTRIES);

  @TestFactory
  Stream<DynamicTest> everyKindEStatementGivesItsExpectedVerdict() {
    return SELECTED.stream().filter(e -> !e.control()).map(e -> DynamicTest.dynamicTest(e.name(), () -> {
      StatisticalResult r = e.check().apply(ERRORS.perCheck());
      System.out.println("[byzcheck] " + r.summary() + rate(r));
      assertThat(r.verdict())
          .as("%s (master seed %d): %s — %s", e.name(), BUDGET.seed(), r.summary(), e.description())
          .isEqualTo(e.expected());
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyStatisticalControlIsCaught() {
    return SELECTED.stream().filter(StatisticalEntry::control).map(e -> DynamicTest.dynamicTest(e.name(), () -> {
      StatisticalResult r = e.check().apply(ERRORS.perCheck());
      System.out.println("[byzcheck] control " + r.summary() + rate(r));
      assertThat(r.verdict())
          .as("%s — %s — was not caught (master seed %d): %s; this check cannot be trusted", e.name(),
              e.description(), BUDGET.seed(), r.summary())
          .isEqualTo(Verdict.VIOLATED);
    }));
  }

  private static String rate(StatisticalResult r) {
    return r.rate() == null ? "" : "; slope " + r.rate().fit().slope() + " ± " + r.rate().fit().slopeError()
        + ", claimed " + r.rate().claim().claimed() + ", " + r.rate().finding();
  }

  @TestFactory
  Stream<DynamicTest> everyKindEIdHasTwoPointsAndAControl() {
    return StatisticalCatalogue.IDS.stream().map(id -> DynamicTest.dynamicTest(id, () -> {
      assertThat(ENTRIES.stream().filter(e -> e.id().equals(id) && !e.control()).count()).isGreaterThanOrEqualTo(2);
      assertThat(ENTRIES.stream().filter(e -> e.id().equals(id) && e.control()).count()).isGreaterThanOrEqualTo(1);
    }));
  }
}
