package io.byzcheck.reports;

import io.byzcheck.properties.Budget;
import io.byzcheck.properties.ProgressListener;

/**
 * One experiment of a paper re-run by the simulator (e.g. Yin et al. Table 2 on MNIST, Cao &amp; Lai
 * Figs. 2–5), shown in the report's "Paper reproductions" section next to the paper's numbers.
 * Implementations scale their work with the budget so that the report stays within minutes.
 */
public interface PaperReproduction {
  /** The THEORY.md ID reproduced, e.g. YIN-TAB2. */
  String id();

  /** Runs the experiment and returns the table to show. */
  ReproductionResult run(Budget budget, ProgressListener progress);
}
