package io.byzcheck.reports;

import io.byzcheck.properties.Budget;
import io.byzcheck.properties.CatalogueRun;
import io.byzcheck.properties.CheckResult;
import io.byzcheck.properties.NegativeControlResult;
import io.byzcheck.properties.Verdict;
import io.byzcheck.properties.catalogue.Catalogue;
import io.byzcheck.theory.Discrepancy;
import io.byzcheck.theory.TheoryCatalog;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Constructed catalogue runs for the renderer tests (no engine involved). */
final class Fixtures {
  private Fixtures() {}

  static Map<String, Object> nfd(int n, int f, int d) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("n", n);
    p.put("f", f);
    p.put("d", d);
    return p;
  }

  static CheckResult check(String id, String rule, Map<String, Object> params, double bound, double ratio,
      Verdict v, long seed, String counterexample) {
    return new CheckResult(id, rule, params, bound, ratio, 20_000, seed, v, counterexample);
  }

  /**
   * A small run: CWMed and MDA hold at two points, CGE is violated (as RES-C9-CGE says it must be),
   * one inconclusive point; one negative control caught and, when {@code controlCaught} is false,
   * the CWMed control missed.
   */
  static CatalogueRun run(boolean controlCaught) {
    List<CheckResult> checks = List.of(
        // λ for CWMed at (15,5,10) is 15/20·√10 ≈ 2.3717 (issue 4's hand value).
        check("RES-T1-CWMED", "CWMed", nfd(15, 5, 10), 2.3717, 0.4123, Verdict.HOLDS, 11L, null),
        check("RES-T1-CWMED", "CWMed", nfd(7, 3, 1), 0.875, 0.9871, Verdict.HOLDS, 12L, null),
        check("RES-T1-MDA", "MDA", nfd(15, 5, 10), 1.0, 0.75, Verdict.HOLDS, 13L, null),
        check("RES-C9-CGE", "CGE", nfd(5, 1, 2), 10.0, 42.5, Verdict.VIOLATED, 14L,
            "new double[][] {{1, 0}, {1, 0}, {0.5, 0}}"),
        check("RES-T1-GM", "GM", nfd(5, 2, 3), 3.0, Double.NaN, Verdict.INCONCLUSIVE, 15L, null));
    CheckResult wrongMedian = check("RES-T1-CWMED", "CWMed(order statistic n/2+2)", nfd(15, 5, 10), 2.3717,
        controlCaught ? 1.31 : 0.97, controlCaught ? Verdict.VIOLATED : Verdict.HOLDS, 21L,
        controlCaught ? "new double[][] {{0}, {1}}" : null);
    CheckResult trimF1 = check("RES-T1-CWTM", "CWTM(trim f-1)", nfd(9, 2, 4), 1.1, 1.8, Verdict.VIOLATED, 22L,
        "new double[][] {{0, 0, 0, 0}}");
    return new CatalogueRun(Budget.CI, checks, List.of(
        new NegativeControlResult("RES-T1-CWMED", "median using the (n/2+2)-th order statistic", wrongMedian, controlCaught),
        new NegativeControlResult("RES-T1-CWTM", "trimmed mean trimming f-1 per side", trimF1, true)), 1234);
  }

  /**
   * A catalogue source whose entries and controls return {@code run}'s results (entry names: ID, rule, point);
   * every budget it is asked for is added to {@code budgets}.
   */
  static CatalogueSource source(CatalogueRun run, List<Budget> budgets) {
    return new CatalogueSource() {
      @Override
      public List<Catalogue.Entry> entries(Budget budget) {
        budgets.add(budget);
        return run.checks().stream().map(c -> new Catalogue.Entry(c.id(), c.id() + " " + c.rule() + " "
            + c.parameters(), c.verdict(), () -> c)).toList();
      }

      @Override
      public List<Catalogue.Control> controls(Budget budget) {
        return run.negativeControls().stream().map(nc -> new Catalogue.Control(nc.id(), nc.id() + " control "
            + nc.result().rule(), nc.description(), nc::result)).toList();
      }
    };
  }

  static Report report(CatalogueRun run) {
    return report(run, List.of(), List.of());
  }

  static Report report(CatalogueRun run, List<Discrepancy> discrepancies, List<ReproductionResult> repro) {
    RunMetadata meta = new RunMetadata(Instant.parse("2026-11-24T23:00:00Z").toString(), "25+36 (test)", "Linux amd64",
        2, "scalar (test)", run.budget(), null, 2000);
    return new Report(meta, run, TheoryCoverage.of(run), discrepancies, repro);
  }

  /** THEORY.md's IDs, then EXTENSIONS.md's (the coverage table lists both). */
  static Map<String, Character> theoryIds() {
    Map<String, Character> ids = new java.util.LinkedHashMap<>(TheoryCatalog.theoryIds());
    ids.putAll(TheoryCatalog.extensionIds());
    return ids;
  }
}
