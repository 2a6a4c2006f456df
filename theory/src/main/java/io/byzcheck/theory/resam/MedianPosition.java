package io.byzcheck.theory.resam;

import io.byzcheck.theory.Admissibility;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.Discrepancy;
import io.byzcheck.theory.TheoryValidation;
import io.byzcheck.theory.VectorMath;

/**
 * Farhadkhani et al. 2022, Lemma 10 (RES-L10): for n reals and f &lt; n/2, every S ⊆ [n] with |S| = n − f has
 * at least n/2 − f of its values ≤ Median(y₁..yₙ) and at least n/2 − f ≥ it. Holds for any median between
 * the two middle order statistics; {@link #check} uses their midpoint for even n (as Yin's Definition 1 here).
 */
public final class MedianPosition {
  public static final Citation CITATION = new Citation("RES-L10", "RES", "Appendix C.7, Lemma 10");

  /** The proof's first display counts over S where it means [n]. */
  public static final Discrepancy PROOF_DISCREPANCY = new Discrepancy("RES-L10",
      "proof of Lemma 10: '|{i ∈ [n] | yᵢ ≤ Median}| ≥ n/2 and |{i ∈ S | yᵢ ≥ Median}| ≥ n/2'",
      "|{i ∈ [n] | yᵢ ≥ Median}| ≥ n/2 (then removing the at most f indices outside S leaves ≥ n/2 − f)",
      "the second count over S would already be the lemma's conclusion with f = 0; the argument ('as "
          + "|S| = n − f > f') only works from the count over [n]");

  private MedianPosition() {}

  /** n/2 − f. */
  public static double minimumOnEachSide(int n, int f) {
    TheoryValidation.checkMinorityByzantine(CITATION, n, f);
    return n / 2.0 - f;
  }

  /** Both counts of Lemma 10 for these values and this S (0-based indices). */
  public static Admissibility check(double[] values, int[] s, int f) {
    int n = values.length;
    TheoryValidation.checkMinorityByzantine(CITATION, n, f);
    TheoryValidation.check(CITATION, s.length == n - f, "|S| = n − f", "n − f = " + (n - f) + ", |S| = " + s.length);
    VectorMath.requireSubset(s, n, "Lemma 10");
    double median = io.byzcheck.theory.yin.Median.median(values);
    int below = 0;
    int above = 0;
    for (int i : s) {
      if (values[i] <= median) {
        below++;
      }
      if (values[i] >= median) {
        above++;
      }
    }
    double need = n / 2.0 - f;
    return Admissibility.of(CITATION)
        .require("|{i ∈ S | yᵢ ≤ Median}| ≥ n/2 − f", below >= need, below + " below, n/2 − f = " + need)
        .require("|{i ∈ S | yᵢ ≥ Median}| ≥ n/2 − f", above >= need, above + " above, n/2 − f = " + need)
        .build();
  }
}
