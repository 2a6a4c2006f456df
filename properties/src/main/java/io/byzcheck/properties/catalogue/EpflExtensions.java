package io.byzcheck.properties.catalogue;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.CovarianceAgnosticFilterReference;
import io.byzcheck.kernels.reference.MoNNAReference;
import io.byzcheck.kernels.reference.SmallestMaximumEigenvalueAveragingReference;
import io.byzcheck.kernels.reference.ReferenceRule;
import io.byzcheck.kernels.rules.CovarianceAgnosticFilter;
import io.byzcheck.kernels.rules.Mean;
import io.byzcheck.kernels.rules.MoNNA;
import io.byzcheck.kernels.rules.SmallestMaximumEigenvalueAveraging;
import io.byzcheck.properties.Budget;
import io.byzcheck.properties.CheckResult;
import io.byzcheck.properties.ClaimedBound;
import io.byzcheck.properties.InequalityCheck;
import io.byzcheck.properties.LowerBoundCheck;
import io.byzcheck.properties.ResilienceCheck;
import io.byzcheck.properties.SanityCheck;
import io.byzcheck.properties.Verdict;
import io.byzcheck.properties.controls.SmeaTakingTheLargestEigenvalue;
import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.extensions.MonnaResilience;
import io.byzcheck.theory.extensions.SmeaResilience;
import java.util.List;

/**
 * The catalogue's entries for the EPFL group's rules (issue 16; EXTENSIONS.md): MoNNA around a trusted pivot
 * (EXT-MONNA-LAMBDA, over the S that hold the pivot), SMEA (EXT-SMEA-LAMBDA), and CAF, for which no coefficient is
 * proved (EXT-CAF-MEASURED: its worst ratio at λ = 1, a measured λ̂, INCONCLUSIVE by construction since nothing is
 * claimed), each with a negative control, and the checks every rule takes where they apply.
 */
final class EpflExtensions {
  private EpflExtensions() {}

  /** MoNNA's pivot in the catalogue: worker 0 (ByzFL's default idx). */
  static final int PIVOT = 0;

  /** The measured yardstick: λ = 1, so that the reported worst ratio is λ̂ itself. */
  private static final Citation MEASURED = new Citation("EXT-CAF-MEASURED", "AGS25",
      "CAF, no coefficient proved: the worst ratio against RESAM Def. 2 at λ = 1, i.e. a measured λ̂");

  private static final int[][] MONNA_GRID = {{3, 1, 1}, {3, 1, 2}, {5, 2, 1}, {5, 2, 3}, {7, 1, 2}, {7, 3, 5},
      {11, 2, 10}, {11, 5, 2}, {15, 7, 3}};
  /** Small n: the search is exhaustive, C(n, f) eigenvalue problems per evaluation. */
  private static final int[][] SMEA_GRID = {{3, 1, 1}, {3, 1, 2}, {5, 1, 2}, {5, 2, 1}, {5, 2, 3}, {7, 1, 3},
      {7, 3, 2}, {9, 2, 5}, {9, 4, 2}};
  private static final int[][] CAF_GRID = {{3, 1, 1}, {3, 1, 2}, {5, 2, 2}, {7, 1, 3}, {7, 3, 2}, {11, 3, 5},
      {15, 7, 3}};

  static void entries(List<Catalogue.Entry> out, Budget budget) {
    AggregationRule monna = MoNNA.pivot(PIVOT);
    ResilienceCheck m = ResilienceCheck.trusting("EXT-MONNA-LAMBDA", monna, MonnaResilience::lambda, PIVOT);
    for (int[] p : MONNA_GRID) {
      out.add(Catalogue.entry("EXT-MONNA-LAMBDA", monna.name(), p, Verdict.HOLDS, () -> m.run(p[0], p[1], p[2], budget)));
    }
    // Translation and scaling only: a permutation moves the pivot.
    int[] q = {7, 2, 3};
    out.add(Catalogue.entry("INV-TRANSLATION", monna.name(), q, Verdict.HOLDS, () -> InequalityCheck.run(
        "INV-TRANSLATION", monna.name(), q[0], q[1], q[2], null, Invariances.translation(monna, q[1]), budget)));
    out.add(Catalogue.entry("INV-SCALING", monna.name(), q, Verdict.HOLDS, () -> InequalityCheck.run("INV-SCALING",
        monna.name(), q[0], q[1], q[2], null, Invariances.scaling(monna, q[1]), budget)));
    fastEqualsReference(out, monna, new MoNNAReference(PIVOT), q, budget);

    AggregationRule smea = new SmallestMaximumEigenvalueAveraging();
    ResilienceCheck s = ResilienceCheck.of("EXT-SMEA-LAMBDA", smea, SmeaResilience::lambda);
    for (int[] p : SMEA_GRID) {
      out.add(Catalogue.entry("EXT-SMEA-LAMBDA", smea.name(), p, Verdict.HOLDS, () -> s.run(p[0], p[1], p[2], budget)));
    }
    everyRuleChecks(out, smea, new SmallestMaximumEigenvalueAveragingReference(), new int[] {7, 2, 3}, budget);

    AggregationRule caf = new CovarianceAgnosticFilter();
    ResilienceCheck c = ResilienceCheck.of("EXT-CAF-MEASURED", caf, (n, f, d) -> Bound.of(1, MEASURED,
        "no claim: a measurement"));
    for (int[] p : CAF_GRID) {
      out.add(Catalogue.entry("EXT-CAF-MEASURED", caf.name(), p, Verdict.INCONCLUSIVE,
          () -> measured(c.run(p[0], p[1], p[2], budget))));
    }
    everyRuleChecks(out, caf, new CovarianceAgnosticFilterReference(), new int[] {7, 2, 3}, budget);
  }

