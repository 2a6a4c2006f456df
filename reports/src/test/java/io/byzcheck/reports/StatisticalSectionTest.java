package io.byzcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.properties.CatalogueRun;
import io.byzcheck.properties.Verdict;
import io.byzcheck.properties.statistical.StatisticalBudget;
import io.byzcheck.properties.statistical.StatisticalCatalogue;
import io.byzcheck.properties.stats.ErrorBudget;
import io.byzcheck.properties.stats.Evaluation;
import io.byzcheck.properties.stats.StatisticalResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The statistical section in the page, in report.json and in the coverage table. */
class StatisticalSectionTest {
  private static StatisticalResult result(String id, Verdict v, boolean ratio) {
    List<Evaluation> parts = List.of(new Evaluation("t = 1", 0.2, 0.1, 0.3, 0.7, 0.29, 1, 1.3, true, true),
        new Evaluation("t = 5", 0.3, 0.2, 0.4, 0.6, 0.5, 1, 1.3, true, true));
    return new StatisticalResult(id, "subject <" + id + ">", Map.of("n", 10), "An experiment.", 0.3, 0.2, 0.4, 0.6,
        id + " (paper)", 0.5, 500, 4000, 77, "a method", 1e-4, 0.5, 1.3, v, "ALIE (z = 1.0)", parts,
        new double[] {0.01, 0.2, 0.5}, ratio);
  }

  private static StatisticalCatalogue.Run run() {
    return new StatisticalCatalogue.Run(StatisticalBudget.CI, new ErrorBudget(1e-3, 2),
        List.of(result("RES-L1", Verdict.HOLDS, true), result("ALI-T32", Verdict.VIOLATED, true)),
        List.of(new StatisticalCatalogue.ControlResult("RES-L1", "no (1 − β)", result("RES-L1", Verdict.VIOLATED,
            true))), 1234);
  }

  @Test
  void thePageHasTheSectionTheBudgetTheTablesAndThePlots() {
    CatalogueRun base = Fixtures.run(true);
    String html = HtmlReport.render(Fixtures.report(base), run());
    assertThat(html).contains("id=\"statistical\"", "href=\"#statistical\"", "false-failure budget",
        "Holm over 2 statistical checks", "id=\"id-res-l1\"", "id=\"id-ali-t32\"", "subject &lt;RES-L1&gt;",
        "yes (VIOLATED)", "Lemma 1 bound", "red line: the bound");
    assertThat(html).doesNotContain("subject <RES-L1>");
    // without a statistical run the page is as before
    assertThat(HtmlReport.render(Fixtures.report(base))).doesNotContain("id=\"statistical\"");
  }

  private static StatisticalResult gap(String subject, double bound, double tightness, double[] ratios) {
    Map<String, Object> p = new java.util.LinkedHashMap<>();
    p.put("m", 10);
    p.put(StatisticalCatalogue.GAP_BOUND, bound);
    return new StatisticalResult("ALI-T32", subject, p, "An experiment.", 0, 0, 0.01, 0.05, "ALI-T32 (paper)",
        tightness, 400, 400, 7, "binomial", 1e-4, 1, 3, Verdict.HOLDS, "ALIE", List.of(), ratios, true);
  }

  @Test
  void theGapPlotShowsTheMeasuredGapAgainstBothBoundsPerPoint() {
    List<StatisticalResult> rs = List.of(gap("ByzantineSGD, printed constant", 2.0, 0.5, new double[] {0.1, 0.2, 0.4}),
        gap("ByzantineSGD, proof's constant", 4.0, 0.25, new double[] {0.05, 0.1, 0.2}),
        gap("ByzantineSGD, printed constant", 3.0, 0.1, new double[] {0.01, 0.02, 0.09}));
    Figure f = StatisticalSection.gapFigure("ALI-T32", rs);
    Map<String, Figure.Curve> byLabel = new java.util.HashMap<>();
    f.curves().forEach(c -> byLabel.put(c.label(), c));
    // printed constant: bounds 2 and 3 at points 1 and 2; quantile = tightness × B; median = middle ratio × B
    assertThat(byLabel.get("bound, printed constant").y()).containsExactly(2.0, 3.0);
    assertThat(byLabel.get("bound, proof's constant").y()).containsExactly(4.0);
    assertThat(byLabel.get("measured (1−δ)-quantile").y()).containsExactly(1.0, 0.30000000000000004);
    assertThat(byLabel.get("measured median").y()).containsExactly(0.4, 0.06);
    assertThat(f.title()).contains("1: {m=10}");
    assertThat(StatisticalSection.gapFigure("ALI-T32", List.of(result("ALI-T32", Verdict.HOLDS, true)))).isNull();
  }

  private static StatisticalResult rate(double trueSlope, double claimed) {
    double[] grid = {16, 32, 64, 128};
    return io.byzcheck.properties.stats.RateCheck.run(new io.byzcheck.properties.stats.StatisticalCheck.Subject(
        "YIN-RATE-MED", "median <GD>", Map.of("m", 10), "A rate experiment.", "YIN-RATE-MED (paper)", "ALIE"), grid,
        io.byzcheck.properties.stats.RateCheck.Claim.upper("n", claimed, 0.1),
        (j, seed) -> Math.pow(grid[j], trueSlope) * Math.exp(0.3 * new java.util.SplittableRandom(seed).nextGaussian()),
        30, 1, 5, 1e-4);
  }

