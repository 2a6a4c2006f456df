package io.byzcheck.reports;

import java.util.List;

/**
 * What a {@link PaperReproduction} produced: a small table that puts the paper's numbers beside
 * ours, plus a sentence on how to read it.
 *
 * @param id the THEORY.md ID (e.g. YIN-TAB2)
 * @param title e.g. "Yin et al. Table 2: logistic regression on MNIST, label flipping"
 * @param citation paper and locator
 * @param header column names
 * @param rows table cells, one list per row, each as long as the header
 * @param note setting, seeds and caveats (e.g. "10 000-image subset, not the full MNIST")
 * @param elapsedMillis how long the experiment took
 * @param figures line charts (e.g. convergence curves), possibly none
 */
public record ReproductionResult(String id, String title, String citation, List<String> header,
    List<List<String>> rows, String note, long elapsedMillis, List<Figure> figures) {

  /** A table without figures. */
  public ReproductionResult(String id, String title, String citation, List<String> header, List<List<String>> rows,
      String note, long elapsedMillis) {
    this(id, title, citation, header, rows, note, elapsedMillis, List.of());
  }

  public ReproductionResult {
    figures = List.copyOf(figures);
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> row : rows) {
      ReportValidation.checkSameSize(id + ": row " + row, "cells", row.size(), "header columns", header.size());
    }
  }
}
