package io.byzcheck.properties.catalogue;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;
import io.byzcheck.kernels.rules.Mean;
import io.byzcheck.properties.Budget;
import io.byzcheck.properties.CatalogueRun;
import io.byzcheck.properties.CheckResult;
import io.byzcheck.properties.LowerBoundCheck;
import io.byzcheck.properties.NegativeControlResult;
import io.byzcheck.properties.ProgressListener;
import io.byzcheck.properties.ResilienceCheck;
import io.byzcheck.properties.SanityCheck;
import io.byzcheck.properties.Verdict;
import io.byzcheck.properties.controls.WrongOrderStatisticMedian;
import io.byzcheck.theory.resam.ResilienceCoefficient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The catalogue of checks: every entry is a THEORY.md ID, a rule and a parameter point. The same
 * entries run in {@code mvn verify} (as JUnit dynamic tests, at {@link Budget#CI}) and in the report
 * (at {@link Budget#REPORT}).
 */
public final class Catalogue {
  private Catalogue() {}

  /** One runnable check. {@code name} starts with the THEORY.md ID. */
  public record Entry(String id, String name, Supplier<CheckResult> check) {}

  /** One negative control: a wrong rule or claim that the check must catch. */
  public record Control(String id, String name, String description, Supplier<CheckResult> check) {
    public NegativeControlResult run() {
      CheckResult r = check.get();
      return new NegativeControlResult(id, description, r, r.verdict() == Verdict.VIOLATED);
    }
  }

  /** The (n, f, d) grid of the resilience checks: small and large d, f = 1 and the largest f &lt; n/2. */
  public static List<int[]> grid() {
    List<int[]> g = new ArrayList<>();
    for (int n : new int[] {3, 5, 7, 10, 15}) {
      for (int f : new int[] {1, (n - 1) / 2}) {
        for (int d : new int[] {1, 2, 5, 10}) {
          if (g.stream().noneMatch(p -> p[0] == n && p[1] == f && p[2] == d)) {
            g.add(new int[] {n, f, d});
          }
        }
      }
    }
    return g;
  }

  public static List<Entry> entries(Budget budget) {
    List<Entry> out = new ArrayList<>();
    AggregationRule median = new CoordinateWiseMedian();
    ResilienceCheck cwmed = ResilienceCheck.of("RES-T1-CWMED", median,
        (n, f, d) -> ResilienceCoefficient.coordinateWiseMedian(n, f, d).value());
    for (int[] p : grid()) {
      out.add(new Entry("RES-T1-CWMED", "RES-T1-CWMED " + median.name() + " " + point(p),
          () -> cwmed.run(p[0], p[1], p[2], budget)));
    }
    for (AggregationRule rule : List.of(median, new Mean())) {
      for (int[] p : new int[][] {{5, 2, 1}, {10, 4, 3}, {15, 7, 2}}) {
        out.add(new Entry("RES-P2-LB", "RES-P2-LB " + rule.name() + " " + point(p),
            () -> LowerBoundCheck.run(rule, p[0], p[1], p[2])));
      }
    }
    for (int[] p : new int[][] {{5, 2, 3}, {10, 4, 7}, {15, 7, 1}}) {
      out.add(new Entry("RES-SANITY", "RES-SANITY " + median.name() + " " + point(p),
          () -> SanityCheck.run(median, p[0], p[1], p[2], budget)));
    }
    return out;
  }

  public static List<Control> controls(Budget budget) {
    List<Control> out = new ArrayList<>();
    AggregationRule wrong = new WrongOrderStatisticMedian();
    ResilienceCheck check = ResilienceCheck.of("RES-T1-CWMED", wrong,
        (n, f, d) -> ResilienceCoefficient.coordinateWiseMedian(n, f, d).value());
    out.add(new Control("RES-T1-CWMED", "RES-T1-CWMED negative control: " + wrong.name() + " n=7 f=3 d=2",
        "a median using the (n/2+2)-th order statistic, checked against CWMed's λ",
        () -> check.run(7, 3, 2, budget)));
    return out;
  }

  /** Runs every entry and control, telling {@code progress} as it goes. */
  public static CatalogueRun run(Budget budget, ProgressListener progress) {
    long t0 = System.nanoTime();
    List<Entry> entries = entries(budget);
    List<Control> controls = controls(budget);
    int total = entries.size() + controls.size();
    int done = 0;
    List<CheckResult> results = new ArrayList<>();
    for (Entry e : entries) {
      progress.progress(done, total, e.name());
      results.add(e.check().get());
      done++;
    }
    List<NegativeControlResult> caught = new ArrayList<>();
    for (Control c : controls) {
      progress.progress(done, total, c.name());
      caught.add(c.run());
      done++;
    }
    progress.progress(done, total, "done");
    return new CatalogueRun(budget, results, caught, (System.nanoTime() - t0) / 1_000_000);
  }

  static String point(int[] p) {
    return "n=" + p[0] + " f=" + p[1] + " d=" + p[2];
  }
}