  @Test
  void rateChecksHaveTheirTableAndALogLogPlotAndCountInTheCoverage() {
    StatisticalResult ok = rate(-0.5, -0.5);
    StatisticalResult control = rate(-0.5, -1);
    assertThat(ok.verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(control.verdict()).isEqualTo(Verdict.VIOLATED);
    StatisticalCatalogue.Run run = new StatisticalCatalogue.Run(StatisticalBudget.CI, new ErrorBudget(1e-3, 1),
        List.of(ok), List.of(new StatisticalCatalogue.ControlResult("YIN-RATE-MED", "claimed −1", control)), 10);
    String html = HtmlReport.render(Fixtures.report(Fixtures.run(true)), run);
    assertThat(html).contains("Rates and lower bounds", "id=\"id-yin-rate-med\"", "median &lt;GD&gt;",
        "theory slope -0.5", "theory slope -1", "fit -0.", "control caught (VIOLATED)", "as claimed (within τ)",
        "slower than claimed", "pointwise band");
    assertThat(TagBalance.check(SlopeChart.svg(ok))).isNull();
    assertThat(TagBalance.check(html)).isNull();
    TheoryCoverage.Row row = TheoryCoverage.of(Fixtures.run(true), run).rows().stream()
        .filter(r -> r.id().equals("YIN-RATE-MED")).findFirst().orElseThrow();
    assertThat(row.results()).isEqualTo(1);
    assertThat(row.negativeControls()).contains("claimed −1");
  }

  private static StatisticalResult lowerBound(String subject, double ratio16, double ratio64, Verdict v) {
    List<Evaluation> parts = List.of(
        new Evaluation("(E₁ + E₂)/sep at n = 16", ratio16, ratio16 - 0.02, ratio16 + 0.02, 1, ratio16, 1, 1.1, true, true),
        new Evaluation("(E₁ + E₂)/sep at n = 64", ratio64, ratio64 - 0.02, ratio64 + 0.02, 1, ratio64, 1, 1.1, true, true));
    return new StatisticalResult("YIN-OBS1", subject, Map.of("m", 100), "Appendix G's two worlds.", ratio16,
        ratio16 - 0.02, ratio16 + 0.02, 1, "YIN-OBS1 (paper)", ratio16, 400, 400, 9, "t-test", 1e-4, 0.5, 1.1, v,
        "construction", parts, new double[0], true);
  }

  @Test
  void aLowerBoundShowsItsMeasuredOverBoundRatiosPerPointAndCountsInTheCoverage() {
    StatisticalCatalogue.Run run = new StatisticalCatalogue.Run(StatisticalBudget.CI, new ErrorBudget(1e-3, 1),
        List.of(lowerBound("median <GD>", 1.137, 1.142, Verdict.HOLDS)), List.of(new StatisticalCatalogue.ControlResult(
            "YIN-OBS1", "an oracle", lowerBound("oracle", 0.61, 0.6, Verdict.VIOLATED))), 10);
    String html = HtmlReport.render(Fixtures.report(Fixtures.run(true)), run);
    assertThat(html).contains("Rates and lower bounds", "id=\"id-yin-obs1-bounds\"", "measured / bound",
        "(E₁ + E₂)/sep at n = 64", "1.14", "0.61", "median &lt;GD&gt;", "control caught (VIOLATED)");
    assertThat(TagBalance.check(html)).isNull();
    TheoryCoverage.Row row = TheoryCoverage.of(Fixtures.run(true), run).rows().stream()
        .filter(r -> r.id().equals("YIN-OBS1")).findFirst().orElseThrow();
    assertThat(row.results()).isEqualTo(1);
    assertThat(row.negativeControls()).contains("an oracle");
  }

  @Test
  @SuppressWarnings("unchecked")
  void reportJsonHasTheChecksAndTheBudget() {
    Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(JsonReport.render(Fixtures.report(Fixtures.run(true)),
        run()));
    Map<String, Object> s = (Map<String, Object>) doc.get("statisticalChecks");
    assertThat(s.get("familyFalseFailureBudget")).isEqualTo(1e-3);
    assertThat((List<Object>) s.get("checks")).hasSize(2);
    assertThat(((Map<String, Object>) ((List<Object>) s.get("negativeControls")).getFirst()).get("caught"))
        .isEqualTo(true);
  }

  @Test
  void coverageCountsTheStatisticalChecks() {
    TheoryCoverage cov = TheoryCoverage.of(Fixtures.run(true), run());
    TheoryCoverage.Row l1 = cov.rows().stream().filter(r -> r.id().equals("RES-L1")).findFirst().orElseThrow();
    assertThat(l1.results()).isEqualTo(1);
    assertThat(l1.negativeControls()).contains("no (1 − β)");
    assertThat(cov.checkedCount()).isEqualTo(TheoryCoverage.of(Fixtures.run(true)).checkedCount() + 2);
  }
}
