package io.byzcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineChartTest {

  @Test
  void logScaleCurvesWithALegendAndADivergenceMarker() {
    Figure fig = new Figure("‖θ−θ*‖ vs iteration, 20 inverse attackers", "iteration", "‖θ−θ*‖", true, List.of(
        new Figure.Curve("CNM", new double[] {0, 1, 2}, new double[] {10, 1, 0.01}),
        new Figure.Curve("GIANT <mean>", new double[] {0, 1, 2}, new double[] {10, 1e6, Double.POSITIVE_INFINITY})));
    String svg = LineChart.svg(fig);
    // log10 range: 0.01 → −2, 1e6 → 6; so the y ticks run 1e-2 … 1e6.
    assertThat(svg).contains(">1e-2</text>").contains(">1e6</text>").contains("(log scale)");
    assertThat(HtmlReportTest.count(svg, "<polyline")).isEqualTo(2);
    assertThat(svg).contains("<title>CNM, last value 0.01</title>");
    assertThat(svg).contains("GIANT &lt;mean&gt; (diverged: non-finite value)").contains("GIANT &lt;mean&gt; ✕</text>");
    assertThat(svg).doesNotContain("<mean>");
    // Plot area 480 × 248 from (70, 28): CNM's last point x = 70 + 480 = 550, y(0.01) = bottom = 276.
    assertThat(svg).contains("550,276\"");
    assertThat(TagBalance.check(svg)).isNull();
  }

  @Test
  void noFiniteDataSaysSo() {
    Figure fig = new Figure("t", "x", "y", true,
        List.of(new Figure.Curve("a", new double[] {1}, new double[] {Double.NaN})));
    assertThat(LineChart.svg(fig)).contains("no finite data");
  }

  @Test
  void ticksAreRound() {
    // span 100 → raw step 20 → 2·10; span 0.79 → raw 0.158 → 2·0.1.
    assertThat(LineChart.niceTicks(-0.0, 100)).containsExactly(0.0, 20.0, 40.0, 60.0, 80.0, 100.0);
    assertThat(LineChart.niceTicks(0.13, 0.92)).containsExactly(0.2, 0.4, 0.6, 0.8);
    assertThat(LineChart.niceTicks(-3, 7)).containsExactly(-2.0, 0.0, 2.0, 4.0, 6.0);
  }
}
