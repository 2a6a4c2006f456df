package io.byzcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.byzcheck.properties.Budget;
import io.byzcheck.properties.CatalogueRun;
import io.byzcheck.properties.CheckResult;
import io.byzcheck.properties.Verdict;
import io.byzcheck.theory.Discrepancy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReportTest {

  @Test
  void theParserUsedBelowRejectsBrokenJson() {
    // The round-trip tests are only as good as this parser's strictness.
    for (String bad : List.of("{\"a\":1,}", "[1 2]", "{\"a\":NaN}", "\"raw\nnewline\"", "{\"a\":1} x", "01", "{a:1}")) {
      assertThatThrownBy(() -> MiniJson.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(MiniJson.parse("{\"a\":[1,2.5,\"x\\\"y\",true,null]}"))
        .isEqualTo(Map.of("a", java.util.Arrays.asList(1L, 2.5, "x\"y", true, null)));
  }

  @Test
  @SuppressWarnings("unchecked")
  void reportJsonParsesBackWithTheRunsValues() {
    CatalogueRun run = Fixtures.run(false);
    Report report = Fixtures.report(run, List.of(new Discrepancy("ALI-ALG1", "B_i = Σ‖∇‖", "B_i = Σ∇", "text says \"vector\"")),
        List.of());
    Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(JsonReport.render(report));

    assertThat(doc.keySet()).containsExactly("schema", "metadata", "summary", "checks", "negativeControls",
        "theoryCoverage", "discrepancies", "paperReproductions");
    assertThat(doc.get("schema")).isEqualTo(JsonReport.SCHEMA);

    Map<String, Object> meta = (Map<String, Object>) doc.get("metadata");
    assertThat(meta).containsEntry("generatedAt", "2026-11-24T23:00:00Z").containsEntry("vectorization", "scalar (test)")
        .containsEntry("seed", Budget.CI.seed()).containsEntry("catalogueElapsedMillis", 1234L);
    assertThat((Map<String, Object>) meta.get("budget")).containsEntry("name", "ci")
        .containsEntry("evaluationsPerCheck", (long) Budget.CI.evaluationsPerCheck());

    Map<String, Object> summary = (Map<String, Object>) doc.get("summary");
    assertThat(summary).containsEntry("holds", 3L).containsEntry("violated", 1L).containsEntry("inconclusive", 1L)
        .containsEntry("negativeControlsCaught", 1L).containsEntry("negativeControlsTotal", 2L);
    assertThat((List<Object>) summary.get("uncaughtNegativeControls"))
        .containsExactly("RES-T1-CWMED: median using the (n/2+2)-th order statistic");

    List<Map<String, Object>> checks = (List<Map<String, Object>>) doc.get("checks");
    assertThat(checks).hasSize(run.checks().size());
    for (int i = 0; i < checks.size(); i++) {
      CheckResult expected = run.checks().get(i);
      Map<String, Object> got = checks.get(i);
      assertThat(got).containsEntry("id", expected.id()).containsEntry("rule", expected.rule())
          .containsEntry("seed", expected.seed()).containsEntry("verdict", expected.verdict().name())
          .containsEntry("counterexample", expected.counterexample());
      if (Double.isNaN(expected.worstRatio())) {
        assertThat(got).containsEntry("worstRatio", "NaN");
      } else {
        assertThat(((Number) got.get("worstRatio")).doubleValue()).isEqualTo(expected.worstRatio());
      }
      assertThat(((Number) got.get("bound")).doubleValue()).isEqualTo(expected.bound());
      Map<String, Object> params = (Map<String, Object>) got.get("parameters");
      assertThat(params.keySet()).containsExactlyElementsOf(expected.parameters().keySet());
    }

    List<Map<String, Object>> controls = (List<Map<String, Object>>) doc.get("negativeControls");
    assertThat(controls).extracting(m -> m.get("caught")).containsExactly(false, true);
    assertThat((Map<String, Object>) controls.getFirst().get("result")).containsEntry("rule", "CWMed(order statistic n/2+2)");

    Map<String, Object> cov = (Map<String, Object>) doc.get("theoryCoverage");
    List<Map<String, Object>> rows = (List<Map<String, Object>>) cov.get("rows");
    assertThat(rows).extracting(r -> r.get("id")).containsExactlyElementsOf(Fixtures.theoryIds().keySet());
    assertThat(rows.stream().filter(r -> "RES-T1-CWMED".equals(r.get("id"))).findFirst().orElseThrow())
        .containsEntry("implemented", true).containsEntry("results", 2L).containsEntry("locator", "Table 1; Prop. 8");

    List<Map<String, Object>> disc = (List<Map<String, Object>>) doc.get("discrepancies");
    assertThat(disc.getFirst()).containsEntry("reason", "text says \"vector\"");
  }

  @Test
  @SuppressWarnings("unchecked")
  void nonFiniteNumbersAndControlCharactersStayValidJson() {
    CheckResult c = new CheckResult("RES-C9-CGE", "CGE\t\u0001", Map.of("n", 5), Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 3, 4, Verdict.INCONCLUSIVE, "line1\nline2 \\ \"q\"");
    String json = JsonReport.render(Fixtures.report(new CatalogueRun(Budget.REPORT, List.of(c), List.of(), 5)));
    Map<String, Object> got = ((List<Map<String, Object>>) ((Map<String, Object>) MiniJson.parse(json)).get("checks")).getFirst();
    assertThat(got).containsEntry("bound", "Infinity").containsEntry("worstRatio", "-Infinity")
        .containsEntry("rule", "CGE\t\u0001").containsEntry("counterexample", "line1\nline2 \\ \"q\"");
  }
}
