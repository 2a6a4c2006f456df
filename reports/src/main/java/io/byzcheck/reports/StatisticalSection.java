package io.byzcheck.reports;

import io.byzcheck.properties.Verdict;
import io.byzcheck.properties.statistical.StatisticalCatalogue;
import io.byzcheck.properties.stats.Evaluation;
import io.byzcheck.properties.stats.StatisticalResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's "Statistical checks" section (kind-E statements): the error budget, per THEORY.md ID the
 * experiment, a table of every parameter point (trials, estimate ± interval, bound, tightness, p, power, verdict,
 * worst attack, seed), its negative controls, and plots — the momentum drift against Lemma 1's bound over t, and
 * for the other statements the distribution of the measured quantity over its bound against the bound's line.
 */
final class StatisticalSection {
  private static final int W = 720;
  private static final int STRIP_H = 70;

  private StatisticalSection() {}

  /** Header lines: the family budget and how it was split. */
  static void header(StringBuilder sb, StatisticalCatalogue.Run run) {
    sb.append("<div><dt>statistical budget</dt><dd>").append(Html.esc(run.budget().name())).append(" — ")
        .append(Html.count(run.budget().samples())).append(" samples / ").append(Html.count(run.budget().runs()))
        .append(" runs per check, ").append(run.budget().screening()).append(" screening runs × ")
        .append(run.budget().searchEvaluations()).append(" CMA-ES evaluations per attack search</dd></div>\n")
        .append("<div><dt>false-failure budget</dt><dd>").append(Html.num(run.errorBudget().family()))
        .append(" family-wise, Holm over ").append(run.errorBudget().checks()).append(" statistical checks (")
        .append(Html.num(run.errorBudget().perCheck())).append(" each before the step-down)</dd></div>\n");
  }

