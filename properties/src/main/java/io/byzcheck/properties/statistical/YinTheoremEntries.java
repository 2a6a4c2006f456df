package io.byzcheck.properties.statistical;

import java.util.ArrayList;
import java.util.List;

/**
 * The rest of Yin et al.'s rate and lower-bound statements, checked by the same engine as YIN-RATE-MED and
 * YIN-T1/T4: Theorems 2, 3, 5, 6 ({@link YinTheoremChecks}), Theorem 7 ({@link YinOneRoundChecks}) and
 * Observation 1 ({@link YinLowerBoundChecks}). Kept apart from {@link StatisticalCatalogue}'s list so that the
 * catalogue only names this group.
 */
final class YinTheoremEntries {
  private YinTheoremEntries() {}

  /** The IDs these entries check (kinds R and L). */
  static final List<String> IDS = List.of("YIN-T2", "YIN-T3", "YIN-T5", "YIN-T6", "YIN-T7", "YIN-OBS1");

  static List<StatisticalEntry> entries(StatisticalBudget budget) {
    List<StatisticalEntry> out = new ArrayList<>();
    out.addAll(YinTheoremChecks.entries(budget));
    out.addAll(YinOneRoundChecks.entries(budget));
    out.addAll(YinLowerBoundChecks.entries(budget));
    return out;
  }
}
