package io.byzcheck.properties.stats;

import io.byzcheck.properties.Verdict;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One statistical check of a kind-E statement at one parameter point: what the report renders and report.json
 * holds. The reported claim is the one with the smallest p-value when the check is VIOLATED, the tightest one
 * otherwise; {@code parts} has every claim the check tested (e.g. one per t, per coordinate, per λ).
 *
 * @param id THEORY.md ID
 * @param subject what was checked (optimizer and rule, or the distribution)
 * @param parameters the parameter point, insertion order kept
 * @param experiment the experiment in one sentence
 * @param estimate point estimate of the reported claim
 * @param lower its lower confidence bound at the check's level
 * @param upper its upper confidence bound
 * @param bound the paper's bound for the estimate (δ for a probability, B for a mean, v for an equality)
 * @param citation where the bound comes from (theory's citation)
 * @param tightness measured quantity / paper's bound (see {@link Evaluation#tightness()})
 * @param trials trials used (sequential stopping may use fewer than planned)
 * @param plannedTrials trials planned at this budget
 * @param seed the check's seed; trial i runs with {@link TrialSeeds#of}(seed, i)
 * @param method test and assumptions
 * @param level the false-failure level this check was run at (its share of the family budget)
 * @param pValue the check's p-value, Bonferroni-adjusted over its claims and sequential looks
 * @param detectable power: the smallest violation (multiple of the bound) detected with probability ≥ 0.9
 * @param verdict HOLDS, VIOLATED or INCONCLUSIVE
 * @param worstAttack the worst attack the search found (or "none" for distributional statements)
 * @param parts every claim's evaluation at the last look
 * @param sample up to 400 observations of the reported quantity, in trial order (for the distribution plot)
 * @param sampleIsRatio whether {@code sample} is the quantity over its bound (1 = the paper's line)
 * @param rate for a rate check (kind R, L): the fit and its claim, with estimate = fitted slope, bound = claimed
 *     slope, tightness = slope − claimed, detectable = τ + the detectable excess, and {@code parts} one per grid
 *     point (estimate: mean log error with its interval; bound: the theory slope's line through the data; tightness:
 *     the fitted line); null for the kind-E checks
 */
public record StatisticalResult(String id, String subject, Map<String, Object> parameters, String experiment,
    double estimate, double lower, double upper, double bound, String citation, double tightness, int trials,
    int plannedTrials, long seed, String method, double level, double pValue, double detectable, Verdict verdict,
    String worstAttack, List<Evaluation> parts, double[] sample, boolean sampleIsRatio, RateCheck.Rate rate) {

  /** A kind-E result (no rate fit). */
  public StatisticalResult(String id, String subject, Map<String, Object> parameters, String experiment,
      double estimate, double lower, double upper, double bound, String citation, double tightness, int trials,
      int plannedTrials, long seed, String method, double level, double pValue, double detectable, Verdict verdict,
      String worstAttack, List<Evaluation> parts, double[] sample, boolean sampleIsRatio) {
    this(id, subject, parameters, experiment, estimate, lower, upper, bound, citation, tightness, trials,
        plannedTrials, seed, method, level, pValue, detectable, verdict, worstAttack, parts, sample, sampleIsRatio,
        null);
  }

  public StatisticalResult {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    parts = List.copyOf(parts);
    sample = sample.clone();
  }

  @Override
  public double[] sample() {
    return sample.clone();
  }

  /** The same result with another verdict and level (after the family's Holm step). */
  public StatisticalResult with(Verdict v, double newLevel) {
    return new StatisticalResult(id, subject, parameters, experiment, estimate, lower, upper, bound, citation,
        tightness, trials, plannedTrials, seed, method, newLevel, pValue, detectable, v, worstAttack, parts, sample,
        sampleIsRatio, rate);
  }

  /** One line for logs and assertion messages, with the seed that replays the check. */
  public String summary() {
    if (rate != null) {
      return String.format(java.util.Locale.ROOT,
          "%s %s %s: slope in %s %.4g [%.4g, %.4g] vs theory %.4g (τ = %.3g, %s bound; %s), p = %.3g at level %.2g, "
              + "detects an excess of %.3g beyond τ, %d trials, %s, worst attack %s, seed %d",
          id, subject, parameters, rate.claim().variable(), estimate, lower, upper, bound, rate.claim().tolerance(),
          rate.claim().side() == RateCheck.Side.UPPER ? "upper" : "lower", rate.finding(), pValue, level,
          rate.detectableExcess(), trials, verdict, worstAttack, seed);
    }
    return String.format(java.util.Locale.ROOT,
        "%s %s %s: estimate %.4g [%.4g, %.4g] vs bound %.4g (%s), tightness %.3g, p = %.3g at level %.2g, "
            + "detects %.3g× the bound, %d/%d trials, %s, worst attack %s, seed %d",
        id, subject, parameters, estimate, lower, upper, bound, citation, tightness, pValue, level, detectable, trials,
        plannedTrials, verdict, worstAttack, seed);
  }
}
