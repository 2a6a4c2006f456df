package io.byzcheck.reports;

import io.byzcheck.properties.CheckResult;
import io.byzcheck.properties.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's rule table: one row per resilience coefficient the catalogue checked (RESAM Table 1's rules and
 * the project's own, EXTENSIONS.md), with the definition the rule follows, where its λ comes from, the verdicts
 * over the grid, and the measured coefficient λ̂ = worst ratio · λ (the smallest λ the inputs found allow,
 * {@link Tightness}), labelled as measured. Lower bounds and the claims made wrong on purpose (kind L) are not
 * rules' coefficients and are left out.
 */
final class RuleTable {
  private RuleTable() {}

  /** The definition each coefficient's rule follows (the variant, named as in the rule's javadoc). */
  private static final Map<String, String> DEFINITIONS = Map.ofEntries(
      Map.entry("RES-T1-CWMED", "coordinate-wise median (Yin Def. 1; RESAM C.7), midpoint for even n"),
      Map.entry("RES-T1-CWTM", "trimmed mean, f per side (RESAM C.3)"),
      Map.entry("RES-T1-MEAMED", "mean around median, n − f nearest (Xie et al. 2018; RESAM C.4)"),
      Map.entry("RES-T1-KRUM", "Krum*, n − f − 1 neighbours (RESAM C.5)"),
      Map.entry("RES-P6-MULTIKRUM", "Multi-Krum*_q, q = n − f (RESAM C.5)"),
      Map.entry("RES-T1-GM", "geometric median, certified gap 1e−5 (RESAM C.6)"),
      Map.entry("RES-T1-MDA", "minimum-diameter averaging (El Mhamdi et al. 2020; RESAM C.2)"),
      Map.entry("EXT-BULYAN-LAMBDA", "Bulyan(Krum), θ = n − 2f, β = n − 4f (El Mhamdi et al. 2018, §4)"),
      Map.entry("EXT-MONNA-LAMBDA", "MoNNA's NNA step, n − f nearest a trusted pivot, S ∋ pivot (Farhadkhani et al. "
          + "2023, Alg. 1)"),
      Map.entry("EXT-SMEA-LAMBDA", "SMEA, exact λ_max over all (n − f)-subsets (Allouah et al. 2023, §5)"),
      Map.entry("EXT-CAF-MEASURED", "CAF, exact top eigenpair, τ_max over weighted workers (Allouah et al. 2025); "
          + "no λ proved: λ = 1 yardstick, λ̂ measured only"),
      // Issue 16's rules without a coefficient (kind L: λ = 1000 claimed on purpose; λ̂ measured).
      Map.entry("EXT-DNC-NOLAMBDA", "DnC, b = 10⁴, niters = 1, c = 1 (Shejwalkar & Houmansadr 2021, Alg. 2)"),
      Map.entry("EXT-SIGNGUARD-NOLAMBDA", "SignGuard, norm filter (0.1M, 3M), sign mean shift (Xu et al. 2022)"),
      Map.entry("EXT-CLIPCLUST-NOLAMBDA", "clipped clustering, median-norm clip, average linkage (Li et al. 2023)"),
      Map.entry("EXT-FLTRUST-NOLAMBDA", "FLTrust with g₀ = CWMed(x) (Cao et al. 2021, eqs. 2–4)"));

  /** One row: a coefficient ID and its results. */
  record Row(String id, String rule, String definition, String lambdaSource, int points, long holds, long violated,
      double worstFraction, double measuredLambda, Map<String, Object> worstPoint) {}

  static List<Row> rows(Report report, Map<String, TheoryCoverage.Row> kinds) {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, List<CheckResult>> g : report.groupedChecks().entrySet()) {
      String id = g.getKey();
      TheoryCoverage.Row k = kinds.get(id);
      List<CheckResult> cs = g.getValue().stream().filter(c -> c.claim() != null && c.bound() > 0
          && Double.isFinite(c.bound())).toList();
      // Kind L rows only for the rules listed (no λ exists; the measured λ̂ still says how far the search got).
      if (cs.isEmpty() || k == null || !DEFINITIONS.containsKey(id)) {
        continue;
      }
      CheckResult worst = cs.getFirst();
      for (CheckResult c : cs) {
        if (c.worstRatio() > worst.worstRatio()) {
          worst = c;
        }
      }
      rows.add(new Row(id, worst.rule(), DEFINITIONS.get(id), worst.claim().citation().cite(), cs.size(),
          Report.count(cs, Verdict.HOLDS), Report.count(cs, Verdict.VIOLATED), worst.worstRatio(),
          Tightness.empiricalBound(worst), new LinkedHashMap<>(worst.parameters())));
    }
    return rows;
  }

  static void html(StringBuilder sb, Report report, Map<String, TheoryCoverage.Row> kinds) {
    sb.append("<section id=\"rules\">\n<h2>Rules</h2>\n")
        .append("<p>Each rule with a resilience coefficient λ (RESAM Def. 2): the definition it follows, where its λ ")
        .append("comes from (a paper, or the project's own derivation in EXTENSIONS.md, cited as <em>own</em>), the ")
        .append("verdicts over its grid, and the <strong>measured</strong> λ̂ = worst ratio · λ at the grid point ")
        .append("where the search came closest to λ: the smallest coefficient the inputs found allow there. λ̂ is a ")
        .append("measurement (a lower estimate of the true coefficient at that point), not a proved value. The rules ")
        .append("with no λ at all (EXT-…-NOLAMBDA: counterexamples in EXTENSIONS.md) are listed against the λ = 1000 ")
        .append("claimed on purpose; their λ̂ is what the search found, ∞ when it found identical honest inputs that ")
        .append("the rule does not return.</p>\n");
    List<Row> rows = rows(report, kinds);
    if (rows.isEmpty()) {
      sb.append("<p class=\"muted\">No resilience coefficients were checked in this run.</p>\n</section>\n");
      return;
    }
    sb.append("<table class=\"results\">\n<thead><tr><th>rule</th><th>definition</th><th>λ from</th>")
        .append("<th class=\"num\">points</th><th class=\"num\">holds</th><th class=\"num\">violated</th>")
        .append("<th class=\"num\" title=\"largest worst ratio over the grid\">worst fraction of λ</th>")
        .append("<th class=\"num\">measured λ̂</th><th>at</th></tr></thead>\n<tbody>\n");
    for (Row r : rows) {
      StringBuilder at = new StringBuilder();
      r.worstPoint().forEach((key, v) -> at.append(at.isEmpty() ? "" : " ").append(key).append('=').append(v));
      sb.append("<tr class=\"").append(r.violated() > 0 ? "v-VIOLATED" : "v-HOLDS").append("\"><td><a href=\"#")
          .append(Html.anchor(r.id())).append("\">").append(Html.esc(r.rule())).append("</a></td><td>")
          .append(Html.esc(r.definition())).append("</td><td>").append(Html.esc(r.lambdaSource()))
          .append("</td><td class=\"num\">").append(r.points()).append("</td><td class=\"num\">").append(r.holds())
          .append("</td><td class=\"num\">").append(r.violated()).append("</td><td class=\"num\">")
          .append(Html.num(r.worstFraction())).append("</td><td class=\"num\">").append(Html.num(r.measuredLambda()))
          .append(" <span class=\"muted\">(measured)</span></td><td class=\"mono small\">").append(Html.esc(at.toString()))
          .append("</td></tr>\n");
    }
    sb.append("</tbody></table>\n</section>\n");
  }
}
