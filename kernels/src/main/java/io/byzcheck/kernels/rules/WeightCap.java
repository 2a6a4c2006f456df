package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.internal.Checks;

/**
 * The cap on the weights (sample counts) workers report, part of every weighted rule's definition: a Byzantine
 * worker lies about its weight too, so each reported weight wᵢ is replaced by min{wᵢ, c·med(w)}, med the usual
 * median of the reported weights (midpoint for an even count) of the workers the rule keeps. With f &lt; n/2 the
 * median lies between two honest weights, so f liars can raise it by at most what moving f of the order
 * statistics allows, and no single worker can carry more than c times a typical honest weight. {@link #none()}
 * trusts the weights (c = ∞): only for workers that cannot lie.
 */
public record WeightCap(double factor) {

  public WeightCap {
    if (!(factor >= 1)) { // NaN fails too; +∞ is none()
      throw Checks.failure("weight cap", "c ≥ 1 (cap = c·median weight)", "c", factor);
    }
  }

  /** Cap at c times the median weight, c ≥ 1. */
  public static WeightCap medianTimes(double c) {
    return new WeightCap(c);
  }

  /** No cap (c = ∞): the weights are trusted. */
  public static WeightCap none() {
    return new WeightCap(Double.POSITIVE_INFINITY);
  }

  /** "cap 2×med" or "uncapped", for rule names. */
  public String label() {
    return Double.isInfinite(factor) ? "uncapped" : "cap " + stripped(factor) + "×med";
  }

  private static String stripped(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /**
   * The capped weights of the workers in {@code keep} (indices into {@code reported}), after checking every
   * reported weight: finite and ≥ 0, one per worker, and a positive total after the cap. {@code who} names the rule.
   */
  public double[] apply(String who, double[] reported, int n, int[] keep) {
    if (reported == null || reported.length != n) {
      throw Checks.failure(who, "one weight per worker", "weights", reported == null ? "null" : reported.length,
          "n", n);
    }
    for (int i = 0; i < n; i++) {
      double w = reported[i];
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw Checks.failure(who, "finite weights ≥ 0", "worker", i, "weight", w);
      }
    }
    double[] w = new double[keep.length];
    for (int t = 0; t < keep.length; t++) {
      w[t] = reported[keep[t]];
    }
    if (!Double.isInfinite(factor)) {
      double[] sorted = w.clone();
      java.util.Arrays.sort(sorted);
      int m = sorted.length;
      double median = (m & 1) == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
      double cap = factor * median;
      for (int t = 0; t < w.length; t++) {
        w[t] = Math.min(w[t], cap);
      }
    }
    double total = 0;
    for (double v : w) {
      total += v;
    }
    if (!(total > 0) || Double.isInfinite(total)) {
      throw Checks.failure(who, "a positive, finite total weight after the cap (" + label() + ")", "total", total);
    }
    return w;
  }
}
