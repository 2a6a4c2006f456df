package io.byzcheck.benchmarks.regression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * The verdict per benchmark, from its per-fork ratios to the yardstick now against the baseline's.
 *
 * <p>The rule: Welch's t-test (unequal variances, Welch–Satterthwaite degrees of freedom) on the
 * logarithms of the per-fork ratios, two-sided, Holm's step-down correction across every benchmark
 * compared, at family-wise level α; the effect is the ratio of the two geometric means (now over
 * baseline), with a (1 − α) Welch interval (per benchmark, not corrected). REGRESSED: Holm-adjusted
 * p &lt; α and effect ≥ 1 + δ; IMPROVED: adjusted p &lt; α and effect ≤ 1/(1 + δ). Otherwise UNCHANGED
 * only if the interval lies within (1/(1 + 2δ), 1 + 2δ), i.e. the forks rule out a change of twice the
 * minimum effect either way (a 0.45× interval that misses Holm's level is not "unchanged"); else INCONCLUSIVE (too few forks or too much spread at this budget to tell). Logs,
 * because times are positive with multiplicative noise and the effect is a ratio; Welch's t rather
 * than Mann–Whitney, because with three forks a side the smallest two-sided Mann–Whitney p is 0.1, so
 * it could never flag anything.
 *
 * <p>A/B runs are paired: fork r of each build was measured next to the other's fork r, so the test is
 * the paired t-test on the per-round log differences (same level, correction and thresholds), which
 * removes whatever the machine did to both in that round.
 */
final class Verdicts {
  enum Verdict { REGRESSED, IMPROVED, UNCHANGED, INCONCLUSIVE, MISSING, NEW }

  /** α: family-wise false-flag level over the benchmarks of one run; δ: the minimum effect that counts. */
  record Rule(double alpha, double minEffect) {
    static final Rule DEFAULT = new Rule(0.05, 0.10);

    Rule {
      if (!(alpha > 0 && alpha < 1) || !(minEffect > 0)) {
        throw new IllegalArgumentException("need 0 < α < 1 and δ > 0, got α = " + alpha + ", δ = " + minEffect);
      }
    }

    String describe() {
      return String.format(java.util.Locale.ROOT,
          "Welch's t on log per-fork ratios to the yardstick, two-sided, Holm-corrected across benchmarks at "
              + "family-wise α = %.2f; REGRESSED/IMPROVED need adjusted p < α and a change of at least δ = %.0f %% "
              + "(ratio of geometric means ≥ %.2f or ≤ %.3f); UNCHANGED needs the %.0f %% interval within "
              + "(%.3f, %.2f) (a %.0f %% change either way ruled out), else INCONCLUSIVE",
          alpha, 100 * minEffect, 1 + minEffect, 1 / (1 + minEffect), 100 * (1 - alpha), 1 / (1 + 2 * minEffect),
          1 + 2 * minEffect, 200 * minEffect);
    }
  }

  /** One benchmark's verdict; numbers are NaN where they do not apply (MISSING, NEW, one fork). */
  record Outcome(String key, Verdict verdict, double effect, double low, double high, double p, double pHolm,
      Sample current, Sample baseline, String note) {}

  private Verdicts() {}

  /**
   * Verdicts for every key of either side.
   *
   * @param selected which baseline keys this run meant to measure: one it did not is MISSING
   */
  static List<Outcome> compare(Map<String, Sample> baseline, Map<String, Sample> current, Rule rule,
      Predicate<String> selected) {
    return compare(baseline, current, rule, selected, false);
  }

  /** As above; {@code paired}: fork i of one side was measured next to fork i of the other (A/B). */
  static List<Outcome> compare(Map<String, Sample> baseline, Map<String, Sample> current, Rule rule,
      Predicate<String> selected, boolean paired) {
    List<Outcome> out = new ArrayList<>();
    List<Outcome> tested = new ArrayList<>();
    for (Sample b : baseline.values()) {
      Sample c = current.get(b.key());
      if (c == null) {
        if (selected.test(b.key())) {
          out.add(new Outcome(b.key(), Verdict.MISSING, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
              null, b, "in the baseline but not measured in this run"));
        }
        continue;
      }
      Outcome o = paired ? pairedTest(b, c, rule) : test(b, c, rule);
      (Double.isNaN(o.p()) ? out : tested).add(o);
    }
    for (Sample c : current.values()) {
      if (!baseline.containsKey(c.key())) {
        out.add(new Outcome(c.key(), Verdict.NEW, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, c, null,
            "not in the baseline"));
      }
    }
    out.addAll(holm(tested, rule));
    out.sort(Comparator.comparing(Outcome::key));
    return out;
  }

  private static Outcome test(Sample b, Sample c, Rule rule) {
    double[] lc = Stats.logs(c.ratios());
    double[] lb = Stats.logs(b.ratios());
    double diff = Stats.mean(lc) - Stats.mean(lb);
    double effect = Math.exp(diff);
    if (lc.length < 2 || lb.length < 2) {
      return new Outcome(c.key(), Verdict.INCONCLUSIVE, effect, Double.NaN, Double.NaN, Double.NaN, Double.NaN, c, b,
          "fewer than 2 forks on a side: no spread to test against");
    }
    double se = Math.sqrt(Stats.variance(lc) / lc.length + Stats.variance(lb) / lb.length);
    if (se == 0) {
      // Identical forks on both sides (synthetic input): the difference is exact.
      double p = diff == 0 ? 1 : 0;
      return new Outcome(c.key(), null, effect, effect, effect, p, p, c, b, "no fork-to-fork spread");
    }
    TTest.Result t = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC).test(lc, lb);
    double q = TDistribution.of(t.getDegreesOfFreedom()).inverseSurvivalProbability(rule.alpha() / 2);
    return new Outcome(c.key(), null, effect, Math.exp(diff - q * se), Math.exp(diff + q * se), t.getPValue(),
        t.getPValue(), c, b, "");
  }

  private static Outcome pairedTest(Sample b, Sample c, Rule rule) {
    int r = Math.min(b.ratios().length, c.ratios().length);
    double[] diff = new double[r];
    for (int i = 0; i < r; i++) {
      diff[i] = Math.log(c.ratios()[i]) - Math.log(b.ratios()[i]);
    }
    double mean = Stats.mean(diff);
    double effect = Math.exp(mean);
    if (r < 2) {
      return new Outcome(c.key(), Verdict.INCONCLUSIVE, effect, Double.NaN, Double.NaN, Double.NaN, Double.NaN, c, b,
          "fewer than 2 rounds: no spread to test against");
    }
    double se = Math.sqrt(Stats.variance(diff) / r);
    if (se == 0) {
      double p = mean == 0 ? 1 : 0;
      return new Outcome(c.key(), null, effect, effect, effect, p, p, c, b, "no round-to-round spread");
    }
    double p = TTest.withDefaults().test(diff).getPValue();
    double q = TDistribution.of(r - 1).inverseSurvivalProbability(rule.alpha() / 2);
    return new Outcome(c.key(), null, effect, Math.exp(mean - q * se), Math.exp(mean + q * se), p, p, c, b, "paired");
  }

  /** Holm's step-down adjustment of the p-values, then the verdicts from the adjusted ones. */
  private static List<Outcome> holm(List<Outcome> tested, Rule rule) {
    List<Outcome> byP = new ArrayList<>(tested);
    byP.sort(Comparator.comparingDouble(Outcome::p));
    int m = byP.size();
    List<Outcome> out = new ArrayList<>();
    double running = 0;
    for (int i = 0; i < m; i++) {
      Outcome o = byP.get(i);
      running = Math.max(running, Math.min(1, (m - i) * o.p()));
      out.add(decide(o, running, rule));
    }
    return out;
  }

  private static Outcome decide(Outcome o, double pHolm, Rule rule) {
    boolean significant = pHolm < rule.alpha();
    Verdict v;
    String note = o.note();
    if (significant && o.effect() >= 1 + rule.minEffect()) {
      v = Verdict.REGRESSED;
    } else if (significant && o.effect() <= 1 / (1 + rule.minEffect())) {
      v = Verdict.IMPROVED;
    } else if (o.high() < 1 + 2 * rule.minEffect() && o.low() > 1 / (1 + 2 * rule.minEffect())) {
      v = Verdict.UNCHANGED;
      if (significant) {
        note = "a significant change below the minimum effect δ";
      }
    } else {
      v = Verdict.INCONCLUSIVE;
      // a change the forks show but Holm's level does not confirm is not "unchanged" either
      note = o.high() >= 1 + 2 * rule.minEffect() ? "the forks cannot rule out a slowdown of 2δ"
          : "the forks cannot rule out a speed-up of 2δ";
    }
    return new Outcome(o.key(), v, o.effect(), o.low(), o.high(), o.p(), pHolm, o.current(), o.baseline(), note);
  }
}
