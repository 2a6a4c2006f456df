package io.byzcheck.properties.stats;

import io.byzcheck.properties.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a rate's shape (THEORY.md kind R): trials at each grid point of one variable, a {@link SlopeFit} of
 * log(error), and a one-sided t-test of the slope against the claim.
 *
 * <p>A rate error ≤ C·x^b (hidden C) is an upper bound, so only a slope that is significantly <em>shallower</em>
 * than b + tolerance refutes it: VIOLATED when the lower confidence bound of the slope lies above b + τ (τ allows
 * for log factors and for the other terms of the sum; stated per check). A slope significantly steeper than b − τ
 * is reported as "faster than claimed", never hidden, and is not a violation. A lower bound error ≥ c·x^b is the
 * mirror image: VIOLATED when the upper confidence bound lies below b − τ. Power: the smallest excess over b + τ
 * (beyond the tolerance) the test detects with probability ≥ 0.9 at its level, (t₁₋α + t₀.₉)·se(b̂); a check whose
 * power is worse than {@code maxExcess} is INCONCLUSIVE. For a contraction factor (x = iteration, not logged) the
 * slope is log ρ per iteration and b = log of the theorem's factor.
 */
public final class RateCheck {
  private RateCheck() {}

  /** Whether the claim bounds the error from above (a rate, a contraction) or from below (a lower bound). */
  public enum Side {
    UPPER, LOWER
  }

  /**
   * The claim on the slope.
   *
   * @param variable what x is ("n", "m", "α", "t")
   * @param claimed the theory's slope b (from {@code RateShape}: the dominant term's exponent, or log ρ)
   * @param tolerance τ, for log factors and the neglected terms
   * @param side upper or lower bound
   * @param maxExcess power cap: INCONCLUSIVE when the detectable excess beyond τ is larger
   */
  public record Claim(String variable, double claimed, double tolerance, Side side, double maxExcess) {
    public Claim {
      if (!Double.isFinite(claimed) || !(tolerance >= 0) || !(maxExcess > 0) || side == null) {
        throw new IllegalArgumentException("a slope claim needs a finite slope, τ ≥ 0, a power cap > 0 and a side, got "
            + claimed + ", " + tolerance + ", " + maxExcess + ", " + side);
      }
    }

    public static Claim upper(String variable, double claimed, double tolerance) {
      return new Claim(variable, claimed, tolerance, Side.UPPER, DEFAULT_MAX_EXCESS);
    }

    public static Claim lower(String variable, double claimed, double tolerance) {
      return new Claim(variable, claimed, tolerance, Side.LOWER, DEFAULT_MAX_EXCESS);
    }
  }

  /** A slope check that could not detect an excess of 0.25 beyond its tolerance is INCONCLUSIVE. */
  public static final double DEFAULT_MAX_EXCESS = 0.25;

  /**
   * What a rate check found, for the report (the fit with its points, the claim, the test).
   *
   * @param lower the slope's lower confidence bound at the check's level
   * @param upper its upper confidence bound
   * @param detectableExcess the excess beyond τ detected with probability ≥ 0.9
   * @param finding "faster than claimed", "as claimed" or "slower than claimed", from the interval
   */
  public record Rate(SlopeFit fit, Claim claim, double lower, double upper, double detectableExcess, String finding) {}

  /** One grid point's trial: an error &gt; 0 from a seed. */
  @FunctionalInterface
  public interface PointTrial {
    double error(int point, long seed);
  }

  /** Tests a fit against a claim at level α: the verdict before the family's Holm step, and the p-value. */
  public static StatisticalResult test(StatisticalCheck.Subject s, SlopeFit fit, Claim claim, double level, long seed,
      String method) {
    int trials = 0;
    for (int n : fit.trials()) {
      trials += n;
    }
    return test(s, fit, claim, level, seed, method, trials);
  }

