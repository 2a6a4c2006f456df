package io.byzcheck.properties;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.theory.Bound;
import io.byzcheck.theory.resam.ResilienceCoefficient;
import java.util.Map;

/**
 * RES-P2-LB (RESAM Prop. 2): on x₁ = … = x_{n−f} = 0, x_{n−f+1} = … = xₙ = 1 no rule can keep
 * sup_S ‖F(x) − x̄_S‖/diam S below f/(n−f). Computes that supremum for the rule (its empirical λ̂ on
 * the construction) and reports λ̂ / (f/(n−f)), which is ≥ 1 for every rule: HOLDS then, VIOLATED
 * below 1 (which would mean our ratio computation, not the theorem, is wrong).
 */
public final class LowerBoundCheck {
  private LowerBoundCheck() {}

  public static CheckResult run(AggregationRule rule, int n, int f, int d) {
    // Prop. 2 holds for 0 ≤ f < n; the rules checked on its construction need f < n/2.
    PropertiesValidation.check("RES-P2-LB's construction for " + rule.name(), f >= 1 && 2 * f < n, "1 ≤ f < n/2",
        "n = " + n + ", f = " + f);
    double[][] x = new double[n][d];
    for (int i = n - f; i < n; i++) {
      java.util.Arrays.fill(x[i], 1);
    }
    double[] fx = RuleUnderTest.apply(rule, x, f);
    double lambdaHat = ResilienceRatio.maximise(x, fx, f, 1.0, 0.0, 0L).ratio();
    Bound bound = ResilienceCoefficient.lowerBound(n, f);
    double ratio = lambdaHat / bound.value();
    Map<String, Object> params = CheckResult.point(n, f, d);
    params.put("lambdaHat", lambdaHat);
    return CheckResult.against(bound, "RES-P2-LB", rule.name(), params, ratio, 1, 0L,
        ratio >= 1 - ResilienceCheck.RATIO_SLACK ? Verdict.HOLDS : Verdict.VIOLATED,
        ratio >= 1 - ResilienceCheck.RATIO_SLACK ? null : Literals.floatMatrix(x));
  }
}