  static void html(StringBuilder sb, StatisticalCatalogue.Run run) {
    sb.append("<section id=\"statistical\">\n<h2>Statistical checks (kinds E, R, L)</h2>\n<p>")
        .append("Every explicit probabilistic bound is checked by Monte Carlo: a trial is one simulator run (or one ")
        .append("sample), with a seed split from the check's seed, on every core, identical at any thread count. The run ")
        .append("has one false-failure budget of ").append(Html.num(run.errorBudget().family()))
        .append(", split by Holm's step-down over its ").append(run.errorBudget().checks())
        .append(" checks; inside a check, every claim and each of 4 sequential looks gets an equal share ")
        .append("(Bonferroni), so a check may stop as soon as it is decided. <em>Power</em> is the smallest violation ")
        .append("the check detects with probability ≥ 0.9 at its level and trial count, as a multiple of the bound ")
        .append("(a failure probability of c·δ, or a mean c× the bound); a check whose power is worse than 1/δ resp. ")
        .append("10× is INCONCLUSIVE. Probabilities: exact binomial test with Clopper–Pearson bounds. Bounded means: ")
        .append("empirical Bernstein (Maurer &amp; Pontil). Unbounded non-negative means (RES-T1): empirical Bernstein on ")
        .append("the quantity truncated at 10× the bound, valid for any tail. Equalities, skewness and the MGF: t-tests ")
        .append("(CLT, asymptotic — every moment involved is finite). Optimizer checks search the adversary first ")
        .append("(the simulator's attacks with parameters and a CMA-ES-driven direction attack, common random ")
        .append("numbers, screening trials disjoint from the test's) and test the worst attack found.</p>\n");
    long holds = count(run.checks(), Verdict.HOLDS);
    long violated = count(run.checks(), Verdict.VIOLATED);
    long inconclusive = count(run.checks(), Verdict.INCONCLUSIVE);
    long caught = run.controls().stream().filter(StatisticalCatalogue.ControlResult::caught).count();
    sb.append("<p><strong>").append(run.checks().size()).append(" checks</strong>: ").append(holds).append(" HOLDS, ")
        .append(violated).append(" VIOLATED, ").append(inconclusive).append(" INCONCLUSIVE; negative controls caught <strong class=\"")
        .append(caught == run.controls().size() ? "good" : "bad").append("\">").append(caught).append('/')
        .append(run.controls().size()).append("</strong>; ").append(Html.duration(run.elapsedMillis())).append(".</p>\n");
    for (String id : java.util.stream.Stream.concat(StatisticalCatalogue.IDS.stream(),
        StatisticalCatalogue.LOWER_BOUND_IDS.stream()).toList()) {
      List<StatisticalResult> rs = run.checks().stream().filter(r -> r.id().equals(id)).toList();
      List<StatisticalCatalogue.ControlResult> cs = run.controls().stream().filter(c -> c.id().equals(id)).toList();
      if (rs.isEmpty() && cs.isEmpty()) {
        continue;
      }
      article(sb, id, rs, cs);
    }
    boolean anyRate = run.checks().stream().anyMatch(r -> StatisticalCatalogue.RATE_IDS.contains(r.id()))
        || run.controls().stream().anyMatch(c -> StatisticalCatalogue.RATE_IDS.contains(c.id()));
    if (anyRate) {
      sb.append("<h3 id=\"rates\">Rates and lower bounds (kinds R and L)</h3>\n<p>A rate with hidden constants is ")
          .append("checked by its shape: trials at each point of a grid in one variable (chosen so that one term of the ")
          .append("theory's <code>RateShape</code> dominates at every point; the check refuses to run otherwise), the ")
          .append("adversary searched at each point, and a least-squares slope of log error against log x with equal ")
          .append("weights — a fixed linear combination of the per-point means, so its standard error follows from ")
          .append("theirs (Welch–Satterthwaite degrees of freedom; for a contraction, where each run observes every ")
          .append("iteration, the per-run slopes and a paired t interval). An upper bound is refuted only when the ")
          .append("slope's lower confidence bound lies above the theory slope + τ; a slope clearly steeper than the ")
          .append("theory's is reported as <em>faster than claimed</em>. Power: the smallest excess beyond τ detected ")
          .append("with probability ≥ 0.9; beyond ").append(Html.num(io.byzcheck.properties.stats.RateCheck.DEFAULT_MAX_EXCESS))
          .append(" the check is INCONCLUSIVE. The levels come from the same Holm family as the checks above.</p>\n");
      for (String id : StatisticalCatalogue.RATE_IDS) {
        List<StatisticalResult> rs = run.checks().stream().filter(r -> r.id().equals(id) && r.rate() != null).toList();
        List<StatisticalCatalogue.ControlResult> cs = run.controls().stream()
            .filter(c -> c.id().equals(id) && c.result().rate() != null).toList();
        if (!rs.isEmpty() || !cs.isEmpty()) {
          rateArticle(sb, id, rs, cs);
        }
        List<StatisticalResult> bounds = run.checks().stream().filter(r -> r.id().equals(id) && r.rate() == null)
            .toList();
        List<StatisticalCatalogue.ControlResult> boundControls = run.controls().stream()
            .filter(c -> c.id().equals(id) && c.result().rate() == null).toList();
        if (!bounds.isEmpty() || !boundControls.isEmpty()) {
          BoundRatioTable.html(sb, id, bounds, boundControls);
        }
      }
    }
    sb.append("</section>\n");
  }

  private static void rateArticle(StringBuilder sb, String id, List<StatisticalResult> rs,
      List<StatisticalCatalogue.ControlResult> cs) {
    sb.append("<article id=\"").append(Html.anchor(id)).append("\">\n<h3>").append(Html.esc(id)).append("</h3>\n");
    sb.append("<table class=\"results\">\n<thead><tr><th>subject</th><th>experiment</th><th>parameters</th>")
        .append("<th>trials</th><th>fitted slope [interval]</th><th>theory slope</th><th>τ</th><th>finding</th>")
        .append("<th>p</th><th>level</th><th>power (detects excess)</th><th>verdict</th><th>worst attack</th>")
        .append("<th>seed</th></tr></thead>\n<tbody>\n");
    for (StatisticalResult r : rs) {
      rateRow(sb, r, r.verdict().name().toLowerCase(Locale.ROOT), r.verdict().name());
    }
    for (StatisticalCatalogue.ControlResult c : cs) {
      StatisticalResult r = c.result();
      rateRow(sb, r, c.caught() ? "holds" : "violated", c.caught() ? "control caught (VIOLATED)"
          : "control NOT caught — " + r.verdict());
    }
    sb.append("</tbody></table>\n");
    StatisticalResult first = rs.isEmpty() ? cs.getFirst().result() : rs.getFirst();
    sb.append("<p class=\"note\">Method: ").append(Html.esc(first.method())).append(". Shape from ")
        .append(Html.esc(first.citation())).append(".</p>\n");
    for (StatisticalResult r : rs) {
      sb.append(SlopeChart.svg(r)).append('\n');
    }
    for (StatisticalCatalogue.ControlResult c : cs) {
      sb.append(SlopeChart.svg(c.result())).append('\n');
    }
    sb.append("</article>\n");
  }