  /** As above, with the number of runs stated (a paired fit's runs each observe every point). */
  public static StatisticalResult test(StatisticalCheck.Subject s, SlopeFit fit, Claim claim, double level, long seed,
      String method, int trials) {
    double q = fit.quantile(1 - level);
    double se = fit.slopeError();
    double lower = fit.slope() - q * se;
    double upper = fit.slope() + q * se;
    boolean upperBound = claim.side() == Side.UPPER;
    double edge = upperBound ? claim.claimed() + claim.tolerance() : claim.claimed() - claim.tolerance();
    double z = se > 0 ? (upperBound ? fit.slope() - edge : edge - fit.slope()) / se
        : (upperBound ? fit.slope() > edge : fit.slope() < edge) ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    double p = fit.survival(z);
    double excess = (q + fit.quantile(ExactBinomial.POWER)) * se;
    boolean rejected = p <= level;
    Verdict v = rejected ? Verdict.VIOLATED : excess <= claim.maxExcess() ? Verdict.HOLDS : Verdict.INCONCLUSIVE;
    String finding = upper < claim.claimed() - claim.tolerance() ? "faster than claimed"
        : lower > claim.claimed() + claim.tolerance() ? "slower than claimed" : "as claimed (within τ)";
    List<Evaluation> parts = new ArrayList<>();
    double[] x = fit.x();
    for (int j = 0; j < x.length; j++) {
      double half = fit.quantile(1 - level) * fit.standardError()[j];
      parts.add(new Evaluation(claim.variable() + " = " + num(x[j]), fit.meanLog()[j], fit.meanLog()[j] - half,
          fit.meanLog()[j] + half, fit.through(claim.claimed(), x[j]), fit.fitted(x[j]), 1, Double.NaN, false, true));
    }
    String how = method + "; slope of log(error) against " + (fit.logX() ? "log " : "") + claim.variable()
        + ", least squares with equal weights over " + x.length + " points, " + (fit.logX() ? "" : "paired ")
        + "t interval (" + String.format(Locale.ROOT, "%.0f", Math.min(fit.degreesOfFreedom(), 1e9))
        + " df); one-sided: " + (upperBound ? "VIOLATED if the lower bound exceeds b + τ" : "VIOLATED if the upper "
        + "bound is below b − τ") + ", τ = " + claim.tolerance();
    return new StatisticalResult(s.id(), s.subject(), s.parameters(), s.experiment(), fit.slope(), lower, upper,
        claim.claimed(), s.citation(), fit.slope() - claim.claimed(), trials, trials, seed, how, level, p,
        claim.tolerance() + excess, v, s.worstAttack(), parts, new double[0], false,
        new Rate(fit, claim, lower, upper, excess, finding));
  }

  /**
   * Runs {@code perPoint} independent trials at every grid point (point j's trial i from
   * {@link TrialSeeds#of}(TrialSeeds.of(seed, j), i), so points are independent and every thread count gives the
   * same result), fits, and tests.
   */
  public static StatisticalResult run(StatisticalCheck.Subject s, double[] grid, Claim claim, PointTrial trial,
      int perPoint, int threads, long seed, double level) {
    double[][] errors = new double[grid.length][];
    for (int j = 0; j < grid.length; j++) {
      int point = j;
      double[][] obs = MonteCarlo.run(sd -> new double[] {trial.error(point, sd)}, TrialSeeds.of(seed, j), 0,
          perPoint, threads);
      errors[j] = new double[perPoint];
      for (int i = 0; i < perPoint; i++) {
        errors[j][i] = obs[i][0];
      }
    }
    return test(s, SlopeFit.independent(grid, true, errors), claim, level, seed,
        perPoint + " independent trials per point");
  }

  /** As {@link #run} for a paired design: each trial returns its errors at every grid point (x not logged). */
  public static StatisticalResult runPaired(StatisticalCheck.Subject s, double[] grid, boolean logX, Claim claim,
      MonteCarlo.Trial trial, int trials, int threads, long seed, double level) {
    double[][] errors = MonteCarlo.run(trial, seed, 0, trials, threads);
    return test(s, SlopeFit.paired(grid, logX, errors), claim, level, seed, trials + " runs, each at every point",
        trials);
  }

  /** Parameters with the claim added, for the result's table. */
  public static Map<String, Object> with(Map<String, Object> parameters, Claim claim) {
    Map<String, Object> p = new java.util.LinkedHashMap<>(parameters);
    p.put("slope in", claim.variable());
    p.put("τ", claim.tolerance());
    return p;
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
  }
}
