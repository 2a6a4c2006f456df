package io.byzcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.properties.Budget;
import io.byzcheck.properties.CatalogueRun;
import io.byzcheck.properties.CheckResult;
import io.byzcheck.properties.Verdict;
import io.byzcheck.theory.extensions.BulyanResilience;
import io.byzcheck.theory.extensions.NoResilienceCoefficient;
import io.byzcheck.theory.resam.ResilienceCoefficient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Rules table: one row per coefficient ID, its source, and the measured λ̂ at the worst grid point. */
class RuleTableTest {

  @Test
  void oneRowPerCoefficientWithTheMeasuredLambda() {
    List<CheckResult> checks = List.of(
        CheckResult.against(BulyanResilience.lambda(7, 1, 1), "EXT-BULYAN-LAMBDA", "Bulyan", Fixtures.nfd(7, 1, 1),
            0.33, 600, 1L, Verdict.HOLDS, null),
        CheckResult.against(BulyanResilience.lambda(11, 2, 5), "EXT-BULYAN-LAMBDA", "Bulyan", Fixtures.nfd(11, 2, 5),
            0.10, 600, 2L, Verdict.HOLDS, null),
        CheckResult.against(ResilienceCoefficient.coordinateWiseMedian(15, 5, 10), "RES-T1-CWMED", "CWMed",
            Fixtures.nfd(15, 5, 10), 0.41, 600, 3L, Verdict.HOLDS, null),
        // No claim (an invariance): not a coefficient, no row.
        new CheckResult("INV-SCALING", "Bulyan", Fixtures.nfd(11, 2, 3), 0, 0, 600, 4L, Verdict.HOLDS, null));
    Report report = Fixtures.report(new CatalogueRun(Budget.CI, checks, List.of(), 10));
    Map<String, TheoryCoverage.Row> kinds = new LinkedHashMap<>();
    report.coverage().rows().forEach(r -> kinds.put(r.id(), r));
    List<RuleTable.Row> rows = RuleTable.rows(report, kinds);
    assertThat(rows).extracting(RuleTable.Row::id).containsExactly("EXT-BULYAN-LAMBDA", "RES-T1-CWMED");
    RuleTable.Row bulyan = rows.getFirst();
    assertThat(bulyan.points()).isEqualTo(2);
    assertThat(bulyan.worstFraction()).isEqualTo(0.33);
    // λ = 2·min{2√6, √1} = 2 at (7, 1, 1): λ̂ = 0.33 · 2.
    assertThat(bulyan.measuredLambda()).isCloseTo(0.66, within(1e-12));
    assertThat(bulyan.lambdaSource()).startsWith("own, EXTENSIONS.md");
    assertThat(bulyan.worstPoint()).containsEntry("n", 7).containsEntry("f", 1);
    String html = HtmlReportTest.section(HtmlReport.render(report), "rules");
    assertThat(html).contains("El Mhamdi et al. 2018").contains("(measured)").contains("Farhadkhani et al. 2022");
    assertThat(TagBalance.check(HtmlReport.render(report))).isNull();
  }

  /**
   * A rule with no λ (kind L, λ = 1000 claimed on purpose) gets a row too: the search's worst ratio times 1000 is
   * its measured λ̂, ∞ when identical honest inputs were not returned; CGE's RES-C9-CGE (no definition listed)
   * does not.
   */
  @Test
  void rulesWithoutACoefficientShowTheMeasuredLambdaAgainstTheClaimMadeOnPurpose() {
    List<CheckResult> checks = List.of(
        CheckResult.against(NoResilienceCoefficient.claimedOnPurpose(NoResilienceCoefficient.SIGNGUARD),
            "EXT-SIGNGUARD-NOLAMBDA", "SignGuard", Fixtures.nfd(5, 1, 2), Double.POSITIVE_INFINITY, 600, 1L,
            Verdict.VIOLATED, "x"),
        CheckResult.against(NoResilienceCoefficient.claimedOnPurpose(NoResilienceCoefficient.DNC),
            "EXT-DNC-NOLAMBDA", "DnC", Fixtures.nfd(7, 3, 2), 0.004, 600, 2L, Verdict.HOLDS, null),
        CheckResult.against(io.byzcheck.theory.Bound.of(1e3,
            io.byzcheck.theory.resam.ComparativeEliminationCounterexample.CITATION), "RES-C9-CGE", "CGE",
            Fixtures.nfd(5, 2, 2), 5.0, 600, 3L, Verdict.VIOLATED, "x"));
    Report report = Fixtures.report(new CatalogueRun(Budget.CI, checks, List.of(), 10));
    Map<String, TheoryCoverage.Row> kinds = new LinkedHashMap<>();
    report.coverage().rows().forEach(r -> kinds.put(r.id(), r));
    List<RuleTable.Row> rows = RuleTable.rows(report, kinds);
    assertThat(rows).extracting(RuleTable.Row::id).containsExactly("EXT-SIGNGUARD-NOLAMBDA", "EXT-DNC-NOLAMBDA");
    assertThat(rows.get(0).measuredLambda()).isInfinite();
    assertThat(rows.get(0).violated()).isEqualTo(1);
    assertThat(rows.get(1).measuredLambda()).isCloseTo(4.0, within(1e-9));
    String html = HtmlReportTest.section(HtmlReport.render(report), "rules");
    assertThat(html).contains("∞ <span class=\"muted\">(measured)</span>").contains("Xu et al. 2022");
  }
}