  private static void rateRow(StringBuilder sb, StatisticalResult r, String cls, String verdict) {
    io.byzcheck.properties.stats.RateCheck.Rate rate = r.rate();
    sb.append("<tr><td>").append(Html.esc(r.subject())).append("</td><td class=\"small\">")
        .append(Html.esc(r.experiment())).append("</td><td class=\"small\">")
        .append(Html.esc(r.parameters().toString())).append("</td><td>").append(r.trials()).append("</td><td>")
        .append(Html.num(r.estimate())).append(" [").append(Html.num(rate.lower())).append(", ")
        .append(Html.num(rate.upper())).append("]</td><td>").append(Html.num(rate.claim().claimed()))
        .append(rate.claim().side() == io.byzcheck.properties.stats.RateCheck.Side.LOWER ? " (lower bound)" : "")
        .append("</td><td>").append(Html.num(rate.claim().tolerance())).append("</td><td>")
        .append(Html.esc(rate.finding())).append("</td><td>").append(Html.num(r.pValue())).append("</td><td>")
        .append(Html.num(r.level())).append("</td><td>").append(Html.num(rate.detectableExcess())).append(" beyond τ")
        .append("</td><td class=\"").append(cls).append("\">").append(Html.esc(verdict))
        .append("</td><td class=\"small\">").append(Html.esc(r.worstAttack())).append("</td><td class=\"mono small\">")
        .append(r.seed()).append("</td></tr>\n");
  }

  private static void article(StringBuilder sb, String id, List<StatisticalResult> rs,
      List<StatisticalCatalogue.ControlResult> cs) {
    sb.append("<article id=\"").append(Html.anchor(id)).append("\">\n<h3>").append(Html.esc(id)).append("</h3>\n");
    if (!rs.isEmpty()) {
      sb.append("<p>").append(Html.esc(rs.getFirst().experiment())).append("</p>\n");
      sb.append("<table class=\"results\">\n<thead><tr><th>subject</th><th>parameters</th><th>trials</th>")
          .append("<th>estimate [interval]</th><th>bound</th><th>tightness</th><th>p</th><th>level</th>")
          .append("<th>power (detects)</th><th>verdict</th><th>worst attack</th><th>seed</th></tr></thead>\n<tbody>\n");
      for (StatisticalResult r : rs) {
        row(sb, r);
      }
      sb.append("</tbody></table>\n");
      sb.append("<p class=\"note\">Method: ").append(Html.esc(rs.getFirst().method())).append(". Bound from ")
          .append(Html.esc(rs.getFirst().citation())).append(".</p>\n");
    }
    if (!cs.isEmpty()) {
      sb.append("<table class=\"results\">\n<thead><tr><th>negative control</th><th>parameters</th><th>trials</th>")
          .append("<th>estimate [interval]</th><th>bound</th><th>p</th><th>caught</th></tr></thead>\n<tbody>\n");
      for (StatisticalCatalogue.ControlResult c : cs) {
        StatisticalResult r = c.result();
        sb.append("<tr><td>").append(Html.esc(c.description())).append("</td><td class=\"small\">")
            .append(Html.esc(r.parameters().toString())).append("</td><td>").append(r.trials()).append("</td><td>")
            .append(interval(r)).append("</td><td>").append(Html.num(r.bound())).append("</td><td>")
            .append(Html.num(r.pValue())).append("</td><td class=\"").append(c.caught() ? "holds" : "violated")
            .append("\">").append(c.caught() ? "yes (VIOLATED)" : "NO — " + r.verdict()).append("</td></tr>\n");
      }
      sb.append("</tbody></table>\n");
    }
    if (id.equals("ALI-T32") || id.equals("ALI-T33")) {
      Figure gap = gapFigure(id, rs);
      if (gap != null) {
        sb.append(LineChart.svg(gap)).append('\n');
      }
    }
    for (StatisticalResult r : rs) {
      if (id.equals("RES-L1")) {
        sb.append(LineChart.svg(driftFigure(r))).append('\n');
      } else if (r.sampleIsRatio() && r.sample().length > 0) {
        sb.append(strip(r)).append('\n');
      }
    }
    sb.append("</article>\n");
  }

