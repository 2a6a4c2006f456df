package io.byzcheck.theory.caolai;

import io.byzcheck.theory.TheoryValidation;
import io.byzcheck.theory.VectorMath;
import io.byzcheck.theory.Admissibility;
import io.byzcheck.theory.Citation;

/**
 * Cao &amp; Lai 2020, Algorithm 2 (CAO-ALG2), MNM: the geometric median (13) med{x₁..xₙ} = argmin_x Σ‖xᵢ − x‖
 * of the gradients, then of the local Newton directions, and θ_t = θ_{t−1} − η·G (17); meant for q &lt; m/2
 * attackers. Computing the median is a kernel's job; here: the objective, an exact optimality certificate
 * (y minimises Σ‖xᵢ − y‖ iff ‖Σ_{xᵢ≠y}(y − xᵢ)/‖y − xᵢ‖‖ ≤ |{i : xᵢ = y}|, the subgradient condition), the
 * update, and the paper's §IV-A example of why q &gt; m/2 breaks it: attackers within r of any B pull the
 * median within C_{1−q/m}·r of B (Lemma 1 with the attackers as the majority).
 */
public final class MedianNewton {
  public static final Citation CITATION = new Citation("CAO-ALG2", "CAO", "§III-A, Algorithm 2; (12)–(17)");

  private MedianNewton() {}

  /** Σ‖xᵢ − y‖, the function (13) minimises. */
  public static double objective(double[][] points, double[] y) {
    int d = VectorMath.requireRectangular(points, "(13)");
    VectorMath.requireVector(y, d, "(13)");
    double s = 0;
    for (double[] x : points) {
      s += VectorMath.distance(x, y);
    }
    return s;
  }

  /** Whether y is a geometric median of the points, by the subgradient condition, within tolerance tol ≥ 0. */
  public static boolean isGeometricMedian(double[][] points, double[] y, double tol) {
    int d = VectorMath.requireRectangular(points, "(13)");
    VectorMath.requireVector(y, d, "(13)");
    if (!(tol >= 0)) {
      throw TheoryValidation.violation(CITATION, "a tolerance ≥ 0 for the certificate (13)", "tol = " + tol);
    }
    double[] pull = new double[d];
    int atY = 0;
    for (double[] x : points) {
      double dist = VectorMath.distance(x, y);
      if (dist == 0) {
        atY++;
        continue;
      }
      for (int k = 0; k < d; k++) {
        pull[k] += (y[k] - x[k]) / dist;
      }
    }
    return VectorMath.distance(pull, new double[d]) <= atY + tol;
  }

  /** q &lt; m/2, the regime of Algorithm 2 and Theorem 1. */
  public static Admissibility conditions(int q, int m) {
    return Admissibility.of(CITATION)
        .require("m ≥ 1", m >= 1, "m = " + m)
        .require("0 ≤ q < m/2", q >= 0 && 2 * q < m, "q = " + q + ", m = " + m)
        .build();
  }

  /** (17): θ_{t−1} − ηG, 0 &lt; η. */
  public static double[] update(double[] theta, double eta, double[] g) {
    return VectorMath.step(theta, eta, g, "MNM (17)");
  }

  /**
   * §IV-A's attack with q &gt; m/2: all q attackers within r of B put the median within C_α·r of B, with
   * α = 1 − q/m &lt; 1/2 (C_α = 2(1−α)/(1−2α), Lemma 1).
   */
  public static double attackerMajorityRadius(int q, int m, double r) {
    if (m < 1 || q > m || 2 * q <= m) {
      throw TheoryValidation.violation(NewtonConvergence.T1, "m/2 < q ≤ m in §IV-A's example", "q = " + q + ", m = " + m);
    }
    if (!(r >= 0) || Double.isInfinite(r)) {
      throw TheoryValidation.violation(NewtonConvergence.T1, "a finite r ≥ 0 in §IV-A's example", "r = " + r);
    }
    return GeometricMedianConstant.cAlpha(1 - (double) q / m).value() * r;
  }
}
