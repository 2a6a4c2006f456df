package io.byzcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.properties.CheckResult;
import io.byzcheck.properties.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class TightnessChartTest {

  @Test
  void oneRowPerIdAndRuleWithATooltipPerPoint() {
    String svg = TightnessChart.svg(Fixtures.run(true).checks());
    // Fixture: CWMed (2 points), MDA (1), CGE (1); GM's only point has a NaN ratio and is left out.
    assertThat(HtmlReportTest.count(svg, "<circle")).isEqualTo(4);
    assertThat(HtmlReportTest.count(svg, "<rect x=\"290\"")).isEqualTo(3);
    assertThat(svg).contains("<title>n=15 f=5 d=10: worst ratio / λ = 0.4123, λ = 2.372, HOLDS</title>");
    assertThat(svg).contains("<title>RES-T1-CWMED CWMed: largest worst ratio / λ = 0.9871 at n=7 f=3 d=1 (2 parameter points)</title>");
    assertThat(svg).doesNotContain("RES-T1-GM");
    // CGE's 42.5 is beyond the axis cap (3): drawn at the edge, marked with an arrow, in the violation colour.
    assertThat(svg).contains("class=\"bar bad\"").contains("class=\"value bad\">▶ 42.5</text>");
    assertThat(svg).contains("bound (ratio = 1)");
    assertThat(TagBalance.check(svg)).isNull();
  }

  @Test
  void barsAreProportionalToTheRatio() {
    // Everything ≤ 1.25 → axis 0..1.25 over 560 px: ratio 0.625 is a 280 px bar.
    CheckResult c = Fixtures.check("RES-T1-MDA", "MDA", Fixtures.nfd(5, 1, 1), 1, 0.625, Verdict.HOLDS, 1, null);
    assertThat(TightnessChart.svg(List.of(c))).contains("width=\"280\" height=\"12\" class=\"bar\"");
  }

  @Test
  void noFiniteRatioMeansNoChart() {
    CheckResult c = Fixtures.check("RES-T1-GM", "GM", Fixtures.nfd(5, 1, 1), 1, Double.NaN, Verdict.INCONCLUSIVE, 1, null);
    assertThat(TightnessChart.svg(List.of(c))).isEmpty();
  }
}
