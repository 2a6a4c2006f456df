package io.byzcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void numbersAreLocaleIndependentAndShowNonFiniteValues() {
    assertThat(Html.num(2.3717)).isEqualTo("2.372");
    assertThat(Html.num(0.5)).isEqualTo("0.5");
    assertThat(Html.num(20)).isEqualTo("20");
    assertThat(Html.num(1.5e-7)).isEqualTo("1.500e-07");
    assertThat(Html.num(3.4e38)).isEqualTo("3.400e+38");
    assertThat(Html.num(Double.NaN)).isEqualTo("NaN");
    assertThat(Html.num(Double.POSITIVE_INFINITY)).isEqualTo("∞");
    assertThat(Html.count(20_000)).isEqualTo("20\u2009000");
  }

  @Test
  void escapingCoversMarkupQuotesAndControlCharacters() {
    assertThat(Html.esc("<a href='x'>\"&\"</a>\u0007")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;\uFFFD");
    assertThat(Html.anchor("RES-T1-CWMED")).isEqualTo("id-res-t1-cwmed");
    assertThat(Html.anchor("a\"><b")).isEqualTo("id-a---b");
  }

  @Test
  void durations() {
    assertThat(Html.duration(850)).isEqualTo("850 ms");
    assertThat(Html.duration(252_000)).isEqualTo("4 min 12 s");
    assertThat(ConsoleProgress.clock(3_725_000)).isEqualTo("1:02:05");
  }
}