  private static void row(StringBuilder sb, StatisticalResult r) {
    sb.append("<tr><td>").append(Html.esc(r.subject())).append("</td><td class=\"small\">")
        .append(Html.esc(r.parameters().toString())).append("</td><td>").append(r.trials()).append('/')
        .append(r.plannedTrials()).append("</td><td>").append(interval(r)).append("</td><td>")
        .append(Html.num(r.bound())).append("</td><td>").append(Html.num(r.tightness())).append("</td><td>")
        .append(Html.num(r.pValue())).append("</td><td>").append(Html.num(r.level())).append("</td><td>")
        .append(Double.isFinite(r.detectable()) ? Html.num(r.detectable()) + "×" : "nothing").append("</td><td class=\"")
        .append(r.verdict().name().toLowerCase(Locale.ROOT)).append("\">").append(r.verdict()).append("</td><td class=\"small\">")
        .append(Html.esc(r.worstAttack())).append("</td><td class=\"mono small\">").append(r.seed()).append("</td></tr>\n");
  }

  private static String interval(StatisticalResult r) {
    return Html.num(r.estimate()) + " [" + Html.num(r.lower()) + ", " + Html.num(r.upper()) + "]";
  }

  /** RES-L1: the mean spread and its upper confidence bound against Lemma 1's bound, over t. */
  static Figure driftFigure(StatisticalResult r) {
    List<Evaluation> parts = r.parts();
    double[] t = new double[parts.size()];
    double[] est = new double[parts.size()];
    double[] up = new double[parts.size()];
    double[] bound = new double[parts.size()];
    for (int i = 0; i < parts.size(); i++) {
      Evaluation e = parts.get(i);
      t[i] = Double.parseDouble(e.label().replaceAll("[^0-9.]", ""));
      est[i] = e.estimate();
      up[i] = e.upper();
      bound[i] = e.bound();
    }
    return new Figure(r.id() + " " + r.subject() + " " + r.parameters() + ": (1/h)Σ‖m_t⁽ⁱ⁾ − m̄_t‖² against Lemma 1",
        "t", "drift", false, List.of(new Figure.Curve("measured mean", t, est),
            new Figure.Curve("upper confidence bound", t, up), new Figure.Curve("Lemma 1 bound", t, bound)));
  }

  /**
   * ALI-T32/T33 are per-T statements (the thresholds depend on T), so the plot runs over the parameter points: the
   * measured f(x̄) − f* (median and (1 − δ)-quantile over the trials) against the bound, printed constant and the
   * proof's, point by point. Null when no result carries its bound.
   */
  static Figure gapFigure(String id, List<StatisticalResult> rs) {
    Map<String, List<StatisticalResult>> byConstant = new LinkedHashMap<>();
    for (StatisticalResult r : rs) {
      if (r.parameters().get(StatisticalCatalogue.GAP_BOUND) instanceof Double && r.sample().length > 0) {
        byConstant.computeIfAbsent(r.subject(), k -> new ArrayList<>()).add(r);
      }
    }
    if (byConstant.isEmpty()) {
      return null;
    }
    List<Figure.Curve> curves = new ArrayList<>();
    boolean measured = false;
    for (Map.Entry<String, List<StatisticalResult>> e : byConstant.entrySet()) {
      List<StatisticalResult> points = e.getValue();
      double[] x = new double[points.size()];
      double[] bound = new double[points.size()];
      double[] median = new double[points.size()];
      double[] quantile = new double[points.size()];
      for (int i = 0; i < points.size(); i++) {
        StatisticalResult r = points.get(i);
        double b = (Double) r.parameters().get(StatisticalCatalogue.GAP_BOUND);
        double[] ratios = r.sample();
        java.util.Arrays.sort(ratios);
        x[i] = i + 1;
        bound[i] = b;
        median[i] = ratios[ratios.length / 2] * b;
        // the result's tightness is the (1 − δ)-quantile over all its trials, divided by B
        quantile[i] = r.tightness() * b;
      }
      String which = e.getKey().contains("proof") ? "proof's constant" : "printed constant";
      curves.add(new Figure.Curve("bound, " + which, x, bound));
      if (!measured) {
        // the measured gaps are the same runs for both constants: draw them once
        curves.add(new Figure.Curve("measured (1−δ)-quantile", x, quantile));
        curves.add(new Figure.Curve("measured median", x, median));
        measured = true;
      }
    }
    StringBuilder pts = new StringBuilder();
    List<StatisticalResult> first = byConstant.values().iterator().next();
    for (int i = 0; i < first.size(); i++) {
      Map<String, Object> p = new LinkedHashMap<>(first.get(i).parameters());
      p.remove(StatisticalCatalogue.GAP_BOUND);
      pts.append(i == 0 ? "" : "; ").append(i + 1).append(": ").append(p);
    }
    return new Figure(id + ": measured f(x̄) − f(x*) against the theorem's bound at each parameter point (the "
        + "statement is per T, its thresholds depend on T) — points " + pts, "parameter point", "f(x̄) − f(x*)", true,
        curves);
  }

