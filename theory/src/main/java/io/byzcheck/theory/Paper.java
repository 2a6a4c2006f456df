package io.byzcheck.theory;

import java.util.List;
import java.util.Optional;

/**
 * The four papers whose statements this module encodes (THEORY.md's YIN, ALI, RES, CAO), with what a
 * report needs to cite them. {@link Citation#paper()} holds the key.
 */
public enum Paper {
  YIN(List.of("Yin", "Chen", "Ramchandran", "Bartlett"), 2018,
      "Byzantine-Robust Distributed Learning: Towards Optimal Statistical Rates", "ICML", "Yin et al. 2018", null,
      "yin2018-byzantine-robust-optimal-rates.md"),
  ALI(List.of("Alistarh", "Allen-Zhu", "Li"), 2018, "Byzantine Stochastic Gradient Descent", "NeurIPS",
      "Alistarh et al. 2018", null, "alistarh2018-byzantine-sgd.md"),
  RES(List.of("Farhadkhani", "Guerraoui", "Gupta", "Pinot", "Stephan"), 2022,
      "Byzantine Machine Learning Made Easy by Resilient Averaging of Momentums", "ICML", "Farhadkhani et al. 2022",
      "RESAM", "farhadkhani2022-resam.md"),
  CAO(List.of("Cao", "Lai"), 2020, "Distributed Approximate Newton's Method Robust to Byzantine Attackers", "IEEE TSP",
      "Cao & Lai 2020", null, "cao-lai2020-robust-approximate-newton.md");

  private final List<String> authors;
  private final int year;
  private final String title;
  private final String venue;
  private final String shortName;
  private final String acronym;
  private final String fileName;

  Paper(List<String> authors, int year, String title, String venue, String shortName, String acronym,
      String fileName) {
    this.authors = authors;
    this.year = year;
    this.title = title;
    this.venue = venue;
    this.shortName = shortName;
    this.acronym = acronym;
    this.fileName = fileName;
  }

  /** The paper whose THEORY.md key this is (YIN, ALI, RES, CAO); empty for any other source. */
  public static Optional<Paper> byKey(String key) {
    for (Paper p : values()) {
      if (p.name().equals(key)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Surnames, in the paper's order. */
  public List<String> authors() {
    return authors;
  }

  public int year() {
    return year;
  }

  public String title() {
    return title;
  }

  public String venue() {
    return venue;
  }

  /** e.g. "Yin et al. 2018", "Cao &amp; Lai 2020". */
  public String shortName() {
    return shortName;
  }

  /** The short name with the paper's own acronym when it has one, e.g. "Farhadkhani et al. 2022 (RESAM)". */
  public String label() {
    return acronym == null ? shortName : shortName + " (" + acronym + ")";
  }

  /** The paper's text in the project's shared papers folder (../shared/papers/ from a worktree). */
  public String fileName() {
    return fileName;
  }

  /** "Surname, Surname: Title (Venue Year)". */
  public String reference() {
    return String.join(", ", authors) + ": " + title + " (" + venue + " " + year + ")";
  }

  /** "Short name, locator", e.g. "Yin et al. 2018, §7, Table 2". */
  public String cite(String locator) {
    return shortName + ", " + locator;
  }
}
