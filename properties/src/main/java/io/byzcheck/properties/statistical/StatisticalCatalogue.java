package io.byzcheck.properties.statistical;

import io.byzcheck.properties.ProgressListener;
import io.byzcheck.properties.Verdict;
import io.byzcheck.properties.stats.ErrorBudget;
import io.byzcheck.properties.stats.StatisticalResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Every kind-E statement of THEORY.md checked statistically (YIN-P1, YIN-A2, YIN-P2, ALI-GOOD, ALI-L31, ALI-T32,
 * ALI-T33, RES-L1, RES-T1), each at two or more parameter points, with one negative control or more per ID.
 * The same entries run in {@code mvn verify} at {@link StatisticalBudget#CI} and in the report at
 * {@link StatisticalBudget#REPORT}.
 */
public final class StatisticalCatalogue {
  private StatisticalCatalogue() {}

  /** The kind-E IDs this catalogue checks. */
  public static final List<String> IDS = List.of("YIN-P1", "YIN-A2", "YIN-P2", "ALI-GOOD", "ALI-L31", "ALI-T32",
      "ALI-T33", "RES-L1", "RES-T1");

  /** The rate (kind R) and lower-bound (kind L) IDs this catalogue checks, by slope fits ({@code RateCheck}). */
  public static final List<String> RATE_IDS = List.of("YIN-RATE-MED", "YIN-RATE-TRM", "YIN-T1",
      "YIN-T4", "CAO-T1", "CAO-T2");

  /** The parameter under which the ALI-T32/T33 results carry the gap's bound B (their {@code bound} is δ). */
  public static final String GAP_BOUND = "B";

  /** A control and whether the check caught it (VIOLATED). */
  public record ControlResult(String id, String description, StatisticalResult result) {
    public boolean caught() {
      return result.verdict() == Verdict.VIOLATED;
    }
  }

  /**
   * One run: the checks after Holm's step over the family budget, the controls at the per-check level.
   *
   * @param errorBudget the family-wise budget and the number of checks it was split over
   */
  public record Run(StatisticalBudget budget, ErrorBudget errorBudget, List<StatisticalResult> checks,
      List<ControlResult> controls, long elapsedMillis) {
    public Run {
      checks = List.copyOf(checks);
      controls = List.copyOf(controls);
    }
  }

  public static List<StatisticalEntry> entries(StatisticalBudget budget) {
    List<StatisticalEntry> out = new ArrayList<>();
    out.addAll(GradientMoments.entries(budget));
    out.addAll(ByzantineSgdChecks.entries(budget));
    out.addAll(MomentumChecks.driftEntries(budget));
    out.addAll(MomentumChecks.rateEntries(budget));
    out.addAll(YinRateChecks.entries(budget));
    out.addAll(YinContractionChecks.entries(budget));
    out.addAll(CaoRateChecks.entries(budget));
    return out;
  }

  /** The error budget of a run of these entries: the family level over the non-control entries. */
  public static ErrorBudget errorBudget(StatisticalBudget budget, List<StatisticalEntry> entries) {
    return new ErrorBudget(budget.family(), (int) Math.max(1, entries.stream().filter(e -> !e.control()).count()));
  }

  /**
   * Runs the entries whose name starts with {@code only} (null for all); the budget is split over the selected
   * checks.
   */
  public static Run run(StatisticalBudget budget, String only, ProgressListener progress) {
    long t0 = System.nanoTime();
    List<StatisticalEntry> selected = entries(budget).stream()
        .filter(e -> only == null || e.name().startsWith(only)).toList();
    ErrorBudget eb = errorBudget(budget, selected);
    List<StatisticalResult> checks = new ArrayList<>();
    List<ControlResult> controls = new ArrayList<>();
    int done = 0;
    for (StatisticalEntry e : selected) {
      progress.progress(done, selected.size(), e.name());
      StatisticalResult r = e.check().apply(eb.perCheck());
      if (e.control()) {
        controls.add(new ControlResult(e.id(), e.description(), r));
      } else {
        checks.add(r);
      }
      done++;
    }
    progress.progress(done, selected.size(), "statistical checks done");
    return new Run(budget, eb, eb.holm(checks), controls, (System.nanoTime() - t0) / 1_000_000);
  }
}
