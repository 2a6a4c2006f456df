package io.byzcheck.properties.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;
import io.byzcheck.properties.Budget;
import io.byzcheck.properties.CheckResult;
import io.byzcheck.properties.ResilienceCheck;
import io.byzcheck.properties.Verdict;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.extensions.NoResilienceCoefficient;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 16's rules in the catalogue at the CI budget, run on their own (the whole {@link CatalogueTest} takes the
 * catalogue's time): the EXT-…-NOLAMBDA entries (λ = 1000 claimed on purpose, VIOLATED expected) and every other
 * entry of DnC, SignGuard, clipped clustering and FLTrust (Prop. 2's lower bound, invariances, fast = reference).
 * Their negative control: the same λ = 1000 claim through the same check on a resilient rule (CWMed, whose
 * Table 1 λ is far below 1000 at these points) must HOLD, so a VIOLATED verdict comes from the rule, not the check.
 */
class Issue16CatalogueTest {
  private static final Budget BUDGET = Budget.CI.withSeed(Long.getLong("byzcheck.seed", Budget.DEFAULT_SEED));
  private static final List<String> RULES = List.of("DnC", "SignGuard", "ClippedClustering", "FLTrust");

  private static boolean issue16(Catalogue.Entry e) {
    return e.id().endsWith("-NOLAMBDA") || RULES.stream().anyMatch(r -> e.name().contains(r));
  }

  @TestFactory
  Stream<DynamicTest> issue16EntriesGiveTheirVerdicts() {
    List<Catalogue.Entry> entries = Catalogue.entries(BUDGET).stream().filter(Issue16CatalogueTest::issue16).toList();
    assertThat(entries).extracting(Catalogue.Entry::id).contains("EXT-DNC-NOLAMBDA", "EXT-SIGNGUARD-NOLAMBDA",
        "EXT-CLIPCLUST-NOLAMBDA", "EXT-FLTRUST-NOLAMBDA");
    return entries.stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
      CheckResult r = e.check().get();
      System.out.printf("[byzcheck] %s %s: %s, worst ratio %.4g (bound %.4g, %d evaluations, seed %d)%n", e.id(),
          e.name(), r.verdict(), r.worstRatio(), r.bound(), r.evaluations(), r.seed());
      assertThat(r.verdict()).as("%s: worst ratio %s, master seed %d, counterexample:%n%s", e.name(), r.worstRatio(),
          BUDGET.seed(), r.counterexample()).isEqualTo(e.expected());
    }));
  }

  @TestFactory
  Stream<DynamicTest> theSameClaimOnAResilientRuleHolds() {
    AggregationRule cwmed = new CoordinateWiseMedian();
    List<Citation> ids = List.of(NoResilienceCoefficient.DNC, NoResilienceCoefficient.SIGNGUARD,
        NoResilienceCoefficient.CLIPPED_CLUSTERING, NoResilienceCoefficient.FLTRUST);
    return ids.stream().map(c -> DynamicTest.dynamicTest(c.id() + " control: CWMed n=7 f=3 d=3", () -> {
      CheckResult r = ResilienceCheck.of(c.id(), cwmed, (n, f, d) -> NoResilienceCoefficient.claimedOnPurpose(c))
          .run(7, 3, 3, BUDGET);
      System.out.printf("[byzcheck] %s control on CWMed: %s, worst ratio %.4g%n", c.id(), r.verdict(), r.worstRatio());
      assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
    }));
  }
}