  /** A measurement claims nothing: its verdict is INCONCLUSIVE whatever the ratio (λ̂ = the worst ratio). */
  private static CheckResult measured(CheckResult r) {
    return new CheckResult(r.id(), r.rule(), r.parameters(), r.bound(), r.worstRatio(), r.evaluations(), r.seed(),
        Verdict.INCONCLUSIVE, r.counterexample(), r.claim());
  }

  /** Prop. 2's lower bound, the sanity check, the three invariances and fast = reference, at small points. */
  private static void everyRuleChecks(List<Catalogue.Entry> out, AggregationRule rule, ReferenceRule reference, int[] q,
      Budget budget) {
    String name = rule.name();
    for (int[] p : new int[][] {{5, 2, 2}, {7, 3, 1}}) {
      out.add(Catalogue.entry("RES-P2-LB", name, p, Verdict.HOLDS, () -> LowerBoundCheck.run(rule, p[0], p[1], p[2])));
      out.add(Catalogue.entry("RES-SANITY", name, p, Verdict.HOLDS, () -> SanityCheck.run(rule, p[0], p[1], p[2], budget)));
    }
    out.add(Catalogue.entry("INV-PERMUTATION", name, q, Verdict.HOLDS, () -> InequalityCheck.run("INV-PERMUTATION",
        name, q[0], q[1], q[2], null, Invariances.permutation(rule, q[1]), budget)));
    out.add(Catalogue.entry("INV-TRANSLATION", name, q, Verdict.HOLDS, () -> InequalityCheck.run("INV-TRANSLATION",
        name, q[0], q[1], q[2], null, Invariances.translation(rule, q[1]), budget)));
    out.add(Catalogue.entry("INV-SCALING", name, q, Verdict.HOLDS, () -> InequalityCheck.run("INV-SCALING", name,
        q[0], q[1], q[2], null, Invariances.scaling(rule, q[1]), budget)));
    fastEqualsReference(out, rule, reference, q, budget);
  }

  private static void fastEqualsReference(List<Catalogue.Entry> out, AggregationRule rule, ReferenceRule reference,
      int[] q, Budget budget) {
    out.add(Catalogue.entry("FAST-EQ-REFERENCE", rule.name(), q, Verdict.HOLDS, () -> InequalityCheck.run(
        "FAST-EQ-REFERENCE", rule.name(), q[0], q[1], q[2], null,
        Invariances.fastEqualsReference(rule, reference, q[1]), budget)));
  }

  static void controls(List<Catalogue.Control> out, Budget budget) {
    AggregationRule monna = MoNNA.pivot(PIVOT);
    ResilienceCheck everyS = ResilienceCheck.of("EXT-MONNA-LAMBDA", monna, MonnaResilience::lambda);
    out.add(new Catalogue.Control("EXT-MONNA-LAMBDA", "EXT-MONNA-LAMBDA control: " + monna.name()
        + " over every S, n=7 f=2 d=2", "MoNNA checked over every honest set, also those without its pivot (a "
        + "Byzantine pivot): the statement needs the pivot honest", () -> everyS.run(7, 2, 2, budget)));
    AggregationRule wrong = new SmeaTakingTheLargestEigenvalue();
    ResilienceCheck s = ResilienceCheck.of("EXT-SMEA-LAMBDA", wrong, SmeaResilience::lambda);
    out.add(new Catalogue.Control("EXT-SMEA-LAMBDA", "EXT-SMEA-LAMBDA control: " + wrong.name() + " n=5 f=2 d=2",
        "SMEA's search maximising λ_max instead of minimising it, checked against λ = √(f/(n−2f))",
        () -> s.run(5, 2, 2, budget)));
    AggregationRule unfiltered = new Mean();
    ResilienceCheck c = ResilienceCheck.of("EXT-CAF-MEASURED", unfiltered, ClaimedBound.uncited("EXT-CAF-MEASURED",
        (n, f, d) -> 1));
    out.add(new Catalogue.Control("EXT-CAF-MEASURED", "EXT-CAF-MEASURED control: CAF's first candidate alone (the "
        + "mean) n=7 f=3 d=2", "the measurement finds λ̂ > 1 for CAF with its filter removed (its first candidate, the "
        + "mean of all inputs)", () -> c.run(7, 3, 2, budget)));
  }
}
