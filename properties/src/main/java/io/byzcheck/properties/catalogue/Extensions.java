package io.byzcheck.properties.catalogue;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.BulyanReference;
import io.byzcheck.kernels.rules.Bulyan;
import io.byzcheck.properties.Budget;
import io.byzcheck.properties.InequalityCheck;
import io.byzcheck.properties.LowerBoundCheck;
import io.byzcheck.properties.ResilienceCheck;
import io.byzcheck.properties.SanityCheck;
import io.byzcheck.properties.Verdict;
import io.byzcheck.properties.controls.BulyanAveragingItsSelection;
import io.byzcheck.theory.extensions.BulyanResilience;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue's entries for the rules beyond RESAM Table 1 (issue 16; EXTENSIONS.md): each rule's coefficient
 * where one is derived or proved, with its negative control, and the checks every rule takes (Prop. 2's lower
 * bound, the sanity check, invariances, fast = reference).
 */
final class Extensions {
  private Extensions() {}

  /**
   * Bulyan's grid: n ≥ 4f + 3, so n = 3 … 19 with f = 0, 1 and the largest f; d = 1, 2, 5, 10 and n = 7, d = 64
   * (where Δ switches from √d to 2√(n−f)).
   */
  static List<int[]> bulyanGrid() {
    List<int[]> g = new ArrayList<>();
    g.add(new int[] {7, 1, 64});
    for (int n : new int[] {3, 7, 11, 15, 19}) {
      for (int f : new int[] {Math.min(1, (n - 3) / 4), (n - 3) / 4}) {
        for (int d : new int[] {1, 2, 5, 10}) {
          if (g.stream().noneMatch(p -> p[0] == n && p[1] == f && p[2] == d)) {
            g.add(new int[] {n, f, d});
          }
        }
      }
    }
    return g;
  }

  static void entries(List<Catalogue.Entry> out, Budget budget) {
    AggregationRule bulyan = new Bulyan();
    ResilienceCheck check = ResilienceCheck.of("EXT-BULYAN-LAMBDA", bulyan, BulyanResilience::lambda);
    for (int[] p : bulyanGrid()) {
      out.add(Catalogue.entry("EXT-BULYAN-LAMBDA", bulyan.name(), p, Verdict.HOLDS,
          () -> check.run(p[0], p[1], p[2], budget)));
    }
    for (int[] p : new int[][] {{7, 1, 3}, {11, 2, 2}, {15, 3, 1}}) {
      out.add(Catalogue.entry("RES-P2-LB", bulyan.name(), p, Verdict.HOLDS,
          () -> LowerBoundCheck.run(bulyan, p[0], p[1], p[2])));
      out.add(Catalogue.entry("RES-SANITY", bulyan.name(), p, Verdict.HOLDS,
          () -> SanityCheck.run(bulyan, p[0], p[1], p[2], budget)));
    }
    int[] p = {11, 2, 3};
    String name = bulyan.name();
    out.add(Catalogue.entry("INV-PERMUTATION", name, p, Verdict.HOLDS, () -> InequalityCheck.run("INV-PERMUTATION",
        name, p[0], p[1], p[2], null, Invariances.permutation(bulyan, p[1]), budget)));
    out.add(Catalogue.entry("INV-TRANSLATION", name, p, Verdict.HOLDS, () -> InequalityCheck.run("INV-TRANSLATION",
        name, p[0], p[1], p[2], null, Invariances.translation(bulyan, p[1]), budget)));
    out.add(Catalogue.entry("INV-SCALING", name, p, Verdict.HOLDS, () -> InequalityCheck.run("INV-SCALING", name,
        p[0], p[1], p[2], null, Invariances.scaling(bulyan, p[1]), budget)));
    out.add(Catalogue.entry("FAST-EQ-REFERENCE", name, p, Verdict.HOLDS, () -> InequalityCheck.run(
        "FAST-EQ-REFERENCE", name, p[0], p[1], p[2], null,
        Invariances.fastEqualsReference(bulyan, new BulyanReference(), p[1]), budget)));
    EpflExtensions.entries(out, budget);
  }

  static void controls(List<Catalogue.Control> out, Budget budget) {
    AggregationRule wrong = new BulyanAveragingItsSelection();
    ResilienceCheck check = ResilienceCheck.of("EXT-BULYAN-LAMBDA", wrong, BulyanResilience::lambda);
    out.add(new Catalogue.Control("EXT-BULYAN-LAMBDA", "EXT-BULYAN-LAMBDA control: " + wrong.name() + " n=7 f=1 d=2",
        "Bulyan's selection averaged whole (no β-window around the median), checked against λ = 2Δ",
        () -> check.run(7, 1, 2, budget)));
    EpflExtensions.controls(out, budget);
  }
}
