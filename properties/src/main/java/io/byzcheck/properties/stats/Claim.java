package io.byzcheck.properties.stats;

/**
 * One statement about the distribution of a trial's observations, tested on the first n trials at level α.
 * Built by {@link Claims}; a check tests several at once (Bonferroni inside the check).
 */
public interface Claim {
  String label();

  /** The test and its assumptions, one sentence. */
  String method();

  /** The observation column whose distribution the report plots. */
  int column();

  Evaluation evaluate(double[][] observations, int n, double alpha);

  /** What the plotted sample is divided by (the quantity's bound, so that 1 is the paper's line); NaN: no plot. */
  default double scale() {
    return Double.NaN;
  }
}
