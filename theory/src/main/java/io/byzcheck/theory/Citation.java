package io.byzcheck.theory;

import java.util.Objects;
import java.util.Optional;

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

  /** The paper behind the key, when it is one of the four ({@link Paper}); a user's own claim has none. */
  public Optional<Paper> source() {
    return Paper.byKey(paper);
  }

  /** "Short name, locator" for one of the four papers (e.g. "Yin et al. 2018, §7, Table 2"), else "key, locator". */
  public String cite() {
    return source().map(p -> p.cite(locator)).orElse(paper + ", " + locator);
  }

  @Override
  public String toString() {
    return id + " (" + paper + ", " + locator + ")";
  }
}
