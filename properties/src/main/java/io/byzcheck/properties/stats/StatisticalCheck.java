package io.byzcheck.properties.stats;

import io.byzcheck.properties.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Runs one statistical check: trials on all cores ({@link MonteCarlo}), the claims tested at sequential looks,
 * stopping at the first look where a claim is rejected (VIOLATED) or every claim's confidence bound is on its side
 * and the check already detects a violation of {@link #EARLY_STOP_POWER}× the bound (HOLDS). Level: each of the c claims at each of the L looks is tested at level/(cL), so the check's false-failure
 * probability is at most its level. At the end, a check that was not rejected HOLDS only when its power is
 * informative (see {@link Evaluation#informative()}); otherwise it is INCONCLUSIVE.
 */
public final class StatisticalCheck {
  /** A check stops early for HOLDS only when it detects a violation of this multiple of the bound (power 0.9). */
  public static final double EARLY_STOP_POWER = 2;

  private StatisticalCheck() {}

  /**
   * What is checked, for the result.
   *
   * @param citation the bound's source (from {@code theory})
   * @param worstAttack the adversary this run used (found by a search, or "none")
   */
  public record Subject(String id, String subject, Map<String, Object> parameters, String experiment, String citation,
      String worstAttack) {}

  public static StatisticalResult run(Subject s, List<Claim> claims, MonteCarlo.Trial trial, Plan plan) {
    if (claims.isEmpty()) {
      throw new IllegalArgumentException(s.id() + ": a check needs at least one claim");
    }
    double alpha = plan.level() / (plan.looks() * claims.size());
    List<double[][]> batches = new ArrayList<>();
    int have = 0;
    double minP = 1;
    List<Evaluation> last = List.of();
    boolean rejected = false;
    boolean certified = false;
    for (int j = 1; j <= plan.looks() && !rejected && !certified; j++) {
      int want = plan.trialsAt(j);
      batches.add(MonteCarlo.run(trial, plan.seed(), have, want - have, plan.threads()));
      have = want;
      double[][] obs = concat(batches, have);
      List<Evaluation> evals = new ArrayList<>();
      for (Claim c : claims) {
        evals.add(c.evaluate(obs, have, alpha));
      }
      last = evals;
      for (Evaluation e : evals) {
        minP = Math.min(minP, e.pValue());
        rejected |= e.pValue() <= alpha;
      }
      // Stop early for HOLDS only once the check could also have caught a violation of twice the bound: a
      // confidence bound below the claim after a handful of trials says little about the worst case.
      certified = evals.stream().allMatch(e -> e.certified() && e.detectable() <= EARLY_STOP_POWER);
    }
    double pValue = Math.min(1, minP * plan.looks() * claims.size());
    Evaluation shown = rejected
        ? last.stream().min(Comparator.comparingDouble(Evaluation::pValue)).orElseThrow()
        : last.stream().max(Comparator.comparingDouble(Evaluation::tightness)).orElseThrow();
    double detectable = last.stream().mapToDouble(Evaluation::detectable).max().orElseThrow();
    boolean informative = last.stream().allMatch(Evaluation::informative);
    Verdict v = rejected ? Verdict.VIOLATED : (certified || informative) ? Verdict.HOLDS : Verdict.INCONCLUSIVE;
    Claim shownClaim = claims.get(last.indexOf(shown));
    double[][] obs = concat(batches, have);
    double[] sample = new double[Math.min(400, have)];
    for (int i = 0; i < sample.length; i++) {
      sample[i] = obs[i][shownClaim.column()] / (Double.isNaN(shownClaim.scale()) ? 1 : shownClaim.scale());
    }
    return new StatisticalResult(s.id(), s.subject(), s.parameters(), s.experiment(), shown.estimate(), shown.lower(),
        shown.upper(), shown.bound(), s.citation(), shown.tightness(), have, plan.trials(), plan.seed(),
        shownClaim.method() + "; " + claims.size() + " claim(s) × " + plan.looks() + " looks, Bonferroni", plan.level(),
        pValue, detectable, v, s.worstAttack(), last, sample, !Double.isNaN(shownClaim.scale()));
  }

  private static double[][] concat(List<double[][]> batches, int n) {
    double[][] all = new double[n][];
    int i = 0;
    for (double[][] b : batches) {
      for (double[] row : b) {
        all[i++] = row;
      }
    }
    return all;
  }
}
