package io.byzcheck.properties.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.properties.Budget;
import io.byzcheck.properties.CheckResult;
import io.byzcheck.properties.NegativeControlResult;
import io.byzcheck.properties.Verdict;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The catalogue at the CI budget, one dynamic test per entry, named by its THEORY.md ID. Replay a
 * failure with -Dsurefire.extraArgs=-Dbyzcheck.seed=… (the master seed is printed in each message).
 */
class CatalogueTest {
  private static final Budget BUDGET = Budget.CI.withSeed(Long.getLong("byzcheck.seed", Budget.DEFAULT_SEED));

  @TestFactory
  Stream<DynamicTest> everyEntryGivesThePapersVerdict() {
    return Catalogue.entries(BUDGET).stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
      CheckResult r = e.check().get();
      System.out.printf("[byzcheck] %s: worst ratio %.4f (bound %.4f, %d evaluations, seed %d)%n", e.name(),
          r.worstRatio(), r.bound(), r.evaluations(), r.seed());
      assertThat(r.verdict())
          .as("%s: worst ratio %s, master seed %d, check seed %d, counterexample:%n%s", e.name(), r.worstRatio(),
              BUDGET.seed(), r.seed(), r.counterexample())
          .isEqualTo(e.expected());
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyNegativeControlIsCaught() {
    return Catalogue.controls(BUDGET).stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      NegativeControlResult r = c.run();
      System.out.printf("[byzcheck] %s: worst ratio %.4f, caught %s%n%s%n", c.name(), r.result().worstRatio(),
          r.caught(), r.result().counterexample());
      assertThat(r.caught())
          .as("%s was not caught: worst ratio %s (master seed %d) — this check cannot be trusted", c.name(),
              r.result().worstRatio(), BUDGET.seed())
          .isTrue();
      assertThat(r.result().counterexample()).isNotBlank();
    }));
  }
}
