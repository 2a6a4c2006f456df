package io.byzcheck.reports;

import io.byzcheck.properties.statistical.StatisticalCatalogue;
import io.byzcheck.properties.stats.Evaluation;
import io.byzcheck.properties.stats.StatisticalResult;
import java.util.List;
import java.util.Locale;

/**
 * The kind-R and kind-L results that are not slope fits — a lower bound's construction (YIN-OBS1: the measured
 * errors over the bound, which must be ≥ 1) and an explicit bound beside a rate (YIN-T7) — as a table with one
 * row per claim of every check and control: the measured/bound ratio ({@link Evaluation#tightness()}) with the
 * estimate's interval, so a ratio below 1 on a lower bound is visible point by point.
 */
final class BoundRatioTable {
  private BoundRatioTable() {}

  static void html(StringBuilder sb, String id, List<StatisticalResult> rs,
      List<StatisticalCatalogue.ControlResult> cs) {
    sb.append("<article id=\"").append(Html.anchor(id + "-bounds")).append("\">\n<h3>").append(Html.esc(id))
        .append(": measured against the bound</h3>\n");
    StatisticalResult first = rs.isEmpty() ? cs.getFirst().result() : rs.getFirst();
    sb.append("<p>").append(Html.esc(first.experiment())).append("</p>\n");
    sb.append("<table class=\"results\">\n<thead><tr><th>subject</th><th>claim</th><th>estimate [interval]</th>")
        .append("<th>bound</th><th>measured / bound</th><th>p</th><th>power (detects)</th><th>trials</th>")
        .append("<th>verdict</th><th>worst attack</th><th>seed</th></tr></thead>\n<tbody>\n");
    for (StatisticalResult r : rs) {
      rows(sb, r, r.verdict().name().toLowerCase(Locale.ROOT), r.verdict().name());
    }
    for (StatisticalCatalogue.ControlResult c : cs) {
      rows(sb, c.result(), c.caught() ? "holds" : "violated", c.caught() ? "control caught (VIOLATED)"
          : "control NOT caught — " + c.result().verdict());
    }
    sb.append("</tbody></table>\n<p class=\"note\">Method: ").append(Html.esc(first.method())).append(". Bound from ")
        .append(Html.esc(first.citation())).append(".</p>\n</article>\n");
  }

  private static void rows(StringBuilder sb, StatisticalResult r, String cls, String verdict) {
    for (Evaluation e : r.parts()) {
      sb.append("<tr><td>").append(Html.esc(r.subject())).append("</td><td>").append(Html.esc(e.label()))
          .append("</td><td>").append(Html.num(e.estimate())).append(" [").append(Html.num(e.lower())).append(", ")
          .append(Html.num(e.upper())).append("]</td><td>").append(Html.num(e.bound())).append("</td><td>")
          .append(Html.num(e.tightness())).append("</td><td>").append(Html.num(e.pValue())).append("</td><td>")
          .append(Double.isFinite(e.detectable()) ? Html.num(e.detectable()) + "×" : "nothing").append("</td><td>")
          .append(r.trials()).append("</td><td class=\"").append(cls).append("\">").append(Html.esc(verdict))
          .append("</td><td class=\"small\">").append(Html.esc(r.worstAttack())).append("</td><td class=\"mono small\">")
          .append(r.seed()).append("</td></tr>\n");
    }
  }
}
