package io.byzcheck.properties.stats;

import io.byzcheck.properties.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One family-wise false-failure budget per run, shared by its M statistical checks by Holm's step-down
 * procedure (Holm 1979): each check first runs at level budget/M (Holm's first step, which the sequential tests
 * need fixed in advance); afterwards the ordered p-values p₍₁₎ ≤ … are rejected while p₍ⱼ₎ ≤ budget/(M − j + 1).
 * The probability that any check of a correct implementation is VIOLATED is then at most the budget.
 */
public record ErrorBudget(double family, int checks) {
  /** The default family-wise budget of a run. */
  public static final double DEFAULT = 1e-3;

  public ErrorBudget {
    if (!(family > 0 && family < 1) || checks < 1) {
      throw new IllegalArgumentException("an error budget needs a level in (0, 1) and ≥ 1 check, got " + family
          + " over " + checks);
    }
  }

  /** The level each check runs at. */
  public double perCheck() {
    return family / checks;
  }

  /**
   * Holm's step-down over the results: VIOLATED exactly for the rejected ones, each result's level set to its Holm
   * threshold. A result not rejected keeps its HOLDS or INCONCLUSIVE.
   */
  public List<StatisticalResult> holm(List<StatisticalResult> results) {
    if (results.size() > checks) {
      throw new IllegalArgumentException("the budget was split over " + checks + " checks, got " + results.size());
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble(i -> results.get(i).pValue()));
    StatisticalResult[] out = results.toArray(new StatisticalResult[0]);
    boolean stillRejecting = true;
    for (int j = 0; j < order.size(); j++) {
      StatisticalResult r = results.get(order.get(j));
      double threshold = family / (checks - j);
      stillRejecting &= r.pValue() <= threshold;
      Verdict v = stillRejecting ? Verdict.VIOLATED
          : r.verdict() == Verdict.VIOLATED ? Verdict.VIOLATED : r.verdict();
      out[order.get(j)] = r.with(v, threshold);
    }
    return List.of(out);
  }
}
