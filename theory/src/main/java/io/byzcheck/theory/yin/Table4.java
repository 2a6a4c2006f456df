package io.byzcheck.theory.yin;

import io.byzcheck.theory.Citation;
import java.util.List;

/**
 * Yin et al. 2018, §7, Table 4 (YIN-TAB4): multiclass logistic regression on MNIST by the one-round algorithm
 * (Algorithm 2), m = 10 machines; with α = 0.1 the Byzantine machines' training labels are "i.i.d. uniformly
 * sampled from {0, …, 9}" and they train on them. The printed test accuracies, in the table's column order.
 */
public final class Table4 {
  public static final Citation CITATION = new Citation("YIN-TAB4", "YIN", "§7, Table 4");

  /** m: "We set m = 10". */
  public static final int MACHINES = 10;
  /** α of the attacked columns. */
  public static final double ALPHA = 0.1;

  /** Test accuracy (%): α = 0 mean, then α = 0.1 mean and median. */
  public static final List<Double> TEST_ACCURACY = List.of(91.8, 83.7, 89.0);

  private Table4() {}
}
