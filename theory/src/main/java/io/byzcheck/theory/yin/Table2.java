package io.byzcheck.theory.yin;

import io.byzcheck.theory.Citation;
import java.util.List;

/**
 * Yin et al. 2018, §7, Table 2 (YIN-TAB2): multiclass logistic regression on MNIST by distributed gradient
 * descent, m = 40 machines; with α = 0.05 the Byzantine machines train on labels 9 − y. The printed test
 * accuracies, in the table's column order, are what a reproduction puts beside its own.
 */
public final class Table2 {
  public static final Citation CITATION = new Citation("YIN-TAB2", "YIN", "§7, Table 2");

  /** m: "We set m = 40". */
  public static final int MACHINES = 40;
  /** α of the attacked columns. */
  public static final double ALPHA = 0.05;
  /** β of the trimmed-mean column: "for trimmed mean, we choose β = 0.05". */
  public static final double TRIM_BETA = 0.05;

  /** Test accuracy (%): α = 0 mean, then α = 0.05 mean, median, trimmed mean. */
  public static final List<Double> TEST_ACCURACY = List.of(88.0, 76.8, 87.2, 86.9);

  private Table2() {}
}
