package io.byzcheck.properties.catalogue;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.CoordinateWiseMedianReference;
import io.byzcheck.kernels.reference.CoordinateWiseTrimmedMeanReference;
import io.byzcheck.kernels.reference.GeometricMedianReference;
import io.byzcheck.kernels.reference.KrumReference;
import io.byzcheck.kernels.reference.MeanAroundMedianReference;
import io.byzcheck.kernels.reference.MinimumDiameterAveragingReference;
import io.byzcheck.kernels.rules.CentredClipping;
import io.byzcheck.kernels.rules.ComparativeGradientElimination;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;
import io.byzcheck.kernels.rules.CoordinateWiseTrimmedMean;
import io.byzcheck.kernels.rules.GeometricMedian;
import io.byzcheck.kernels.rules.Krum;
import io.byzcheck.kernels.rules.Mean;
import io.byzcheck.kernels.rules.MeanAroundMedian;
import io.byzcheck.kernels.rules.MinimumDiameterAveraging;
import io.byzcheck.kernels.reference.ReferenceRule;
import io.byzcheck.properties.Budget;
import io.byzcheck.properties.CatalogueRun;
import io.byzcheck.properties.CheckResult;
import io.byzcheck.properties.InequalityCheck;
import io.byzcheck.properties.LowerBoundCheck;
import io.byzcheck.properties.NegativeControlResult;
import io.byzcheck.properties.ProgressListener;
import io.byzcheck.properties.ResilienceCheck;
import io.byzcheck.properties.SanityCheck;
import io.byzcheck.properties.Verdict;
import io.byzcheck.properties.controls.KrumWithTooManyNeighbours;
import io.byzcheck.properties.controls.TrimmingFMinusOne;
import io.byzcheck.properties.controls.WrongOrderStatisticMedian;
import io.byzcheck.theory.Bound;
import io.byzcheck.theory.caolai.GeometricMedianConstant;
import io.byzcheck.theory.resam.CentredClippingResilience;
import io.byzcheck.theory.resam.ComparativeEliminationCounterexample;
import io.byzcheck.theory.resam.CoordinateWiseDiameter;
import io.byzcheck.theory.resam.KrumSelectionLemma;
import io.byzcheck.theory.resam.MedianPosition;
import io.byzcheck.theory.resam.ResilienceCoefficient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The catalogue of checks: every entry is a THEORY.md ID, a rule (or lemma) and a parameter point,
 * with the verdict the paper predicts (HOLDS for D statements, VIOLATED for the counterexamples of
 * kind L such as CGE). The same entries run in {@code mvn verify} (JUnit dynamic tests at
 * {@link Budget#CI}) and in the report (at {@link Budget#REPORT}).
 */
public final class Catalogue {
  private Catalogue() {}

  /** One runnable check; {@code name} starts with the THEORY.md ID. */
  public record Entry(String id, String name, Verdict expected, Supplier<CheckResult> check) {}

  /** One negative control: a wrong rule or claim that the check must catch. */
  public record Control(String id, String name, String description, Supplier<CheckResult> check) {
    /** Runs the check like {@link #runSafely}: a control that throws is recorded as not caught. */
    public NegativeControlResult run() {
      CheckResult r = runSafely(new Entry(id, name, Verdict.VIOLATED, check));
      return new NegativeControlResult(id, description, r, r.verdict() == Verdict.VIOLATED);
    }
  }

  /** Every entry and control (the filter of a full run). */
  public static final Predicate<String> ALL = id -> true;

  /** RESAM Table 1's rules with their λ and references. */
  static List<RuleUnderCheck> tableOne() {
    return List.of(
        new RuleUnderCheck("RES-T1-CWMED", "CWMed", RuleUnderCheck.fixed(new CoordinateWiseMedian()),
            ResilienceCoefficient::coordinateWiseMedian,
            RuleUnderCheck.fixedReference(new CoordinateWiseMedianReference())),
        new RuleUnderCheck("RES-T1-CWTM", "CWTM", RuleUnderCheck.fixed(CoordinateWiseTrimmedMean.trimF()),
            ResilienceCoefficient::coordinateWiseTrimmedMean,
            RuleUnderCheck.fixedReference(CoordinateWiseTrimmedMeanReference.trimF())),
        new RuleUnderCheck("RES-T1-MEAMED", "MeaMed", RuleUnderCheck.fixed(new MeanAroundMedian()),
            ResilienceCoefficient::meanAroundMedian,
            RuleUnderCheck.fixedReference(new MeanAroundMedianReference())),
        new RuleUnderCheck("RES-T1-KRUM", "Krum*", RuleUnderCheck.fixed(Krum.star()),
            (n, f, d) -> ResilienceCoefficient.krumStar(n, f),
            RuleUnderCheck.fixedReference(KrumReference.star())),
        new RuleUnderCheck("RES-P6-MULTIKRUM", "Multi-Krum*_{n−f}",
            (n, f) -> Krum.multiStar(RuleUnderCheck.MULTI_KRUM_Q.applyAsInt(n, f)),
            (n, f, d) -> ResilienceCoefficient.multiKrumStar(n, f, RuleUnderCheck.MULTI_KRUM_Q.applyAsInt(n, f)),
            (n, f) -> KrumReference.multiStar(RuleUnderCheck.MULTI_KRUM_Q.applyAsInt(n, f))),
        new RuleUnderCheck("RES-T1-GM", "GM", RuleUnderCheck.fixed(GeometricMedian.certified(1e-5)),
            (n, f, d) -> ResilienceCoefficient.geometricMedian(n, f),
            RuleUnderCheck.fixedReference(new GeometricMedianReference())),
        new RuleUnderCheck("RES-T1-MDA", "MDA", RuleUnderCheck.fixed(new MinimumDiameterAveraging()),
            (n, f, d) -> ResilienceCoefficient.minimumDiameterAveraging(n, f),
            RuleUnderCheck.fixedReference(new MinimumDiameterAveragingReference())));
  }

  /**
   * The (n, f, d) grid of the resilience checks: d = 1, d &lt; n, d ≥ n and d ≫ n (n = 5, d = 64, where Δ
   * switches from √d to 2√(n−f)); f = 1 and the largest f &lt; n/2.
   */
  public static List<int[]> grid() {
    List<int[]> g = new ArrayList<>();
    g.add(new int[] {5, 2, 64});
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

  private static final int[][] FEW = {{5, 2, 3}, {10, 4, 2}, {15, 7, 1}};

  public static List<Entry> entries(Budget budget) {
    List<Entry> out = new ArrayList<>();
    for (RuleUnderCheck r : tableOne()) {
      for (int[] p : grid()) {
        AggregationRule rule = r.rule().at(p[0], p[1]);
        ResilienceCheck check = ResilienceCheck.of(r.id(), rule, r.lambda());
        out.add(entry(r.id(), r.name(), p, Verdict.HOLDS, () -> check.run(p[0], p[1], p[2], budget)));
      }
    }
    List<AggregationRule> lowerBoundRules = new ArrayList<>();
    for (RuleUnderCheck r : tableOne()) {
      for (int[] p : FEW) {
        AggregationRule rule = r.rule().at(p[0], p[1]);
        out.add(entry("RES-P2-LB", rule.name(), p, Verdict.HOLDS, () -> LowerBoundCheck.run(rule, p[0], p[1], p[2])));
        out.add(entry("RES-SANITY", rule.name(), p, Verdict.HOLDS,
            () -> SanityCheck.run(rule, p[0], p[1], p[2], budget)));
      }
      lowerBoundRules.add(r.rule().at(7, 3));
    }
    AggregationRule mean = new Mean();
    for (int[] p : FEW) {
      out.add(entry("RES-P2-LB", mean.name(), p, Verdict.HOLDS, () -> LowerBoundCheck.run(mean, p[0], p[1], p[2])));
    }
    // Not resilient averaging: the engine must find the violation on its own.
    AggregationRule cge = new ComparativeGradientElimination();
    for (int[] p : new int[][] {{5, 2, 2}, {10, 3, 3}}) {
      ResilienceCheck check = ResilienceCheck.of("RES-C9-CGE", cge, (n, f, d) -> Bound.of(1e3,
          ComparativeEliminationCounterexample.CITATION, "λ = 1000 claimed on purpose: C.9 says no λ works"));
      out.add(entry("RES-C9-CGE", cge.name() + " (claimed λ = 1000)", p, Verdict.VIOLATED,
          () -> check.run(p[0], p[1], p[2], budget)));
    }
    AggregationRule cc = CentredClipping.fromZero(1.0, 3);
    for (int[] p : new int[][] {{5, 1, 2}, {10, 1, 3}}) {
      // Karimireddy et al.'s λ = 20√10·f/n needs τ and L tuned with side information; without it:
      ResilienceCheck check = ResilienceCheck.of("RES-C8-CC", cc, (n, f, d) -> Bound.of(20 * Math.sqrt(10) * f / n,
          CentredClippingResilience.CITATION, "claimed without the side information c_τ and L need, any f"));
      out.add(entry("RES-C8-CC", cc.name() + " (claimed λ = 20√10·f/n)", p, Verdict.VIOLATED,
          () -> check.run(p[0], p[1], p[2], budget)));
    }
    for (int[] p : new int[][] {{5, 0, 3}, {8, 0, 2}, {10, 0, 40}, {20, 0, 50}}) {
      out.add(entry("RES-L5", "coordinate-wise diameter", p, Verdict.HOLDS, () -> InequalityCheck.run("RES-L5",
          "coordinate-wise diameter", p[0], p[1], p[2], Bound.of(CoordinateWiseDiameter.factor(p[0], p[2]),
          CoordinateWiseDiameter.CITATION, "S = all n inputs"), Lemmas.lemma5(), budget)));
    }
    for (int[] p : new int[][] {{7, 3, 1}, {10, 4, 1}, {15, 7, 1}, {16, 5, 1}}) {
      out.add(entry("RES-L10", "median position", p, Verdict.HOLDS, () -> InequalityCheck.run("RES-L10",
          "median position", p[0], p[1], 1, Bound.of(MedianPosition.minimumOnEachSide(p[0], p[1]),
          MedianPosition.CITATION, "f < n/2"), Lemmas.lemma10(p[1]), budget)));
    }
    for (int[] p : new int[][] {{7, 2, 3, 3}, {9, 3, 2, 4}}) {
      out.add(entry("RES-L6", "Multi-Krum*_" + p[3] + " selection", p, Verdict.HOLDS, () -> InequalityCheck.run(
          "RES-L6", "Multi-Krum*_" + p[3] + " selection", p[0], p[1], p[2], Bound.of(KrumSelectionLemma.factor(p[0],
          p[1], p[3]), KrumSelectionLemma.CITATION, "f < n/2", "q ≤ n − f"), Lemmas.lemma6(p[1], p[3]), budget)));
    }
    for (int[] p : new int[][] {{7, 3, 3}, {10, 4, 5}, {9, 2, 2}}) {
      out.add(entry("CAO-L1", "GM", p, Verdict.HOLDS, () -> InequalityCheck.run("CAO-L1", "GM", p[0], p[1], p[2],
          GeometricMedianConstant.cAlpha((double) p[1] / p[0]),
          Lemmas.caoLemma1(p[1]), budget)));
    }
    invariances(out, budget);
    Extensions.entries(out, budget);
    return out;
  }

  /** Permutation, translation and scaling, and fast = reference on searched inputs, per rule. */
  private static void invariances(List<Entry> out, Budget budget) {
    int[] p = {7, 3, 3};
    for (RuleUnderCheck r : tableOne()) {
      AggregationRule rule = r.rule().at(p[0], p[1]);
      ReferenceRule reference = (ReferenceRule) r.reference().at(p[0], p[1]);
      String name = rule.name();
      if (!r.id().equals("RES-T1-GM")) {
        // GM is not unique on collinear inputs (d = 1, even n): a permutation may pick another minimiser.
        out.add(entry("INV-PERMUTATION", name, p, Verdict.HOLDS, () -> InequalityCheck.run("INV-PERMUTATION", name,
            p[0], p[1], p[2], null, Invariances.permutation(rule, p[1]), budget)));
      }
      out.add(entry("INV-TRANSLATION", name, p, Verdict.HOLDS, () -> InequalityCheck.run("INV-TRANSLATION", name,
          p[0], p[1], p[2], null, Invariances.translation(rule, p[1]), budget)));
      out.add(entry("INV-SCALING", name, p, Verdict.HOLDS, () -> InequalityCheck.run("INV-SCALING", name, p[0], p[1],
          p[2], null, Invariances.scaling(rule, p[1]), budget)));
      if (!r.id().equals("RES-T1-GM")) {
        out.add(entry("FAST-EQ-REFERENCE", name, p, Verdict.HOLDS, () -> InequalityCheck.run("FAST-EQ-REFERENCE",
            name, p[0], p[1], p[2], null, Invariances.fastEqualsReference(rule, reference, p[1]), budget)));
      }
    }
  }

  static Entry entry(String id, String subject, int[] p, Verdict expected, Supplier<CheckResult> check) {
    return new Entry(id, id + " " + subject + " " + point(p), expected, check);
  }

  public static List<Control> controls(Budget budget) {
    List<Control> out = new ArrayList<>();
    AggregationRule wrongMedian = new WrongOrderStatisticMedian();
    ResilienceCheck medianCheck = ResilienceCheck.of("RES-T1-CWMED", wrongMedian,
        ResilienceCoefficient::coordinateWiseMedian);
    out.add(new Control("RES-T1-CWMED", "RES-T1-CWMED control: " + wrongMedian.name() + " n=7 f=3 d=2",
        "a median using the (n/2+2)-th order statistic, checked against CWMed's λ",
        () -> medianCheck.run(7, 3, 2, budget)));
    AggregationRule trim = new TrimmingFMinusOne();
    ResilienceCheck trimCheck = ResilienceCheck.of("RES-T1-CWTM", trim,
        ResilienceCoefficient::coordinateWiseTrimmedMean);
    out.add(new Control("RES-T1-CWTM", "RES-T1-CWTM control: " + trim.name() + " n=7 f=3 d=2",
        "a trimmed mean trimming f − 1 per side, checked against CWTM's λ", () -> trimCheck.run(7, 3, 2, budget)));
    AggregationRule krum = new KrumWithTooManyNeighbours();
    ResilienceCheck krumCheck = ResilienceCheck.of("RES-T1-KRUM", krum,
        (n, f, d) -> ResilienceCoefficient.krumStar(n, f));
    out.add(new Control("RES-T1-KRUM", "RES-T1-KRUM control: " + krum.name() + " n=7 f=3 d=2",
        "Krum scoring over n − f + 1 neighbours, checked against Krum*'s λ", () -> krumCheck.run(7, 3, 2, budget)));
    AggregationRule median = new CoordinateWiseMedian();
    ResilienceCheck tight = ResilienceCheck.of("RES-T1-CWMED", median, (n, f, d) -> {
      Bound table = ResilienceCoefficient.coordinateWiseMedian(n, f, d);
      return Bound.of(0.9 * table.value(), table.citation(), "λ claimed 10% below Table 1 on purpose");
    });
    out.add(new Control("RES-T1-CWMED", "RES-T1-CWMED control: CWMed with λ claimed 10% below Table 1, n=15 f=7 d=1",
        "the correct median against a λ 10% smaller than Table 1's at d = 1", () -> tight.run(15, 7, 1, budget)));
    Extensions.controls(out, budget);
    return out;
  }

  /** The distinct IDs of the entries and controls, in catalogue order. */
  public static List<String> ids(Budget budget) {
    Set<String> ids = new LinkedHashSet<>();
    entries(budget).forEach(e -> ids.add(e.id()));
    controls(budget).forEach(c -> ids.add(c.id()));
    return List.copyOf(ids);
  }

  /**
   * Runs the entries and controls whose THEORY.md ID passes {@code ids} ({@link #ALL} for the whole
   * catalogue), telling {@code progress} as it goes. A check that throws is recorded, not fatal
   * ({@link #runSafely}), in a filtered run as in a full one.
   */
  public static CatalogueRun run(Budget budget, Predicate<String> ids, ProgressListener progress) {
    return run(budget, entries(budget), controls(budget), ids, progress);
  }

  static CatalogueRun run(Budget budget, List<Entry> allEntries, List<Control> allControls, Predicate<String> ids,
      ProgressListener progress) {
    long t0 = System.nanoTime();
    List<Entry> entries = allEntries.stream().filter(e -> ids.test(e.id())).toList();
    List<Control> controls = allControls.stream().filter(c -> ids.test(c.id())).toList();
    int total = entries.size() + controls.size();
    int done = 0;
    List<CheckResult> results = new ArrayList<>();
    for (Entry e : entries) {
      progress.progress(done, total, e.name());
      results.add(runSafely(e));
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

  /**
   * Runs one entry; a rule that throws on a valid input is itself a finding, recorded as INCONCLUSIVE
   * with the exception (the JUnit suite then fails on it) instead of ending the whole run.
   */
  public static CheckResult runSafely(Entry e) {
    try {
      return e.check().get();
    } catch (RuntimeException failure) {
      return new CheckResult(e.id(), e.name(), java.util.Map.of(), 0, Double.NaN, 0, 0, Verdict.INCONCLUSIVE,
          "the check threw " + failure);
    }
  }

  static String point(int[] p) {
    return "n=" + p[0] + " f=" + p[1] + " d=" + p[2];
  }
}
