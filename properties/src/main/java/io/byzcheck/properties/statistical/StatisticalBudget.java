package io.byzcheck.properties.statistical;

import io.byzcheck.properties.Budget;
import io.byzcheck.properties.stats.ErrorBudget;
import io.byzcheck.properties.stats.MonteCarlo;

/**
 * How much the statistical checks spend. The same checks run in {@code mvn verify} at {@link #CI} and in the
 * report at {@link #REPORT} (10× the trials, 4–5× the search).
 *
 * @param samples trials of the moment checks (one sample of the gradient each)
 * @param runs trials of the optimizer checks (one simulator run each)
 * @param screening trials per candidate attack in the search (common random numbers across candidates)
 * @param searchEvaluations CMA-ES evaluations of the direction attack
 * @param family the run's family-wise false-failure budget, split over the checks by Holm
 * @param threads trial threads
 * @param seed master seed; each check derives its own and prints it
 */
public record StatisticalBudget(String name, int samples, int runs, int screening, int searchEvaluations,
    double family, int threads, long seed) {
  public static final StatisticalBudget CI = new StatisticalBudget("ci", 50_000, 400, 16, 24, ErrorBudget.DEFAULT,
      MonteCarlo.defaultThreads(), Budget.DEFAULT_SEED);
  public static final StatisticalBudget REPORT = new StatisticalBudget("report", 500_000, 4_000, 64, 100,
      ErrorBudget.DEFAULT, MonteCarlo.defaultThreads(), Budget.DEFAULT_SEED);

  public StatisticalBudget {
    if (samples < 16 || runs < 16 || screening < 1 || searchEvaluations < 1 || threads < 1) {
      throw new IllegalArgumentException("a statistical budget needs ≥ 16 samples and runs, ≥ 1 screening trial, "
          + "search evaluation and thread");
    }
  }

  /** The budget of the same name as the catalogue's (ci or report), with that budget's master seed. */
  public static StatisticalBudget matching(Budget b) {
    StatisticalBudget base = "report".equals(b.name()) ? REPORT : CI;
    return base.withSeed(b.seed());
  }

  public StatisticalBudget withSeed(long s) {
    return new StatisticalBudget(name, samples, runs, screening, searchEvaluations, family, threads, s);
  }

  public StatisticalBudget withThreads(int t) {
    return new StatisticalBudget(name, samples, runs, screening, searchEvaluations, family, t, seed);
  }
}
