package io.byzcheck.reports;

import io.byzcheck.properties.Budget;
import io.byzcheck.properties.CheckResult;
import io.byzcheck.properties.NegativeControlResult;
import io.byzcheck.properties.Verdict;
import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.Discrepancy;
import io.byzcheck.theory.Paper;
import io.byzcheck.theory.Statement;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders a {@link Report} as one self-contained HTML page: inline CSS, inline SVG, no scripts and
 * no external resources. Every piece of text that comes from a rule, a check or a paper is escaped.
 * The output depends only on the report (the same run gives the same bytes, apart from the
 * timestamps and durations in the metadata).
 */
public final class HtmlReport {
  /** Counterexample literals longer than this are cut in the page (report.json keeps them whole). */
  static final int MAX_LITERAL_CHARS = 6_000;

  private static final Map<Character, String> KINDS = Map.of(
      'D', "deterministic inequality",
      'E', "explicit high-probability bound",
      'R', "rate with hidden constants",
      'L', "lower bound / impossibility",
      'Q', "qualitative experimental claim",
      'V', "value computed exactly");

  private HtmlReport() {}

  public static String render(Report report) {
    return render(report, null);
  }

  /** The page with the statistical checks' section (null: none ran). */
  public static String render(Report report, io.byzcheck.properties.statistical.StatisticalCatalogue.Run statistical) {
    StringBuilder sb = new StringBuilder(64 * 1024);
    Report.Summary summary = report.summary();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>ByzCheck bound-check report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    header(sb, report, statistical);
    nav(sb, report);
    summary(sb, report, summary);
    chart(sb, report);
    RuleTable.html(sb, report, coverageById(report));
    checks(sb, report);
    negativeControls(sb, report);
    reproductions(sb, report);
    if (statistical != null) {
      StatisticalSection.html(sb, statistical);
    }
    coverage(sb, report);
    discrepancies(sb, report);
    footer(sb, report);
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  private static void header(StringBuilder sb, Report report,
      io.byzcheck.properties.statistical.StatisticalCatalogue.Run statistical) {
    RunMetadata m = report.metadata();
    Budget b = m.budget();
    sb.append("<header>\n<h1>ByzCheck bound-check report</h1>\n")
        .append("<p class=\"lede\">Aggregation rules checked against the bounds their papers prove, by a seeded ")
        .append("worst-case search. A ratio is the left side of the paper's inequality over its right side: ")
        .append("at most 1 means the bound held on every input tried; the closer to 1, the tighter the paper's constant.</p>\n")
        .append("<dl class=\"meta\">\n");
    meta(sb, "generated", m.generatedAt());
    meta(sb, "budget", b.name() + " — " + Html.count(b.evaluationsPerCheck()) + " evaluations × " + b.restarts()
        + " restarts per parameter point");
    meta(sb, "master seed", Long.toString(b.seed()));
    meta(sb, "restricted to", m.only() == null ? "whole catalogue" : "IDs starting with " + m.only());
    meta(sb, "elapsed", Html.duration(m.elapsedMillis()) + " (catalogue " + Html.duration(report.run().elapsedMillis()) + ")");
    meta(sb, "JDK", m.jdk());
    meta(sb, "OS / cores", m.os() + " / " + m.cores());
    meta(sb, "kernels", m.vectorization());
    if (statistical != null) {
      StatisticalSection.header(sb, statistical);
    }
    sb.append("</dl>\n</header>\n");
  }

  private static void meta(StringBuilder sb, String key, String value) {
    sb.append("<div><dt>").append(Html.esc(key)).append("</dt><dd>").append(Html.esc(value)).append("</dd></div>\n");
  }

  private static void nav(StringBuilder sb, Report report) {
    sb.append("<nav><a href=\"#summary\">Summary</a> <a href=\"#tightness\">Tightness</a> <a href=\"#rules\">Rules</a> <a href=\"#checks\">Checks</a>")
        .append(" <a href=\"#controls\">Negative controls</a> <a href=\"#reproductions\">Paper reproductions</a>")
        .append(" <a href=\"#statistical\">Statistical checks</a>")
        .append(" <a href=\"#coverage\">THEORY.md coverage</a> <a href=\"#discrepancies\">Discrepancies</a></nav>\n");
  }

  private static void summary(StringBuilder sb, Report report, Report.Summary s) {
    sb.append("<section id=\"summary\">\n<h2>Summary</h2>\n");
    if (!s.uncaughtControls().isEmpty()) {
      sb.append("<div class=\"alarm\" role=\"alert\"><strong>")
          .append(s.uncaughtControls().size() == 1 ? "A negative control was" : s.uncaughtControls().size()
              + " negative controls were")
          .append(" NOT caught.</strong> The checks below cannot tell a wrong rule from a right one at this budget, ")
          .append("so their HOLDS verdicts prove nothing:<ul>\n");
      for (NegativeControlResult nc : s.uncaughtControls()) {
        sb.append("<li><a href=\"#").append(Html.anchor(nc.id())).append("\">").append(Html.esc(nc.id()))
            .append("</a>: ").append(Html.esc(nc.description())).append(" (worst ratio ")
            .append(Html.num(nc.result().worstRatio())).append(", verdict ").append(nc.result().verdict())
            .append(")</li>\n");
      }
      sb.append("</ul></div>\n");
    }
    sb.append("<div class=\"cards\">\n");
    card(sb, "holds", s.holds(), "HOLDS", "no violation found");
    card(sb, "violated", s.violated(), "VIOLATED", "counterexample found");
    card(sb, "inconclusive", s.inconclusive(), "INCONCLUSIVE", "could not be decided");
    sb.append("<div class=\"card ").append(s.controlsCaught() == s.controlsTotal() ? "holds" : "violated")
        .append("\"><div class=\"big\">").append(s.controlsCaught()).append('/').append(s.controlsTotal())
        .append("</div><div>negative controls caught</div></div>\n");
    sb.append("</div>\n");
    Map<String, TheoryCoverage.Row> kinds = coverageById(report);
    long expected = report.run().checks().stream()
        .filter(c -> c.verdict() == Verdict.VIOLATED && kinds.containsKey(c.id()) && kinds.get(c.id()).kind() == 'L')
        .count();
    sb.append("<p>").append(report.run().checks().size()).append(" results over ").append(report.groupedChecks().size())
        .append(" THEORY.md IDs. A VIOLATED verdict is expected under a lower bound or impossibility result (kind L, ")
        .append("e.g. RES-C9-CGE: the paper says the rule is <em>not</em> resilient); everywhere else it is a finding. ");
    if (s.violated() > 0) {
      long unexpected = s.violated() - expected;
      sb.append("Here: ").append(expected).append(" of the ").append(s.violated())
          .append(" violations are under kind-L IDs, <strong class=\"").append(unexpected > 0 ? "bad" : "good").append("\">")
          .append(unexpected).append(unexpected == 1 ? " is" : " are").append(" not</strong>.");
    }
    sb.append("</p>\n");
    if (!s.idsWithoutControl().isEmpty()) {
      sb.append("<p class=\"warn\">Checked IDs without a negative control in this run: ");
      joinCodes(sb, s.idsWithoutControl());
      sb.append(".</p>\n");
    }
    sb.append("</section>\n");
  }

  private static void card(StringBuilder sb, String cls, int n, String label, String what) {
    sb.append("<div class=\"card ").append(cls).append("\"><div class=\"big\">").append(n).append("</div><div>")
        .append(label).append(" — ").append(what).append("</div></div>\n");
  }

  private static void chart(StringBuilder sb, Report report) {
    sb.append("<section id=\"tightness\">\n<h2>Tightness</h2>\n")
        .append("<p>For each rule, the worst ratio found divided by the paper's bound, over the parameter grid ")
        .append("(hover a dot for its (n, f, d)). Near 1: the paper's constant is close to the truth; far below 1: ")
        .append("either the bound is loose or the search did not find the worst case. Lower bounds (kind L, where the ")
        .append("ratio must stay <em>at least</em> 1) and checks without a coefficient (e.g. RES-SANITY) are left out.</p>\n");
    Map<String, TheoryCoverage.Row> kinds = coverageById(report);
    List<CheckResult> upper = report.run().checks().stream().filter(c -> hasCoefficient(c)
        && !(kinds.containsKey(c.id()) && kinds.get(c.id()).kind() == 'L')).toList();
    String svg = TightnessChart.svg(upper);
    sb.append(svg.isEmpty() ? "<p class=\"muted\">No finite ratios in this run.</p>" : "<div class=\"scroll\">" + svg + "</div>")
        .append("\n</section>\n");
  }

  /** True when the check's bound is a positive, finite coefficient λ (so ratio·λ means something). */
  private static boolean hasCoefficient(CheckResult c) {
    return c.bound() > 0 && Double.isFinite(c.bound());
  }

  private static void checks(StringBuilder sb, Report report) {
    sb.append("<section id=\"checks\">\n<h2>Checks</h2>\n");
    Map<String, List<CheckResult>> groups = report.groupedChecks();
    if (groups.isEmpty()) {
      sb.append("<p class=\"muted\">No checks ran.</p>\n");
    }
    Map<String, TheoryCoverage.Row> rows = coverageById(report);
    for (Map.Entry<String, List<CheckResult>> g : groups.entrySet()) {
      String id = g.getKey();
      List<CheckResult> checks = g.getValue();
      TheoryCoverage.Row row = rows.get(id);
      sb.append("<article class=\"check\" id=\"").append(Html.anchor(id)).append("\">\n<h3>").append(Html.esc(id));
      if (row != null) {
        sb.append(" <span class=\"kind\" title=\"").append(Html.esc(KINDS.getOrDefault(row.kind(), "?"))).append("\">")
            .append(row.kind()).append("</span>");
      }
      sb.append(" <span class=\"counts\">").append(Report.count(checks, Verdict.HOLDS)).append(" holds · ")
          .append(Report.count(checks, Verdict.VIOLATED)).append(" violated · ")
          .append(Report.count(checks, Verdict.INCONCLUSIVE)).append(" inconclusive</span></h3>\n");
      citation(sb, row, checks);
      if (report.untrusted(id)) {
        sb.append("<p class=\"alarm\"><strong>Negative control NOT caught for ").append(Html.esc(id))
            .append(":</strong> these verdicts cannot be trusted.</p>\n");
      }
      table(sb, checks);
      sb.append("</article>\n");
    }
    sb.append("</section>\n");
  }

  /**
   * The group's citation: the one its results were checked against (their claim), else the statement's;
   * what the statement says and where it is encoded come from the theory catalogue.
   */
  private static void citation(StringBuilder sb, TheoryCoverage.Row row, List<CheckResult> checks) {
    if (row == null) {
      sb.append("<p class=\"cite warn\">Not a THEORY.md ID.</p>\n");
      return;
    }
    Statement s = row.statement();
    if (s == null) {
      sb.append("<p class=\"cite warn\">THEORY.md ").append(Html.esc(KINDS.getOrDefault(row.kind(), "")))
          .append("; not encoded in the theory module.</p>\n");
      return;
    }
    Citation c = checks.stream().map(CheckResult::claim).filter(Objects::nonNull).map(Bound::citation).findFirst()
        .orElse(s.citation());
    sb.append("<p class=\"cite\"><span class=\"loc\">").append(Html.esc(c.paper())).append(", ")
        .append(Html.esc(c.locator())).append("</span> — ").append(Html.esc(s.summary()))
        .append(" <span class=\"muted\">(").append(Html.esc(c.source().map(Paper::label).orElse(c.paper())))
        .append("; bound in <code>").append(Html.esc(s.codeLocation())).append("</code>)</span></p>\n");
  }

  /** The bound's cell, titled with the claim's citation and assumptions when the result carries one. */
  private static String boundCell(CheckResult c) {
    Bound claim = c.claim();
    String title = claim == null ? "" : " title=\"" + Html.esc(claim.citation()
        + (claim.assumptions().isEmpty() ? "" : "; " + String.join(", ", claim.assumptions()))) + "\"";
    return "<td class=\"num\"" + title + ">" + Html.num(c.bound()) + "</td>";
  }

  private static void table(StringBuilder sb, List<CheckResult> checks) {
    Set<String> keys = new LinkedHashSet<>();
    checks.forEach(c -> keys.addAll(c.parameters().keySet()));
    sb.append("<table class=\"results\">\n<thead><tr><th>rule</th>");
    for (String k : keys) {
      sb.append("<th class=\"num\">").append(Html.esc(k)).append("</th>");
    }
    sb.append("<th class=\"num\" title=\"the paper's bound (right side coefficient)\">bound λ</th>")
        .append("<th class=\"num\" title=\"left side / right side of the inequality (right side includes λ), worst found; ")
        .append("≤ 1 means it held (for a lower bound: ≥ 1)\">worst ratio</th>")
        .append("<th class=\"num\" title=\"worst ratio × λ: the smallest coefficient consistent with the inputs found\">λ̂ found</th>")
        .append("<th>verdict</th><th class=\"num\">seed</th><th class=\"num\">evaluations</th></tr></thead>\n<tbody>\n");
    int columns = keys.size() + 7;
    for (CheckResult c : checks) {
      sb.append("<tr class=\"v-").append(c.verdict()).append("\"><td>").append(Html.esc(c.rule())).append("</td>");
      for (String k : keys) {
        Object v = c.parameters().get(k);
        sb.append("<td class=\"num\">").append(v == null ? "" : Html.esc(value(v))).append("</td>");
      }
      sb.append(boundCell(c))
          .append("<td class=\"num\">").append(tightnessCell(Tightness.of(c), c.verdict())).append("</td>")
          .append("<td class=\"num\">").append(hasCoefficient(c) ? Html.num(Tightness.empiricalBound(c)) : "—").append("</td>")
          .append("<td>").append(badge(c.verdict())).append("</td>")
          .append("<td class=\"num mono\">").append(c.seed()).append("</td>")
          .append("<td class=\"num\">").append(Html.count(c.evaluations())).append("</td></tr>\n");
      literalRow(sb, c.counterexample(), columns);
    }
    sb.append("</tbody></table>\n");
  }

  private static String value(Object v) {
    return v instanceof Double d ? Html.num(d) : v instanceof Float f ? Html.num(f) : String.valueOf(v);
  }

  /** The ratio with a small inline meter, so a column of numbers reads at a glance. */
  private static String tightnessCell(double t, Verdict v) {
    if (!Double.isFinite(t)) {
      return Html.num(t);
    }
    double w = Math.min(Math.max(t, 0), 1.0) * 60;
    return "<span class=\"meter" + (v == Verdict.VIOLATED ? " bad" : "") + "\"><span style=\"width:" + Html.px(w) + "px\"></span></span>"
        + Html.num(t);
  }

  private static String badge(Verdict v) {
    return "<span class=\"badge " + v.name().toLowerCase(java.util.Locale.ROOT) + "\">" + v + "</span>";
  }

  /** A full-width row under a result holding its counterexample, folded; nothing when there is none. */
  private static void literalRow(StringBuilder sb, String counterexample, int columns) {
    if (counterexample == null || counterexample.isBlank()) {
      return;
    }
    String shown = counterexample;
    String note = "";
    if (shown.length() > MAX_LITERAL_CHARS) {
      shown = shown.substring(0, MAX_LITERAL_CHARS);
      note = "\n… (" + Html.count(counterexample.length() - MAX_LITERAL_CHARS) + " more characters in report.json)";
    }
    sb.append("<tr class=\"cx\"><td colspan=\"").append(columns).append("\"><details><summary>counterexample (Java literal)</summary><pre>")
        .append(Html.esc(shown)).append(Html.esc(note)).append("</pre></details></td></tr>\n");
  }

  private static void negativeControls(StringBuilder sb, Report report) {
    sb.append("<section id=\"controls\">\n<h2>Negative controls</h2>\n")
        .append("<p>Deliberately wrong rules or claims run through the same checks. A check is only trusted if its ")
        .append("control is caught (reported as violating).</p>\n");
    List<NegativeControlResult> controls = report.run().negativeControls();
    if (controls.isEmpty()) {
      sb.append("<p class=\"alarm\">No negative controls ran: nothing shows that these checks can fail.</p>\n</section>\n");
      return;
    }
    sb.append("<table class=\"results\">\n<thead><tr><th>ID</th><th>what is wrong on purpose</th><th>rule</th>")
        .append("<th>parameters</th><th class=\"num\">bound λ</th><th class=\"num\">worst ratio</th><th>verdict</th>")
        .append("<th class=\"num\">seed</th><th>caught?</th></tr></thead>\n<tbody>\n");
    for (NegativeControlResult nc : controls) {
      CheckResult r = nc.result();
      sb.append("<tr class=\"").append(nc.caught() ? "caught" : "uncaught").append("\"><td class=\"nowrap\"><a href=\"#")
          .append(Html.anchor(nc.id())).append("\">").append(Html.esc(nc.id())).append("</a></td><td>")
          .append(Html.esc(nc.description())).append("</td><td>").append(Html.esc(r.rule())).append("</td><td>")
          .append(Html.esc(TightnessChart.params(r))).append("</td>").append(boundCell(r))
          .append("<td class=\"num\">").append(tightnessCell(Tightness.of(r), r.verdict())).append("</td><td>")
          .append(badge(r.verdict())).append("</td><td class=\"num mono\">").append(r.seed()).append("</td><td>")
          .append(nc.caught() ? "<span class=\"badge holds\">caught</span>" : "<span class=\"badge alarm-badge\">NOT CAUGHT</span>")
          .append("</td></tr>\n");
      literalRow(sb, r.counterexample(), 9);
    }
    sb.append("</tbody></table>\n</section>\n");
  }

  private static void reproductions(StringBuilder sb, Report report) {
    sb.append("<section id=\"reproductions\">\n<h2>Paper reproductions</h2>\n");
    if (report.reproductions().isEmpty()) {
      sb.append("<p class=\"muted\">No paper reproductions in this run (the simulator experiments plug in through ")
          .append("<code>io.byzcheck.reports.PaperReproduction</code>).</p>\n</section>\n");
      return;
    }
    for (ReproductionResult r : report.reproductions()) {
      sb.append("<article id=\"").append(Html.anchor("repro-" + r.id())).append("\">\n<h3>").append(Html.esc(r.id()))
          .append(" — ").append(Html.esc(r.title())).append("</h3>\n<p class=\"cite\"><span class=\"loc\">")
          .append(Html.esc(r.citation())).append("</span> <span class=\"muted\">(")
          .append(Html.duration(r.elapsedMillis())).append(")</span></p>\n<table class=\"results\">\n<thead><tr>");
      for (String h : r.header()) {
        sb.append("<th>").append(Html.esc(h)).append("</th>");
      }
      sb.append("</tr></thead>\n<tbody>\n");
      for (List<String> row : r.rows()) {
        sb.append("<tr>");
        for (String cell : row) {
          sb.append("<td>").append(Html.esc(cell)).append("</td>");
        }
        sb.append("</tr>\n");
      }
      sb.append("</tbody></table>\n");
      for (Figure f : r.figures()) {
        sb.append(LineChart.svg(f)).append('\n');
      }
      sb.append("<p class=\"note\">").append(Html.esc(r.note())).append("</p>\n</article>\n");
    }
    sb.append("</section>\n");
  }

  private static void coverage(StringBuilder sb, Report report) {
    TheoryCoverage cov = report.coverage();
    java.util.Set<String> reproduced = report.reproductions().stream().map(ReproductionResult::id)
        .collect(java.util.stream.Collectors.toSet());
    sb.append("<section id=\"coverage\">\n<h2>THEORY.md coverage</h2>\n<p>The four papers' IDs (THEORY.md), then the project's own for the rules it adds (EXTENSIONS.md, marked EXT-). ")
        .append(cov.implementedCount()).append(" of ").append(cov.encodable())
        .append(" statements of kind V, D, E, L, R are encoded in the theory module; ")
        .append(cov.checkedCount()).append(" of ").append(cov.rows().size())
        .append(" IDs were checked in this run. Kind Q (qualitative experiments) belongs to the paper reproductions.</p>\n");
    if (!cov.unknownCheckIds().isEmpty()) {
      sb.append("<p class=\"warn\">IDs used by the code but not in THEORY.md: ");
      joinCodes(sb, cov.unknownCheckIds());
      sb.append(".</p>\n");
    }
    sb.append("<table class=\"results coverage\">\n<thead><tr><th>ID</th><th>kind</th><th>encoded?</th>")
        .append("<th>paper, locator</th><th>where in code</th><th>checked by (this run)</th><th>negative control</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (TheoryCoverage.Row r : cov.rows()) {
      Statement s = r.statement();
      sb.append("<tr class=\"").append(r.implemented() ? "" : "missing").append("\"><td class=\"mono nowrap\">");
      if (r.results() > 0) {
        sb.append("<a href=\"#").append(Html.anchor(r.id())).append("\">").append(Html.esc(r.id())).append("</a>");
      } else {
        sb.append(Html.esc(r.id()));
      }
      sb.append("</td><td title=\"").append(Html.esc(KINDS.getOrDefault(r.kind(), "?"))).append("\">").append(r.kind())
          .append("</td><td>").append(r.implemented() ? "✓ yes" : (r.kind() == 'Q' ? "— (Q)" : "✗ no"))
          .append("</td><td class=\"nowrap\">").append(s == null ? "" : Html.esc(s.citation().paper() + ", " + s.citation().locator()))
          .append("</td><td class=\"mono small\">").append(s == null ? "" : Html.esc(s.codeLocation())).append("</td><td>");
      if (r.results() > 0) {
        sb.append(r.results()).append(" result").append(r.results() == 1 ? "" : "s").append(": ")
            .append(Html.esc(String.join(", ", r.checkedBy())));
      } else if (reproduced.contains(r.id())) {
        sb.append("<a href=\"#").append(Html.anchor("repro-" + r.id())).append("\">paper reproduction</a>");
      } else {
        sb.append("<span class=\"muted\">—</span>");
      }
      sb.append("</td><td>").append(r.negativeControls().isEmpty() ? "<span class=\"muted\">—</span>"
          : Html.esc(String.join("; ", r.negativeControls()))).append("</td></tr>\n");
    }
    sb.append("</tbody></table>\n</section>\n");
  }

  private static void discrepancies(StringBuilder sb, Report report) {
    sb.append("<section id=\"discrepancies\">\n<h2>Discrepancies</h2>\n")
        .append("<p>Places where a paper's text is inconsistent with itself or with THEORY.md, and what ByzCheck encodes instead.</p>\n");
    if (report.discrepancies().isEmpty()) {
      sb.append("<p class=\"muted\">None recorded in this build.</p>\n");
    } else {
      sb.append("<table class=\"results\">\n<thead><tr><th>ID</th><th>the paper says</th><th>we encode</th><th>why</th></tr></thead>\n<tbody>\n");
      for (Discrepancy d : report.discrepancies()) {
        sb.append("<tr><td class=\"mono\">").append(Html.esc(d.id())).append("</td><td>").append(Html.esc(d.paperSays()))
            .append("</td><td>").append(Html.esc(d.weEncode())).append("</td><td>").append(Html.esc(d.reason()))
            .append("</td></tr>\n");
      }
      sb.append("</tbody></table>\n");
    }
    sb.append("</section>\n");
  }

  private static void footer(StringBuilder sb, Report report) {
    RunMetadata m = report.metadata();
    String args = "--budget " + m.budget().name() + " --seed " + m.budget().seed()
        + (m.only() == null ? "" : " --only " + m.only());
    sb.append("<footer><p>Replay this run: <code>mvn -B -q -pl reports -am package -DskipTests exec:exec@report ")
        .append("-Dreport.args=&quot;").append(Html.esc(args)).append("&quot;</code>. ")
        .append("Machine-readable results: <a href=\"report.json\">report.json</a>. Papers: ");
    boolean first = true;
    for (Paper p : Paper.values()) {
      sb.append(first ? "" : "; ").append("<strong>").append(p.name()).append("</strong> ").append(Html.esc(p.reference()));
      first = false;
    }
    sb.append(".</p></footer>\n");
  }

  private static Map<String, TheoryCoverage.Row> coverageById(Report report) {
    Map<String, TheoryCoverage.Row> m = new LinkedHashMap<>();
    report.coverage().rows().forEach(r -> m.put(r.id(), r));
    return m;
  }

  private static void joinCodes(StringBuilder sb, List<String> ids) {
    for (int i = 0; i < ids.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append("<code>").append(Html.esc(ids.get(i))).append("</code>");
    }
  }

  private static final String CSS = """
      :root{--ok:#1a7f37;--bad:#cf222e;--maybe:#9a6700;--ink:#1f2328;--mute:#656d76;--line:#d0d7de;--bg2:#f6f8fa;--accent:#0969da}
      *{box-sizing:border-box}
      body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);margin:0 auto;max-width:1280px;padding:0 24px 48px}
      h1{font-size:26px;margin:24px 0 4px}h2{font-size:20px;margin:36px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
      h3{font-size:16px;margin:24px 0 2px;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
      .lede{color:var(--mute);max-width:900px;margin:0 0 12px}
      dl.meta{display:grid;grid-template-columns:repeat(auto-fill,minmax(290px,1fr));gap:4px 24px;margin:0;padding:12px 16px;background:var(--bg2);border:1px solid var(--line);border-radius:6px}
      dl.meta div{display:flex;gap:8px}dt{color:var(--mute);min-width:92px}dd{margin:0;word-break:break-word}
      nav{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);padding:8px 0;margin-top:12px;z-index:1}
      nav a{margin-right:16px}a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
      .cards{display:flex;gap:12px;flex-wrap:wrap;margin:8px 0}
      .card{border:1px solid var(--line);border-left:6px solid var(--mute);border-radius:6px;padding:8px 16px;min-width:200px}
      .card .big{font-size:28px;font-weight:600}.card.holds{border-left-color:var(--ok)}.card.violated{border-left-color:var(--bad)}.card.inconclusive{border-left-color:var(--maybe)}
      .alarm{background:#ffebe9;border:2px solid var(--bad);color:#82071e;border-radius:6px;padding:8px 14px;font-size:15px}
      .warn{color:var(--maybe)}.bad{color:var(--bad)}.good{color:var(--ok)}.nowrap{white-space:nowrap}.muted{color:var(--mute)}.small{font-size:12px}
      code,.mono,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
      .kind{display:inline-block;background:#ddf4ff;color:#0550ae;border-radius:10px;padding:0 8px;font-size:12px;vertical-align:2px}
      .counts{font:12px system-ui,sans-serif;color:var(--mute);margin-left:8px}
      .cite{margin:0 0 6px}.cite .loc{font-weight:600}
      table.results{border-collapse:collapse;width:100%;margin:4px 0 8px;font-size:13px}
      table.results th,table.results td{border-bottom:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
      table.results th{background:var(--bg2);font-weight:600;white-space:nowrap}
      table.results tbody tr:nth-child(even){background:#fafbfc}
      td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      tr.v-VIOLATED td{background:#fff5f5}tr.uncaught td{background:#ffebe9}tr.missing td{color:var(--mute)}
      .badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:11.5px;font-weight:600;color:#fff;white-space:nowrap}
      .badge.holds{background:var(--ok)}.badge.violated{background:var(--bad)}.badge.inconclusive{background:var(--maybe)}
      .badge.alarm-badge{background:var(--bad);font-size:13px;padding:2px 10px}
      .meter{display:inline-block;width:60px;height:8px;background:#eaeef2;border-radius:4px;margin-right:6px;vertical-align:0}
      .meter span{display:block;height:8px;background:#54aeff;border-radius:4px}.meter.bad span{background:var(--bad)}
      details summary{cursor:pointer;color:var(--accent);white-space:nowrap}
      tr.cx td{padding-top:0;border-top:none}table.results tbody tr.cx{background:inherit}
      details pre{max-height:360px;margin:2px 0 6px;overflow:auto;background:var(--bg2);border:1px solid var(--line);padding:6px;white-space:pre-wrap;overflow-wrap:anywhere}
      .scroll{overflow-x:auto}
      svg.chart{font:12px system-ui,sans-serif}svg .label{text-anchor:end;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:11.5px}
      svg .tick{text-anchor:middle;fill:var(--mute)}svg .axis{text-anchor:middle;fill:var(--mute)}svg .bound-label{fill:var(--bad)}
      svg .grid{stroke:#eaeef2}svg .bound{stroke:var(--bad);stroke-dasharray:4 3}svg .stripe{fill:#f6f8fa}
      svg .bar{fill:#b6e3ff}svg .bar.bad{fill:#ffcecb}svg .dot{fill:#0969da}svg .dot.bad{fill:var(--bad)}
      svg .frame{fill:none;stroke:var(--line)}svg .mark{text-anchor:middle;font-size:14px;font-weight:700}svg .ytick{text-anchor:end;fill:var(--mute)}svg .legend{font-size:12px}
      figure.line{display:inline-block;margin:8px 16px 8px 0}figure.line figcaption{color:var(--mute);font-size:12.5px}
      svg .value{font-variant-numeric:tabular-nums}svg .value.bad{fill:var(--bad);font-weight:600}
      footer{margin-top:40px;border-top:1px solid var(--line);color:var(--mute);font-size:12.5px}
      """;
}
