package io.byzcheck.reports;

import java.util.List;

/**
 * The paper reproductions the report runs after the catalogue (see {@link PaperReproduction}), each
 * scaled by the budget: full size at the report budget, a few iterations at the smallest.
 */
final class PaperReproductions {
  private PaperReproductions() {}

  static List<PaperReproduction> all() {
    return List.of(new YinTable2(), new YinTable4(), new CaoLaiSynthetic(), new ResamMomentum(), new CaoLaiMnist());
  }
}
