package io.byzcheck.reports;

import io.byzcheck.properties.CheckResult;
import io.byzcheck.properties.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tightness chart, hand-written inline SVG: one row per (ID, rule); a bar to the largest
 * worst-ratio/λ over the parameter grid, one dot per parameter point, and the bound (1) as a line.
 * Every bar and dot carries a {@code <title>} tooltip with its parameters and value.
 */
final class TightnessChart {
  private static final int LABEL_W = 290;
  private static final int PLOT_W = 560;
  private static final int VALUE_W = 110;
  private static final int ROW_H = 20;
  private static final int TOP = 28;
  private static final int BOTTOM = 34;
  /** Ratios above this are drawn at the right edge with an arrow: a violation is a violation. */
  private static final double CAP = 2.0;

  private TightnessChart() {}

  private record Series(String id, String rule, List<CheckResult> points) {}

  /** The chart, or an empty string when no check has a finite ratio. */
  static String svg(List<CheckResult> checks) {
    Map<String, Series> series = new LinkedHashMap<>();
    double max = 0;
    for (CheckResult c : checks) {
      double t = Tightness.of(c);
      if (!Double.isFinite(t)) {
        continue;
      }
      max = Math.max(max, t);
      series.computeIfAbsent(c.id() + '\u0000' + c.rule(), k -> new Series(c.id(), c.rule(), new ArrayList<>()))
          .points().add(c);
    }
    if (series.isEmpty()) {
      return "";
    }
    double xmax = max <= 1.25 ? 1.25 : Math.min(CAP, Math.ceil(max * 4) / 4);
    int width = LABEL_W + PLOT_W + VALUE_W;
    int height = TOP + series.size() * ROW_H + BOTTOM;
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" role=\"img\" aria-label=\"worst ratio over bound per rule\">\n");
    // Grid and axis labels.
    for (double g = 0; g <= xmax + 1e-9; g += 0.25) {
      double x = LABEL_W + g / xmax * PLOT_W;
      boolean bound = Math.abs(g - 1) < 1e-9;
      sb.append("<line x1=\"").append(Html.px(x)).append("\" y1=\"").append(TOP - 6).append("\" x2=\"")
          .append(Html.px(x)).append("\" y2=\"").append(height - BOTTOM + 4).append("\" class=\"")
          .append(bound ? "bound" : "grid").append("\"/>\n");
      sb.append("<text x=\"").append(Html.px(x)).append("\" y=\"").append(height - BOTTOM + 18)
          .append("\" class=\"tick\">").append(Html.num(g)).append("</text>\n");
    }
    double one = LABEL_W + 1 / xmax * PLOT_W;
    sb.append("<text x=\"").append(Html.px(one)).append("\" y=\"").append(TOP - 10)
        .append("\" class=\"tick bound-label\">bound (ratio = 1)</text>\n");
    sb.append("<text x=\"").append(LABEL_W + PLOT_W / 2).append("\" y=\"").append(height - 4)
        .append("\" class=\"axis\">worst ratio found / bound λ (dots: one per parameter point; bar: the largest)</text>\n");
    int row = 0;
    for (Series s : series.values()) {
      double y = TOP + row * ROW_H;
      double worst = 0;
      CheckResult worstAt = s.points().getFirst();
      boolean violated = false;
      for (CheckResult c : s.points()) {
        if (Tightness.of(c) >= worst) {
          worst = Tightness.of(c);
          worstAt = c;
        }
        violated |= c.verdict() == Verdict.VIOLATED;
      }
      if (row % 2 == 1) {
        sb.append("<rect x=\"0\" y=\"").append(Html.px(y)).append("\" width=\"").append(width)
            .append("\" height=\"").append(ROW_H).append("\" class=\"stripe\"/>\n");
      }
      sb.append("<text x=\"").append(LABEL_W - 8).append("\" y=\"").append(Html.px(y + ROW_H * 0.7))
          .append("\" class=\"label\">").append(Html.esc(s.id())).append(" · ").append(Html.esc(s.rule()))
          .append("</text>\n");
      double barW = Math.min(worst, xmax) / xmax * PLOT_W;
      sb.append("<rect x=\"").append(LABEL_W).append("\" y=\"").append(Html.px(y + 4)).append("\" width=\"")
          .append(Html.px(barW)).append("\" height=\"").append(ROW_H - 8).append("\" class=\"")
          .append(violated ? "bar bad" : "bar").append("\"><title>").append(Html.esc(s.id() + " " + s.rule()))
          .append(": largest worst ratio / λ = ").append(Html.num(worst)).append(" at ")
          .append(Html.esc(params(worstAt))).append(" (").append(s.points().size()).append(" parameter points)")
          .append("</title></rect>\n");
      for (CheckResult c : s.points()) {
        double t = Tightness.of(c);
        double cx = LABEL_W + Math.min(t, xmax) / xmax * PLOT_W;
        sb.append("<circle cx=\"").append(Html.px(cx)).append("\" cy=\"").append(Html.px(y + ROW_H / 2.0))
            .append("\" r=\"3\" class=\"").append(c.verdict() == Verdict.VIOLATED ? "dot bad" : "dot")
            .append("\"><title>").append(Html.esc(params(c))).append(": worst ratio / λ = ").append(Html.num(t))
            .append(", λ = ").append(Html.num(c.bound())).append(", ").append(c.verdict())
            .append("</title></circle>\n");
      }
      sb.append("<text x=\"").append(LABEL_W + PLOT_W + 8).append("\" y=\"").append(Html.px(y + ROW_H * 0.7))
          .append("\" class=\"value").append(violated ? " bad" : "").append("\">")
          .append(worst > xmax ? "▶ " : "").append(Html.num(worst)).append("</text>\n");
      row++;
    }
    sb.append("</svg>");
    return sb.toString();
  }

  /** "n=15 f=5 d=10" from the parameter map, in its order. */
  static String params(CheckResult c) {
    StringBuilder sb = new StringBuilder();
    c.parameters().forEach((k, v) -> {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(k).append('=').append(v);
    });
    return sb.toString();
  }
}
