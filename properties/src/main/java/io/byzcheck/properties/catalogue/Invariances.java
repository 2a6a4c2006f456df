package io.byzcheck.properties.catalogue;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.ReferenceRule;
import io.byzcheck.properties.RuleUnderTest;
import io.byzcheck.properties.search.SearchObjective;

/**
 * Invariance and equality properties as ratios "discrepancy / allowed float error" (≤ 1 holds):
 * permutation invariance F(πx) = F(x), translation equivariance F(x + t) = F(x) + t, positive scaling
 * equivariance F(2x) = 2F(x) (a power of two, so the scaled input is exactly 2x in float32: a factor like 3
 * would round the inputs and flip exact ties, which is not what the property is about), and fast kernel = reference. The allowance is what float32 inputs and
 * outputs can explain: n units in the last place of the largest magnitude involved, per coordinate.
 */
final class Invariances {
  private Invariances() {}

  /** Float error allowance for outputs of magnitude up to {@code scale}, with n inputs, d coordinates. */
  static double allowance(int n, int d, double scale) {
    return 4.0 * n * Math.sqrt(d) * Math.ulp((float) Math.max(scale, Float.MIN_NORMAL));
  }

  static SearchObjective permutation(AggregationRule rule, int f) {
    return x -> {
      int n = x.length;
      double[][] p = new double[n][];
      for (int i = 0; i < n; i++) {
        p[i] = x[(n - 1 - i + n / 2) % n]; // reversal then rotation: no fixed structure kept
      }
      return discrepancy(RuleUnderTest.apply(rule, p, f), RuleUnderTest.apply(rule, x, f), 0, 1, x);
    };
  }

  static SearchObjective translation(AggregationRule rule, int f) {
    return x -> {
      double[][] t = new double[x.length][];
      for (int i = 0; i < x.length; i++) {
        t[i] = new double[x[i].length];
        for (int k = 0; k < x[i].length; k++) {
          t[i][k] = (float) (x[i][k] + shift(k));
        }
      }
      return discrepancy(RuleUnderTest.apply(rule, t, f), RuleUnderTest.apply(rule, x, f), 1, 1, t);
    };
  }

  static SearchObjective scaling(AggregationRule rule, int f) {
    return x -> {
      double[][] s = new double[x.length][];
      for (int i = 0; i < x.length; i++) {
        s[i] = new double[x[i].length];
        for (int k = 0; k < x[i].length; k++) {
          s[i][k] = (float) (2 * x[i][k]);
        }
      }
      return discrepancy(RuleUnderTest.apply(rule, s, f), RuleUnderTest.apply(rule, x, f), 0, 2, s);
    };
  }

  static SearchObjective fastEqualsReference(AggregationRule fast, ReferenceRule reference, int f) {
    return x -> {
      double[] a = RuleUnderTest.apply(fast, x, f);
      double[] b = reference.aggregateExact(x, f);
      return discrepancy(a, b, 0, 1, x);
    };
  }

  private static double shift(int k) {
    return 0.3 + 0.1 * k;
  }

  /** ‖a − (factor·b + translation·t)‖ / allowance. */
  private static double discrepancy(double[] a, double[] b, int translation, double factor, double[][] x) {
    double s = 0;
    double scale = 0;
    for (double[] row : x) {
      for (double v : row) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    for (int k = 0; k < a.length; k++) {
      double e = a[k] - (factor * b[k] + translation * shift(k));
      s += e * e;
    }
    double allowed = allowance(x.length, a.length, scale);
    double dist = Math.sqrt(s);
    if (Double.isNaN(dist)) {
      return Double.POSITIVE_INFINITY;
    }
    return dist / allowed;
  }
}
