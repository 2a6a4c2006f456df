package io.byzcheck.benchmarks.regression;

import io.byzcheck.benchmarks.regression.Verdicts.Outcome;
import io.byzcheck.benchmarks.regression.Verdicts.Rule;
import io.byzcheck.benchmarks.regression.Verdicts.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The verdicts as a console table, a JSON file and a self-contained HTML page with an SVG chart. */
final class Report {
  private static final String MEAN = "MeanBenchmark.aggregate";

  private Report() {}

  /** The ratio of s to the Mean rule at the same (n, d) in the same samples, NaN if there is none. */
  static double toMean(Sample s, Map<String, Sample> samples) {
    if (s == null) {
      return Double.NaN;
    }
    for (Sample m : samples.values()) {
      if (m.benchmark().equals(MEAN) && String.valueOf(m.n()).equals(s.n()) && String.valueOf(m.d()).equals(s.d())) {
        return s.ratio() / m.ratio();
      }
    }
    return Double.NaN;
  }

  /** Ratios of one run (no baseline), as recorded. */
  static String ratioTable(Map<String, Sample> samples) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%-60s %11s %9s %9s %8s %6s%n", "benchmark", "ms (median)", "/yardstick",
        "/Mean", "spread", "forks"));
    for (Sample s : samples.values()) {
      b.append(String.format(Locale.ROOT, "%-60s %11.3f %9.2f× %8.2f× %7.1f%% %6d%n", s.key(), Stats.median(s.forkScores()),
          s.ratio(), toMean(s, samples), 100 * Stats.relativeSpread(s.ratios()), s.ratios().length));
    }
    return b.toString();
  }

  /** @param measure what the samples hold: "/yardstick" (ratios) or "ms" (A/B fork times) */
  static String table(List<Outcome> outcomes, Map<String, Sample> current, String measure) {
    String unit = measure.equals("ms") ? "%.2f" : "%.2f×";
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%-60s %9s %8s %9s %8s %-19s %8s  %s%n", "benchmark", measure, "spread",
        "baseline", "/Mean", "now/baseline [CI]", "p (Holm)", "verdict"));
    for (Outcome o : outcomes) {
      Sample c = o.current();
      b.append(String.format(Locale.ROOT, "%-60s %9s %8s %9s %8s %-19s %8s  %s%s%n", o.key(),
          c == null ? "-" : fmt(c.ratio(), unit),
          c == null ? "-" : fmt(100 * Stats.relativeSpread(c.ratios()), "%.1f%%"),
          o.baseline() == null ? "-" : fmt(o.baseline().ratio(), unit),
          c == null ? "-" : fmt(toMean(c, current), "%.2f×"),
          Double.isNaN(o.effect()) ? "-" : fmt(o.effect(), "%.3f") + " ["
              + (Double.isNaN(o.low()) ? "?" : fmt(o.low(), "%.2f") + "–" + fmt(o.high(), "%.2f")) + "]",
          Double.isNaN(o.pHolm()) ? "-" : fmt(o.pHolm(), "%.2g"), o.verdict(),
          o.note().isEmpty() ? "" : "  (" + o.note() + ")"));
    }
    return b.toString();
  }

  static Map<Verdict, Integer> counts(List<Outcome> outcomes) {
    Map<Verdict, Integer> n = new LinkedHashMap<>();
    for (Verdict v : Verdict.values()) {
      n.put(v, 0);
    }
    outcomes.forEach(o -> n.merge(o.verdict(), 1, Integer::sum));
    return n;
  }

  private static String fmt(double x, String f) {
    return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, f, x);
  }

  static void writeJson(Path file, List<Outcome> outcomes, Map<String, Sample> current, Rule rule,
      Map<String, Object> context) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>(context);
    m.put("rule", rule.describe());
    m.put("alpha", rule.alpha());
    m.put("minEffect", rule.minEffect());
    Map<String, Object> n = new LinkedHashMap<>();
    counts(outcomes).forEach((k, v) -> n.put(k.name(), (double) v));
    m.put("counts", n);
    List<Object> list = new ArrayList<>();
    for (Outcome o : outcomes) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("benchmark", o.key());
      e.put("verdict", o.verdict().name());
      e.put("effect", o.effect());
      e.put("ciLow", o.low());
      e.put("ciHigh", o.high());
      e.put("p", o.p());
      e.put("pHolm", o.pHolm());
      e.put("note", o.note());
      if (o.current() != null) {
        e.put("ratio", o.current().ratio());
        e.put("ratioToMean", toMean(o.current(), current));
        e.put("ratios", Baseline.boxed(o.current().ratios()));
        e.put("forkScores", Baseline.boxed(o.current().forkScores()));
        e.put("unit", o.current().unit());
      }
      if (o.baseline() != null) {
        e.put("baselineRatio", o.baseline().ratio());
        e.put("baselineRatios", Baseline.boxed(o.baseline().ratios()));
      }
      list.add(e);
    }
    m.put("benchmarks", list);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, Json.write(m));
  }

  /** The page: the rule, the context, the chart (log scale, δ band shaded) and the table. */
  static void writeHtml(Path file, List<Outcome> outcomes, Map<String, Sample> current, Rule rule,
      Map<String, Object> context) throws IOException {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>ByzCheck performance regression</title>")
        .append("<style>body{font:14px sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse}")
        .append("td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:right}td:first-child{text-align:left}")
        .append(".REGRESSED{color:#c00;font-weight:bold}.IMPROVED{color:#080;font-weight:bold}")
        .append(".INCONCLUSIVE{color:#b60}.MISSING{color:#c00}</style></head><body>")
        .append("<h1>ByzCheck performance regression</h1><p>").append(esc(rule.describe())).append(".</p><ul>");
    context.forEach((k, v) -> h.append("<li><b>").append(esc(k)).append("</b>: ").append(esc(String.valueOf(v)))
        .append("</li>"));
    h.append("</ul><p>Counts: ").append(esc(counts(outcomes).toString())).append("</p>");
    h.append("<h2>Ratio to the yardstick, now over baseline (geometric means, ")
        .append(Math.round(100 * (1 - rule.alpha()))).append(" % Welch interval)</h2>");
    chart(h, outcomes, rule);
    h.append("<h2>Table</h2><pre>").append(esc(table(outcomes, current, String.valueOf(context.getOrDefault("measure", "/yardstick")).startsWith("fork")
        ? "ms" : "/yardstick"))).append("</pre></body></html>\n");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, h.toString());
  }

  private static void chart(StringBuilder h, List<Outcome> outcomes, Rule rule) {
    List<Outcome> shown = outcomes.stream().filter(o -> !Double.isNaN(o.effect())).toList();
    double lo = 1 / (1 + 3 * rule.minEffect());
    double hi = 1 + 3 * rule.minEffect();
    for (Outcome o : shown) {
      lo = Math.min(lo, finiteOr(o.low(), o.effect()));
      hi = Math.max(hi, finiteOr(o.high(), o.effect()));
    }
    double min = Math.max(lo, 0.1);
    double max = Math.min(hi, 10);
    int label = 430;
    int width = 600;
    int row = 18;
    int height = row * shown.size() + 40;
    double l0 = Math.log(min);
    double span = Math.log(max) - l0;
    java.util.function.DoubleUnaryOperator x = v -> label + width * (Math.log(Math.min(max, Math.max(min, v))) - l0) / span;
    h.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "font-size=\"11\">", label + width + 20, height));
    h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"%d\" fill=\"#eee\"/>",
        x.applyAsDouble(1 / (1 + rule.minEffect())),
        x.applyAsDouble(1 + rule.minEffect()) - x.applyAsDouble(1 / (1 + rule.minEffect())), height - 30));
    for (double tick : new double[] {0.25, 0.5, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 2, 3, 4, 6, 8}) {
      if (tick >= min && tick <= max) {
        double tx = x.applyAsDouble(tick);
        h.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"0\" y2=\"%d\" stroke=\"%s\"/>"
            + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s×</text>", tx, tx, height - 30,
            tick == 1 ? "#000" : "#ccc", tx, height - 15, tick));
      }
    }
    for (int i = 0; i < shown.size(); i++) {
      Outcome o = shown.get(i);
      int y = row * i + 12;
      String colour = switch (o.verdict()) {
        case REGRESSED -> "#c00";
        case IMPROVED -> "#080";
        case INCONCLUSIVE -> "#b60";
        default -> "#246";
      };
      h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", label - 6, y + 4,
          esc(o.key())));
      if (!Double.isNaN(o.low())) {
        h.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" "
            + "stroke-width=\"2\"/>", x.applyAsDouble(o.low()), x.applyAsDouble(o.high()), y, y, colour));
      }
      h.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"%s\"><title>%s: %.3f (%s)"
          + "</title></circle>", x.applyAsDouble(o.effect()), y, colour, esc(o.key()), o.effect(), o.verdict()));
    }
    h.append("</svg>");
  }

  private static double finiteOr(double v, double fallback) {
    return Double.isFinite(v) ? v : fallback;
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
