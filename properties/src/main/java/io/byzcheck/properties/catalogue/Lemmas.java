package io.byzcheck.properties.catalogue;

import io.byzcheck.kernels.reference.Subsets;
import io.byzcheck.kernels.rules.GeometricMedian;
import io.byzcheck.kernels.rules.KrumScores;
import io.byzcheck.properties.RuleUnderTest;
import io.byzcheck.properties.search.SearchObjective;
import io.byzcheck.theory.caolai.GeometricMedianConstant;
import java.util.Arrays;

/** The ratio functions of the lemma checks (left side / right side, ≤ 1 when the lemma holds). */
final class Lemmas {
  private Lemmas() {}

  /**
   * RES-L5 (RESAM Lemma 5) on S = all n inputs: √(Σ_k (max_{i,j}|x_ik − x_jk|)²) ≤ min{2√|S|, √d}·diam S.
   */
  static SearchObjective lemma5() {
    return x -> {
      int n = x.length;
      int d = x[0].length;
      double cw = 0;
      for (int k = 0; k < d; k++) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : x) {
          lo = Math.min(lo, row[k]);
          hi = Math.max(hi, row[k]);
        }
        cw += (hi - lo) * (hi - lo);
      }
      double diam = diameter(x);
      double right = Math.min(2 * Math.sqrt(n), Math.sqrt(d)) * diam;
      return right == 0 ? (cw == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(cw) / right;
    };
  }

  /**
   * RES-L10 (RESAM Lemma 10), one dimension: for every S of size n − f, at least n/2 − f of its values
   * lie on each side (≤ and ≥) of the median of all n. Ratio (n/2 − f)/min(count≤, count≥), maximised over S.
   */
  static SearchObjective lemma10(int f) {
    return x -> {
      int n = x.length;
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = x[i][0];
      }
      double[] sorted = v.clone();
      Arrays.sort(sorted);
      double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      double need = n / 2.0 - f;
      if (need <= 0) {
        return 0;
      }
      // The S minimising min(count≤, count≥) drops the f values on the fuller side; count both cases.
      int le = 0;
      int ge = 0;
      for (double t : v) {
        le += t <= median ? 1 : 0;
        ge += t >= median ? 1 : 0;
      }
      int worst = Math.min(le - Math.min(f, le), ge - Math.min(f, ge));
      return worst <= 0 ? Double.POSITIVE_INFINITY : need / worst;
    };
  }

  /**
   * RES-L6 (RESAM Lemma 6): every x_k selected by Multi-Krum*_q is within (1 + √((n−f)/(n−2f)))·diam S of
   * every x_l, l ∈ S, for every S of size n − f. Ratio maximised over S (exhaustive: use small n).
   */
  static SearchObjective lemma6(int f, int q) {
    return x -> {
      int n = x.length;
      double[][] d2 = squaredDistances(x);
      int[] selected = KrumScores.best(KrumScores.of(d2, n - f - 1), q);
      double c = 1 + Math.sqrt((double) (n - f) / (n - 2 * f));
      double worst = 0;
      int m = n - f;
      int[] s = Subsets.first(m);
      do {
        double diam = 0;
        for (int a = 0; a < m; a++) {
          for (int b = a + 1; b < m; b++) {
            diam = Math.max(diam, Math.sqrt(d2[s[a]][s[b]]));
          }
        }
        double far = 0;
        for (int k : selected) {
          for (int l : s) {
            far = Math.max(far, Math.sqrt(d2[k][l]));
          }
        }
        worst = Math.max(worst, diam == 0 ? (far == 0 ? 0 : Double.POSITIVE_INFINITY) : far / (c * diam));
      } while (Subsets.next(s, n));
      return worst;
    };
  }

  /**
   * CAO-L1 (Cao &amp; Lai Lemma 1) with α = f/n and r = the (n − f)-th smallest norm (so (1 − α)n points lie
   * in the ball of radius r around 0): ‖GM(x)‖ ≤ C_α·r. The median is computed by the fast rule with a
   * certified gap of 1e−6 (its effect on ‖GM(x)‖ is far below the slack of the worst ratios found); the output's float rounding is forgiven.
   */
  static SearchObjective caoLemma1(int f) {
    GeometricMedian gm = GeometricMedian.certified(1e-6);
    return x -> {
      int n = x.length;
      double[] norms = new double[n];
      for (int i = 0; i < n; i++) {
        norms[i] = norm(x[i]);
      }
      double[] sorted = norms.clone();
      Arrays.sort(sorted);
      double r = sorted[n - f - 1];
      double[] z = RuleUnderTest.apply(gm, x, f);
      double left = Math.max(0, norm(z) - RuleUnderTest.outputTolerance(z));
      double right = GeometricMedianConstant.cAlpha((double) f / n).value() * r;
      return right == 0 ? (left == 0 ? 0 : Double.POSITIVE_INFINITY) : left / right;
    };
  }

  static double diameter(double[][] x) {
    double best = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = i + 1; j < x.length; j++) {
        double s = 0;
        for (int k = 0; k < x[i].length; k++) {
          double e = x[i][k] - x[j][k];
          s += e * e;
        }
        best = Math.max(best, s);
      }
    }
    return Math.sqrt(best);
  }

  static double[][] squaredDistances(double[][] x) {
    return io.byzcheck.kernels.reference.Geometry.squaredDistances(x);
  }

  static double norm(double[] v) {
    double s = 0;
    for (double t : v) {
      s += t * t;
    }
    return Math.sqrt(s);
  }
}
