package io.byzcheck.reports;

import java.util.List;

/**
 * The paper reproductions the report runs after the catalogue (see {@link PaperReproduction}).
 * Empty until the simulator's experiments are wired in.
 */
final class PaperReproductions {
  private PaperReproductions() {}

  static List<PaperReproduction> all() {
    return List.of();
  }
}
