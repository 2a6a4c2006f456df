package io.byzcheck.properties.statistical;

import io.byzcheck.properties.ProgressListener;
import io.byzcheck.properties.PropertiesValidation;
import io.byzcheck.properties.Verdict;
import io.byzcheck.properties.stats.ErrorBudget;
import io.byzcheck.properties.stats.StatisticalResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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
  public static final List<String> RATE_IDS = Stream.concat(Stream.of("YIN-RATE-MED",
      "YIN-RATE-TRM", "YIN-T1", "YIN-T4", "CAO-T1", "CAO-T2", "ALI-T34", "ALI-T35", "RES-C1"),
      YinTheoremEntries.IDS.stream()).toList();

  /** The lower-bound (kind L) IDs checked against an explicit two-point construction (exact binomial tests). */
  public static final List<String> LOWER_BOUND_IDS = List.of("ALI-T43", "ALI-T44");

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
    out.addAll(CaoContractionChecks.entries(budget));
    out.addAll(YinTheoremEntries.entries(budget));
    out.addAll(RestartRateChecks.entries(budget));
    out.addAll(RestartAlphaChecks.entries(budget));
    out.addAll(ResamRateChecks.entries(budget));
    out.addAll(LowerBoundChecks.entries(budget));
    return out;
  }

  /** The error budget of a run of these entries: the family level over the non-control entries. */
  public static ErrorBudget errorBudget(StatisticalBudget budget, List<StatisticalEntry> entries) {
    return new ErrorBudget(budget.family(), (int) Math.max(1, entries.stream().filter(e -> !e.control()).count()));
  }

  /** The entries whose name starts with {@code only} (null for all), in catalogue order. */
  public static List<StatisticalEntry> select(StatisticalBudget budget, String only) {
    return entries(budget).stream().filter(e -> only == null || e.name().startsWith(only)).toList();
  }

  /**
   * Runs the entries whose name starts with {@code only} (null for all); the budget is split over the selected
   * checks.
   */
  public static Run run(StatisticalBudget budget, String only, ProgressListener progress) {
    long t0 = System.nanoTime();
    List<StatisticalEntry> selected = select(budget, only);
    ErrorBudget eb = errorBudget(budget, selected);
    List<StatisticalResult> results = new ArrayList<>();
    for (StatisticalEntry e : selected) {
      progress.progress(results.size(), selected.size(), e.name());
      results.add(e.check().apply(eb.perCheck()));
    }
    progress.progress(results.size(), selected.size(), "statistical checks done");
    return assemble(budget, selected, results, (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * The run made of {@code results} (result i of entry i, each run at {@link #errorBudget}'s per-check level, in
   * any order or place: on several threads, or machines): controls apart, then Holm's step over the checks.
   */
  public static Run assemble(StatisticalBudget budget, List<StatisticalEntry> selected,
      List<StatisticalResult> results, long elapsedMillis) {
    PropertiesValidation.check("assembling statistical checks", selected.size() == results.size(),
        "one result per entry", selected.size() + " entries, " + results.size() + " results");
    ErrorBudget eb = errorBudget(budget, selected);
    List<StatisticalResult> checks = new ArrayList<>();
    List<ControlResult> controls = new ArrayList<>();
    for (int i = 0; i < selected.size(); i++) {
      StatisticalEntry e = selected.get(i);
      if (e.control()) {
        controls.add(new ControlResult(e.id(), e.description(), results.get(i)));
      } else {
        checks.add(results.get(i));
      }
    }
    return new Run(budget, eb, eb.holm(checks), controls, elapsedMillis);
  }
}
