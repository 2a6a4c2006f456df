package io.byzcheck.theory;

import java.util.Objects;

/**
 * Where a statement comes from: its THEORY.md ID, the paper (YIN, ALI, RES, CAO as in THEORY.md)
 * and a locator inside the paper (theorem, equation, table, page).
 */
public record Citation(String id, String paper, String locator) {
  public Citation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(paper, "paper");
    Objects.requireNonNull(locator, "locator");
  }

  @Override
  public String toString() {
    return id + " (" + paper + ", " + locator + ")";
  }
}
