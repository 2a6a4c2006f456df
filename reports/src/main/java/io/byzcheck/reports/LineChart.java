package io.byzcheck.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Figure} as inline SVG: linear x, linear or log₁₀ y, one polyline per curve, a
 * legend, and a {@code <title>} tooltip on every line. A non-finite y (a run that diverged) cuts
 * the line and is marked with a cross at the top edge, so divergence is visible rather than hidden.
 */
final class LineChart {
  private static final int W = 720;
  private static final int H = 320;
  private static final int LEFT = 70;
  private static final int RIGHT = 170;
  private static final int TOP = 28;
  private static final int BOTTOM = 44;
  private static final String[] COLOURS = {"#0969da", "#cf222e", "#1a7f37", "#9a6700", "#8250df", "#bf3989", "#1b7c83",
      "#6e7781"};

  private LineChart() {}

  static String svg(Figure fig) {
    double xmin = Double.POSITIVE_INFINITY;
    double xmax = Double.NEGATIVE_INFINITY;
    double ymin = Double.POSITIVE_INFINITY;
    double ymax = Double.NEGATIVE_INFINITY;
    for (Figure.Curve c : fig.curves()) {
      for (int i = 0; i < c.x().length; i++) {
        double y = c.y()[i];
        if (!Double.isFinite(c.x()[i]) || !usable(y, fig.logY())) {
          continue;
        }
        double ty = fig.logY() ? Math.log10(y) : y;
        xmin = Math.min(xmin, c.x()[i]);
        xmax = Math.max(xmax, c.x()[i]);
        ymin = Math.min(ymin, ty);
        ymax = Math.max(ymax, ty);
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<figure class=\"line\"><svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W)
        .append("\" height=\"").append(H).append("\" viewBox=\"0 0 ").append(W).append(' ').append(H)
        .append("\" role=\"img\" aria-label=\"").append(Html.esc(fig.title())).append("\">\n");
    if (xmin > xmax) {
      sb.append("<text x=\"").append(W / 2).append("\" y=\"").append(H / 2).append("\" class=\"axis\">no finite data</text>\n");
    } else {
      if (xmax == xmin) {
        xmax = xmin + 1;
      }
      if (ymax == ymin) {
        ymax = ymin + 1;
      }
      if (fig.logY()) {
        ymin = Math.floor(ymin);
        ymax = Math.ceil(ymax);
      }
      axes(sb, fig, xmin, xmax, ymin, ymax);
      int k = 0;
      for (Figure.Curve c : fig.curves()) {
        curve(sb, fig, c, COLOURS[k % COLOURS.length], k, xmin, xmax, ymin, ymax);
        k++;
      }
    }
    sb.append("</svg><figcaption>").append(Html.esc(fig.title())).append("</figcaption></figure>");
    return sb.toString();
  }

  private static boolean usable(double y, boolean log) {
    return Double.isFinite(y) && (!log || y > 0);
  }

  private static void axes(StringBuilder sb, Figure fig, double xmin, double xmax, double ymin, double ymax) {
    int pw = W - LEFT - RIGHT;
    int ph = H - TOP - BOTTOM;
    sb.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(pw)
        .append("\" height=\"").append(ph).append("\" class=\"frame\"/>\n");
    List<Double> yticks = new ArrayList<>();
    if (fig.logY()) {
      int step = (int) Math.max(1, Math.ceil((ymax - ymin) / 8));
      for (double e = ymin; e <= ymax + 1e-9; e += step) {
        yticks.add(e);
      }
    } else {
      yticks = niceTicks(ymin, ymax);
    }
    for (double t : yticks) {
      double y = TOP + ph - (t - ymin) / (ymax - ymin) * ph;
      if (y < TOP - 0.5 || y > TOP + ph + 0.5) {
        continue;
      }
      sb.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + pw).append("\" y1=\"").append(Html.px(y))
          .append("\" y2=\"").append(Html.px(y)).append("\" class=\"grid\"/>\n<text x=\"").append(LEFT - 6)
          .append("\" y=\"").append(Html.px(y + 4)).append("\" class=\"ytick\">")
          .append(fig.logY() ? "1e" + (long) t : Html.num(t)).append("</text>\n");
    }
    for (double t : niceTicks(xmin, xmax)) {
      double x = LEFT + (t - xmin) / (xmax - xmin) * pw;
      if (x < LEFT - 0.5 || x > LEFT + pw + 0.5) {
        continue;
      }
      sb.append("<text x=\"").append(Html.px(x)).append("\" y=\"").append(TOP + ph + 16).append("\" class=\"tick\">")
          .append(Html.num(t)).append("</text>\n");
    }
    sb.append("<text x=\"").append(LEFT + pw / 2).append("\" y=\"").append(H - 8).append("\" class=\"axis\">")
        .append(Html.esc(fig.xLabel())).append("</text>\n<text x=\"14\" y=\"").append(TOP + ph / 2)
        .append("\" class=\"axis\" transform=\"rotate(-90 14 ").append(TOP + ph / 2).append(")\">")
        .append(Html.esc(fig.yLabel())).append(fig.logY() ? " (log scale)" : "").append("</text>\n");
  }

  private static void curve(StringBuilder sb, Figure fig, Figure.Curve c, String colour, int k, double xmin, double xmax,
      double ymin, double ymax) {
    int pw = W - LEFT - RIGHT;
    int ph = H - TOP - BOTTOM;
    StringBuilder pts = new StringBuilder();
    boolean diverged = false;
    double lastX = Double.NaN;
    for (int i = 0; i < c.x().length; i++) {
      double y = c.y()[i];
      double x = LEFT + (c.x()[i] - xmin) / (xmax - xmin) * pw;
      if (!Double.isFinite(y)) {
        diverged = true;
        lastX = x;
        break;
      }
      if (!usable(y, fig.logY())) {
        continue;
      }
      double ty = fig.logY() ? Math.log10(y) : y;
      double py = TOP + ph - (ty - ymin) / (ymax - ymin) * ph;
      pts.append(pts.isEmpty() ? "" : " ").append(Html.px(x)).append(',').append(Html.px(py));
    }
    String title = Html.esc(c.label()) + (diverged ? " (diverged: non-finite value)" : "")
        + (c.y().length > 0 && Double.isFinite(c.y()[c.y().length - 1]) ? ", last value " + Html.num(c.y()[c.y().length - 1]) : "");
    sb.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.8\" points=\"").append(pts)
        .append("\"><title>").append(title).append("</title></polyline>\n");
    if (diverged) {
      sb.append("<text x=\"").append(Html.px(lastX)).append("\" y=\"").append(TOP + 10).append("\" fill=\"").append(colour)
          .append("\" class=\"mark\">✕<title>").append(title).append("</title></text>\n");
    }
    int ly = TOP + 8 + k * 18;
    sb.append("<line x1=\"").append(W - RIGHT + 12).append("\" x2=\"").append(W - RIGHT + 32).append("\" y1=\"").append(ly)
        .append("\" y2=\"").append(ly).append("\" stroke=\"").append(colour).append("\" stroke-width=\"2.5\"/>\n<text x=\"")
        .append(W - RIGHT + 38).append("\" y=\"").append(ly + 4).append("\" class=\"legend\">").append(Html.esc(c.label()))
        .append(diverged ? " ✕" : "").append("</text>\n");
  }

  /** About five round tick values covering [lo, hi]. */
  static List<Double> niceTicks(double lo, double hi) {
    double span = hi - lo;
    double raw = span / 5;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double norm = raw / mag;
    double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
    List<Double> out = new ArrayList<>();
    // k·step in decimal, so that 3 × 0.2 is 0.6 and not 0.6000000000000001.
    java.math.BigDecimal s = java.math.BigDecimal.valueOf(step);
    for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
      out.add(s.multiply(java.math.BigDecimal.valueOf(k)).doubleValue());
    }
    return out;
  }
}