  /** The sample of the quantity over its bound on a log axis, with the bound's line at 1. */
  static String strip(StatisticalResult r) {
    double[] x = r.sample();
    double lo = Double.POSITIVE_INFINITY;
    double hi = 1;
    for (double v : x) {
      if (v > 0 && Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (!(lo < Double.POSITIVE_INFINITY)) {
      lo = 1e-3;
    }
    double a = Math.floor(Math.log10(Math.min(lo, 0.1)));
    double b = Math.ceil(Math.log10(hi * 1.0001));
    if (b <= a) {
      b = a + 1;
    }
    int left = 70;
    int right = W - 30;
    StringBuilder sb = new StringBuilder();
    String title = r.id() + " " + r.subject() + " " + r.parameters()
        + ": measured quantity / bound in each of the first " + x.length + " trials (red line: the bound)";
    sb.append("<figure class=\"line\"><svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W)
        .append("\" height=\"").append(STRIP_H).append("\" viewBox=\"0 0 ").append(W).append(' ').append(STRIP_H)
        .append("\" role=\"img\" aria-label=\"").append(Html.esc(title)).append("\">\n");
    sb.append("<line x1=\"").append(left).append("\" y1=\"40\" x2=\"").append(right).append("\" y2=\"40\" class=\"frame\" stroke=\"#888\"/>\n");
    for (int e = (int) a; e <= (int) b; e++) {
      double px = left + (e - a) / (b - a) * (right - left);
      sb.append("<text x=\"").append(Html.px(px)).append("\" y=\"60\" class=\"axis\" text-anchor=\"middle\">1e")
          .append(e).append("</text>\n");
    }
    // one path of short vertical ticks, spread over a band by a fixed hash of the trial index (no randomness)
    sb.append("<path stroke=\"#0969da\" stroke-opacity=\"0.5\" d=\"");
    for (int i = 0; i < x.length; i++) {
      double v = Math.max(x[i], Math.pow(10, a));
      double px = left + (Math.log10(v) - a) / (b - a) * (right - left);
      int y = 18 + (int) ((i * 2654435761L) % 20);
      sb.append('M').append(Html.px(px)).append(' ').append(y).append("v3");
    }
    sb.append("\"/>\n");
    double one = left + (0 - a) / (b - a) * (right - left);
    sb.append("<line x1=\"").append(Html.px(one)).append("\" y1=\"10\" x2=\"").append(Html.px(one))
        .append("\" y2=\"44\" stroke=\"#cf222e\" stroke-width=\"2\"><title>the paper's bound</title></line>\n");
    sb.append("</svg><figcaption>").append(Html.esc(title)).append("</figcaption></figure>");
    return sb.toString();
  }

  /** report.json's "statisticalChecks". */
  static Map<String, Object> json(StatisticalCatalogue.Run run) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("budget", run.budget());
    m.put("familyFalseFailureBudget", run.errorBudget().family());
    m.put("checksInFamily", run.errorBudget().checks());
    m.put("perCheckLevelBeforeHolm", run.errorBudget().perCheck());
    m.put("elapsedMillis", run.elapsedMillis());
    List<Object> checks = new ArrayList<>(run.checks());
    m.put("checks", checks);
    m.put("negativeControls", run.controls().stream().map(c -> {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("id", c.id());
      o.put("description", c.description());
      o.put("caught", c.caught());
      o.put("result", c.result());
      return (Object) o;
    }).toList());
    return m;
  }

  private static long count(List<StatisticalResult> rs, Verdict v) {
    return rs.stream().filter(r -> r.verdict() == v).count();
  }
}
