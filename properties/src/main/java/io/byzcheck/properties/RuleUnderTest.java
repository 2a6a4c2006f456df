package io.byzcheck.properties;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.WorkerVectors;

/** Runs an {@link AggregationRule} on double inputs the way a user would: float32 in, float32 out. */
public final class RuleUnderTest {
  private RuleUnderTest() {}

  /** F(x) for x already rounded to float32 values. */
  public static double[] apply(AggregationRule rule, double[][] x, int f) {
    float[] out = rule.aggregate(WorkerVectors.ofDoubles(x), f);
    double[] r = new double[out.length];
    for (int k = 0; k < out.length; k++) {
      r[k] = out[k];
    }
    return r;
  }

  /**
   * Slack for a float32 output: each coordinate may be off by one ulp of its value, so the output
   * vector by √d·max ulp. Without it a correct rule "violates" a bound on a cluster of diameter below
   * the float spacing of its position.
   */
  public static double outputTolerance(double[] fx) {
    double u = 0;
    for (double v : fx) {
      u = Math.max(u, Math.ulp((float) v));
    }
    return Math.sqrt(fx.length) * u;
  }
}
