package io.byzcheck.reports;

import io.byzcheck.properties.stats.RateCheck;
import io.byzcheck.properties.stats.SlopeFit;
import io.byzcheck.properties.stats.StatisticalResult;
import java.util.Locale;

/**
 * A rate check's picture, hand-written inline SVG: log error against log x (or against x, for a contraction), the
 * per-point means with their intervals at the check's level, the fitted line with its pointwise band, and the
 * theory's slope drawn through the centroid of the data — so a slope shallower than the claim shows as the data
 * leaving the theory line upwards. Every point and line has a {@code <title>} tooltip.
 */
final class SlopeChart {
  private static final int W = 720;
  private static final int H = 300;
  private static final int LEFT = 70;
  private static final int RIGHT = 190;
  private static final int TOP = 24;
  private static final int BOTTOM = 44;
  private static final int SEGMENTS = 40;

  private SlopeChart() {}

  static String svg(StatisticalResult r) {
    RateCheck.Rate rate = r.rate();
    SlopeFit fit = rate.fit();
    double q = fit.quantile(1 - r.level());
    double[] x = fit.x();
    double[] mean = fit.meanLog();
    double[] se = fit.standardError();
    double umin = Double.POSITIVE_INFINITY;
    double umax = Double.NEGATIVE_INFINITY;
    double ymin = Double.POSITIVE_INFINITY;
    double ymax = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < x.length; j++) {
      double u = fit.abscissa(x[j]);
      umin = Math.min(umin, u);
      umax = Math.max(umax, u);
      ymin = Math.min(ymin, Math.min(mean[j] - q * se[j], fit.through(rate.claim().claimed(), x[j])));
      ymax = Math.max(ymax, Math.max(mean[j] + q * se[j], fit.through(rate.claim().claimed(), x[j])));
    }
    for (double u : new double[] {umin, umax}) {
      double xv = fit.logX() ? Math.exp(u) : u;
      double band = fit.bandHalfWidth(xv, q);
      ymin = Math.min(ymin, fit.fitted(xv) - band);
      ymax = Math.max(ymax, fit.fitted(xv) + band);
    }
    // y in log₁₀ units, padded to whole decades' tenths
    double lo = Math.floor(ymin / Math.log(10) * 10) / 10;
    double hi = Math.ceil(ymax / Math.log(10) * 10) / 10;
    if (hi <= lo) {
      hi = lo + 0.1;
    }
    double pad = (umax - umin) * 0.05;
    Frame f = new Frame(umin - pad, umax + pad, lo, hi);
    String variable = rate.claim().variable();
    String title = r.id() + " " + r.subject() + ": log error against " + (fit.logX() ? "log " : "") + variable
        + " — fitted slope " + num(fit.slope()) + " [" + num(rate.lower()) + ", " + num(rate.upper()) + "], theory "
        + num(rate.claim().claimed()) + (fit.logX() ? "" : " (log of the factor " + num(Math.exp(rate.claim().claimed()))
        + ")") + ", τ = " + num(rate.claim().tolerance()) + ": " + rate.finding() + ", " + r.verdict();
    StringBuilder sb = new StringBuilder();
    sb.append("<figure class=\"line\"><svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W)
        .append("\" height=\"").append(H).append("\" viewBox=\"0 0 ").append(W).append(' ').append(H)
        .append("\" role=\"img\" aria-label=\"").append(Html.esc(title)).append("\">\n");
    int pw = W - LEFT - RIGHT;
    int ph = H - TOP - BOTTOM;
    sb.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(pw)
        .append("\" height=\"").append(ph).append("\" class=\"frame\"/>\n");
    for (double t : LineChart.niceTicks(lo, hi)) {
      double py = f.py(t * Math.log(10));
      sb.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + pw).append("\" y1=\"").append(Html.px(py))
          .append("\" y2=\"").append(Html.px(py)).append("\" class=\"grid\"/>\n<text x=\"").append(LEFT - 6)
          .append("\" y=\"").append(Html.px(py + 4)).append("\" class=\"ytick\">").append(Html.num(Math.pow(10, t)))
          .append("</text>\n");
    }
    for (double v : x) {
      sb.append("<text x=\"").append(Html.px(f.px(fit.abscissa(v)))).append("\" y=\"").append(TOP + ph + 16)
          .append("\" class=\"tick\">").append(Html.num(v)).append("</text>\n");
    }
    sb.append("<text x=\"").append(LEFT + pw / 2).append("\" y=\"").append(H - 8).append("\" class=\"axis\">")
        .append(Html.esc(variable)).append(fit.logX() ? " (log scale)" : "").append("</text>\n<text x=\"14\" y=\"")
        .append(TOP + ph / 2).append("\" class=\"axis\" transform=\"rotate(-90 14 ").append(TOP + ph / 2)
        .append(")\">error (log scale)</text>\n");
    // the fitted line's band, then the line, then the theory line, then the points on top
    StringBuilder upper = new StringBuilder();
    StringBuilder lower = new StringBuilder();
    StringBuilder line = new StringBuilder();
    StringBuilder theory = new StringBuilder();
    for (int s = 0; s <= SEGMENTS; s++) {
      double u = umin + (umax - umin) * s / SEGMENTS;
      double xv = fit.logX() ? Math.exp(u) : u;
      double band = fit.bandHalfWidth(xv, q);
      String px = Html.px(f.px(u));
      upper.append(s == 0 ? "M" : "L").append(px).append(' ').append(Html.px(f.py(fit.fitted(xv) + band)));
      lower.insert(0, "L" + px + " " + Html.px(f.py(fit.fitted(xv) - band)));
      line.append(s == 0 ? "" : " ").append(px).append(',').append(Html.px(f.py(fit.fitted(xv))));
      theory.append(s == 0 ? "" : " ").append(px).append(',')
          .append(Html.px(f.py(fit.through(rate.claim().claimed(), xv))));
    }
    sb.append("<path fill=\"#0969da\" fill-opacity=\"0.15\" stroke=\"none\" d=\"").append(upper).append(lower)
        .append("Z\"><title>pointwise band of the fitted line at the check's level</title></path>\n");
    sb.append("<polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"1.8\" points=\"").append(line)
        .append("\"><title>fitted slope ").append(num(fit.slope())).append(" ± ").append(num(fit.slopeError()))
        .append(" (standard error)</title></polyline>\n");
    sb.append("<polyline fill=\"none\" stroke=\"#cf222e\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" points=\"")
        .append(theory).append("\"><title>theory slope ").append(num(rate.claim().claimed()))
        .append(" through the data's centroid</title></polyline>\n");
    for (int j = 0; j < x.length; j++) {
      double px = f.px(fit.abscissa(x[j]));
      double top = f.py(mean[j] + q * se[j]);
      double bottom = f.py(mean[j] - q * se[j]);
      String tip = variable + " = " + Html.num(x[j]) + ": error (per-point estimate) "
          + Html.num(Math.exp(mean[j])) + " [" + Html.num(Math.exp(mean[j] - q * se[j])) + ", "
          + Html.num(Math.exp(mean[j] + q * se[j])) + "], " + fit.trials()[j] + " trials";
      sb.append("<line x1=\"").append(Html.px(px)).append("\" x2=\"").append(Html.px(px)).append("\" y1=\"")
          .append(Html.px(top)).append("\" y2=\"").append(Html.px(bottom)).append("\" stroke=\"#1f2328\"><title>")
          .append(Html.esc(tip)).append("</title></line>\n<circle cx=\"").append(Html.px(px)).append("\" cy=\"")
          .append(Html.px(f.py(mean[j]))).append("\" r=\"3\" class=\"dot\"><title>").append(Html.esc(tip))
          .append("</title></circle>\n");
    }
    legend(sb, 0, "#1f2328", "measured, with interval");
    legend(sb, 1, "#0969da", "fit " + num(fit.slope()) + " and band");
    legend(sb, 2, "#cf222e", "theory slope " + num(rate.claim().claimed()));
    sb.append("</svg><figcaption>").append(Html.esc(title)).append("</figcaption></figure>");
    return sb.toString();
  }

  private static void legend(StringBuilder sb, int k, String colour, String label) {
    int ly = TOP + 8 + k * 18;
    sb.append("<line x1=\"").append(W - RIGHT + 12).append("\" x2=\"").append(W - RIGHT + 32).append("\" y1=\"")
        .append(ly).append("\" y2=\"").append(ly).append("\" stroke=\"").append(colour)
        .append("\" stroke-width=\"2.5\"/>\n<text x=\"").append(W - RIGHT + 38).append("\" y=\"").append(ly + 4)
        .append("\" class=\"legend\">").append(Html.esc(label)).append("</text>\n");
  }

  private record Frame(double u0, double u1, double y0, double y1) {
    double px(double u) {
      return LEFT + (u - u0) / (u1 - u0) * (W - LEFT - RIGHT);
    }

    /** y is a natural log; the frame is in log₁₀. */
    double py(double y) {
      double t = y / Math.log(10);
      return TOP + (H - TOP - BOTTOM) - (t - y0) / (y1 - y0) * (H - TOP - BOTTOM);
    }
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
