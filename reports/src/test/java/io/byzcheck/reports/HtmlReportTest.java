package io.byzcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.properties.Budget;
import io.byzcheck.properties.CatalogueRun;
import io.byzcheck.properties.CheckResult;
import io.byzcheck.properties.NegativeControlResult;
import io.byzcheck.properties.Verdict;
import io.byzcheck.theory.Discrepancy;
import io.byzcheck.theory.Bound;
import io.byzcheck.theory.resam.ResilienceCoefficient;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  @Test
  void everyCheckIsARowUnderItsIdHeading() {
    CatalogueRun run = Fixtures.run(true);
    String html = HtmlReport.render(Fixtures.report(run));

    for (String id : List.of("RES-T1-CWMED", "RES-T1-MDA", "RES-C9-CGE", "RES-T1-GM")) {
      assertThat(html).contains("<article class=\"check\" id=\"" + Html.anchor(id) + "\">\n<h3>" + id);
    }
    String checks = section(html, "checks");
    // One <tr class="v-..."> per result: 5 results in the fixture.
    assertThat(count(checks, "<tr class=\"v-")).isEqualTo(run.checks().size());
    // The CWMed row at (15, 5, 10): rule, n, f, d, λ, ratio, λ̂ = 0.4123·2.3717 = 0.97785… → 0.9779 at 4 digits, verdict, seed.
    assertThat(checks).contains("<td>CWMed</td><td class=\"num\">15</td><td class=\"num\">5</td><td class=\"num\">10</td>"
        + "<td class=\"num\">2.372</td>");
    assertThat(checks).contains("0.4123</td><td class=\"num\">0.9779</td>");
    assertThat(checks).contains("<span class=\"badge violated\">VIOLATED</span>");
    assertThat(checks).contains("<span class=\"badge inconclusive\">INCONCLUSIVE</span>");
    // The heading cites the paper and locator from the theory catalogue.
    assertThat(checks).contains("<span class=\"loc\">RES, Table 1; Prop. 8</span>");
    // The counterexample is an expandable literal.
    // The counterexample is folded in a full-width row under its result (rule + n, f, d + 6 columns = 10).
    assertThat(checks).contains("<tr class=\"cx\"><td colspan=\"10\"><details><summary>counterexample (Java literal)</summary>"
        + "<pre>new double[][] {{1, 0}, {1, 0}, {0.5, 0}}</pre></details></td></tr>");
    assertThat(count(checks, "<tr class=\"cx\">")).isEqualTo(1);
    assertThat(TagBalance.check(html)).isNull();
  }

  /** A result that carries its bound's citation is cited from it, not looked up again by ID. */
  @Test
  void citesTheBoundTheResultCarries() {
    Bound claim = ResilienceCoefficient.coordinateWiseMedian(15, 5, 10);
    CheckResult cited = new CheckResult("RES-T1-CWMED", "CWMed", Fixtures.nfd(15, 5, 10), claim.value(), 0.4, 100, 1L,
        Verdict.HOLDS, null, claim);
    CatalogueRun run = new CatalogueRun(Budget.CI, List.of(cited), List.of(), 1);
    String checks = section(HtmlReport.render(Fixtures.report(run)), "checks");
    assertThat(checks).contains("<span class=\"loc\">RES, Table 1; Appendix C.7, Proposition 8</span>")
        .contains("(Farhadkhani et al. 2022 (RESAM); bound in <code>resam.ResilienceCoefficient#coordinateWiseMedian</code>)")
        .contains("<td class=\"num\" title=\"RES-T1-CWMED (RES, Table 1; Appendix C.7, Proposition 8); f &lt; n/2\">2.372</td>")
        .doesNotContain("Table 1; Prop. 8</span>");
  }

  @Test
  void summaryCountsVerdictsAndControls() {
    String summary = section(HtmlReport.render(Fixtures.report(Fixtures.run(true))), "summary");
    // Fixture: 3 HOLDS, 1 VIOLATED, 1 INCONCLUSIVE; 2 of 2 controls caught.
    assertThat(summary).contains("<div class=\"big\">3</div><div>HOLDS");
    assertThat(summary).contains("<div class=\"big\">1</div><div>VIOLATED");
    assertThat(summary).contains("<div class=\"big\">1</div><div>INCONCLUSIVE");
    assertThat(summary).contains("<div class=\"big\">2/2</div><div>negative controls caught");
    assertThat(summary).doesNotContain("class=\"alarm\"");
    // The one violation is CGE's, under RES-C9-CGE (kind L in THEORY.md): expected, so 0 unexpected.
    assertThat(summary).contains("Here: 1 of the 1 violations are under kind-L IDs, <strong class=\"good\">0 are not</strong>.");
    // MDA, CGE and GM have no control in the fixture, and the page says so.
    assertThat(summary).contains("<code>RES-T1-MDA</code>, <code>RES-C9-CGE</code>, <code>RES-T1-GM</code>");
  }

  @Test
  void aNegativeControlThatWasNotCaughtIsFlaggedLoudly() {
    String html = HtmlReport.render(Fixtures.report(Fixtures.run(false)));
    String summary = section(html, "summary");
    assertThat(summary).contains("<div class=\"alarm\" role=\"alert\"><strong>A negative control was NOT caught.</strong>");
    assertThat(summary).contains("<a href=\"#id-res-t1-cwmed\">RES-T1-CWMED</a>: median using the (n/2+2)-th order statistic");
    assertThat(summary).contains("<div class=\"card violated\"><div class=\"big\">1/2</div>");
    // The check's own heading carries the warning too, and the controls table says NOT CAUGHT.
    assertThat(section(html, "checks")).contains("Negative control NOT caught for RES-T1-CWMED");
    assertThat(section(html, "checks")).doesNotContain("Negative control NOT caught for RES-T1-MDA");
    String controls = section(html, "controls");
    assertThat(count(controls, "<tr class=\"uncaught\">")).isEqualTo(1);
    assertThat(count(controls, "<tr class=\"caught\">")).isEqualTo(1);
    assertThat(controls).contains("NOT CAUGHT");
  }

  @Test
  void textFromRulesAndCounterexamplesIsEscaped() {
    String evilRule = "<script>alert('x')</script>";
    String evilLiteral = "</pre></details><img src=x onerror=alert(1)> \"&\"";
    CheckResult c = Fixtures.check("RES-T1-CWMED", evilRule, Fixtures.nfd(5, 1, 1), 1, 0.5, Verdict.VIOLATED, 1L,
        evilLiteral);
    CatalogueRun run = new CatalogueRun(Budget.CI, List.of(c),
        List.of(new NegativeControlResult("RES-T1-CWMED", "<b>bold</b> claim", c, true)), 1);
    String html = HtmlReport.render(Fixtures.report(run,
        List.of(new Discrepancy("X-<i>", "a < b", "b > a", "\"quoted\" & more")), List.of()));

    assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>").doesNotContain("<i>");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(html).contains("&lt;/pre&gt;&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt; &quot;&amp;&quot;");
    assertThat(html).contains("&lt;b&gt;bold&lt;/b&gt; claim");
    assertThat(html).contains("<td>a &lt; b</td><td>b &gt; a</td><td>&quot;quoted&quot; &amp; more</td>");
    assertThat(TagBalance.check(html)).isNull();
  }

  @Test
  void coverageTableListsEveryTheoryId() {
    var ids = Fixtures.theoryIds();
    // THEORY.md has well over 50 rows (RES, YIN, ALI, CAO sections); an empty parse must not pass.
    assertThat(ids).hasSizeGreaterThan(50).containsKeys("RES-DEF2", "YIN-TAB2", "ALI-T44", "CAO-MNIST");
    String coverage = section(HtmlReport.render(Fixtures.report(Fixtures.run(true))), "coverage");
    Matcher m = Pattern.compile("<tr class=\"(missing)?\"><td class=\"mono nowrap\">(<a href=\"#[^\"]+\">)?([A-Z0-9-]+)")
        .matcher(coverage);
    List<String> listed = new java.util.ArrayList<>();
    while (m.find()) {
      listed.add(m.group(3));
    }
    assertThat(listed).containsExactlyElementsOf(ids.keySet());
    // A checked ID links to its results and names the rules that checked it.
    assertThat(coverage).contains("<a href=\"#id-res-t1-cwmed\">RES-T1-CWMED</a>");
    assertThat(coverage).contains("2 results: CWMed");
    assertThat(coverage).contains("median using the (n/2+2)-th order statistic");
  }

  @Test
  void thePageIsSelfContainedAndDeterministic() {
    Report report = Fixtures.report(Fixtures.run(false));
    String html = HtmlReport.render(report);
    assertThat(html).isEqualTo(HtmlReport.render(report));
    assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain(" src=")
        .doesNotContain("@import").doesNotContain("url(");
    // The only URL is the SVG namespace (an identifier, never fetched).
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:").doesNotContain("https:");
    assertThat(html).contains("<style>").contains("<svg class=\"chart\"");
  }

  @Test
  void longCounterexamplesAreCutInThePage() {
    String literal = "x".repeat(HtmlReport.MAX_LITERAL_CHARS + 500);
    CheckResult c = Fixtures.check("RES-T1-MDA", "MDA", Fixtures.nfd(5, 1, 1), 1, 2, Verdict.VIOLATED, 1L, literal);
    String html = HtmlReport.render(Fixtures.report(new CatalogueRun(Budget.CI, List.of(c), List.of(), 1)));
    assertThat(html).doesNotContain(literal).contains("x".repeat(HtmlReport.MAX_LITERAL_CHARS) + "\n… (500 more characters in report.json)");
    // Without any control, the controls section says loudly that nothing shows the checks can fail.
    assertThat(section(html, "controls")).contains("class=\"alarm\">No negative controls ran");
  }

  @Test
  void reproductionsAreRenderedAsTables() {
    ReproductionResult r = new ReproductionResult("YIN-TAB2", "MNIST, label flipping", "YIN, Table 2",
        List.of("rule", "paper", "ours"), List.of(List.of("median", "87.2%", "86.5%")), "10k subset", 3000);
    String html = HtmlReport.render(Fixtures.report(Fixtures.run(true), List.of(), List.of(r)));
    assertThat(section(html, "reproductions"))
        .contains("<h3>YIN-TAB2 — MNIST, label flipping</h3>")
        .contains("<tr><td>median</td><td>87.2%</td><td>86.5%</td></tr>")
        .contains("10k subset");
    // The coverage table links the Q-kind ID to its reproduction; CAO-FIG2-5 was not reproduced in this report.
    assertThat(section(html, "coverage")).contains("<a href=\"#" + Html.anchor("repro-YIN-TAB2") + "\">paper reproduction</a>")
        .doesNotContain(Html.anchor("repro-CAO-FIG2-5"));
    assertThat(section(HtmlReport.render(Fixtures.report(Fixtures.run(true))), "reproductions"))
        .contains("No paper reproductions in this run");
  }

  /** The content of {@code <section id="name">…</section>}. */
  static String section(String html, String name) {
    int start = html.indexOf("<section id=\"" + name + "\">");
    assertThat(start).as("section %s", name).isGreaterThanOrEqualTo(0);
    return html.substring(start, html.indexOf("</section>", start));
  }

  static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
