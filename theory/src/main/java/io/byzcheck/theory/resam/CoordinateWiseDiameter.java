package io.byzcheck.theory.resam;

import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.TheoryValidation;
import io.byzcheck.theory.VectorMath;

/**
 * Farhadkhani et al. 2022, Lemma 5 (RES-L5; special case r = 2 of El Mhamdi et al. 2021a, Lemma 18): for a
 * non-empty set S of d-dimensional vectors, √(Σ_k (max_{i,j∈S}|x_ik − x_jk|)²) ≤ min{2√|S|, √d}·diam(S).
 * The 2√|S| follows from max_{i,j}|x_ik − x_jk| ≤ 2 max_i |x_ik − c_k| for any c ∈ S and summing over k;
 * the √d from the per-coordinate bound by diam(S).
 */
public final class CoordinateWiseDiameter {
  public static final Citation CITATION = new Citation("RES-L5", "RES", "Appendix C.3, Lemma 5");

  private CoordinateWiseDiameter() {}

  /** √(Σ_k (max_{i,j∈S}|x_ik − x_jk|)²), the left-hand side. */
  public static double of(double[][] xs, int[] s) {
    int d = VectorMath.requireRectangular(xs, "Lemma 5");
    VectorMath.requireSubset(s, xs.length, "Lemma 5");
    TheoryValidation.check(CITATION, s.length > 0, "a non-empty S", "|S| = 0");
    double[] range = new double[d];
    for (int k = 0; k < d; k++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int i : s) {
        lo = Math.min(lo, xs[i][k]);
        hi = Math.max(hi, xs[i][k]);
      }
      range[k] = hi - lo;
    }
    return VectorMath.norm(range);
  }

  /** min{2√|S|, √d}. */
  public static double factor(int sizeOfS, int d) {
    TheoryValidation.checkAtLeast(CITATION, "|S|", sizeOfS, 1);
    TheoryValidation.checkAtLeast(CITATION, "d", d, 1);
    return Math.min(2 * Math.sqrt(sizeOfS), Math.sqrt(d));
  }

  /** The right-hand side min{2√|S|, √d}·max_{i,j∈S}‖xᵢ − xⱼ‖. */
  public static Bound bound(double[][] xs, int[] s) {
    double diam = ResilientAveraging.diameter(xs, s);
    return Bound.of(factor(s.length, xs[0].length) * diam, CITATION, "S non-empty");
  }
}
