package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.ScreeningRule;
import io.byzcheck.kernels.WorkerVectors;

/**
 * The plain average (1/n)·Σᵢ xᵢ: the unprotected baseline (any single Byzantine worker moves it
 * arbitrarily far) and, vectorized, the memory-bandwidth yardstick of the benchmarks. Non-finite
 * workers are still excluded and charged to f so that the baseline never returns NaN.
 *
 * <p>Rounding. The sum is the combination pass ({@link Combination}): x₁ + Σᵢ (1/n)(xᵢ − x₁) accumulated in
 * double per coordinate and rounded to float once. Before that rounding it is within about
 * (n + 1)·2⁻⁵³·(1/n)Σᵢ|xᵢ − x₁| of the exact mean, so the result is the correctly rounded mean unless the
 * exact mean lies that close to the midpoint of two floats (identical rows give themselves back
 * exactly; a float32 sum with a float32 1/n was up to 8 ulps off).
 *
 * <p>Non-finite policy in the same pass: double sums of finite floats cannot overflow, so a coordinate of
 * the result is NaN or ±∞ exactly when some worker sent one there. The result is checked as the pass writes it
 * (not by reading the d floats again) instead of the n·d inputs, and only a round that fails it is screened and
 * summed again.
 */
public final class Mean extends ScreeningRule {

  @Override
  public String name() {
    return "Mean";
  }

  @Override
  protected boolean aggregateIfFinite(WorkerVectors x, int f, float[] out) {
    return average(x, out);
  }

  @Override
  protected void aggregateFinite(WorkerVectors finite, int f, float[] out) {
    average(finite, out);
  }

  /** out = the mean of x's rows; false if it is not finite (some row had NaN or ±∞). No allocation. */
  private static boolean average(WorkerVectors x, float[] out) {
    int n = x.n();
    Workspace w = Workspace.of(n);
    try {
      java.util.Arrays.fill(w.beta, 1.0 / n);
      return Combination.writeIfFinite(w.rows(x), w.beta, out);
    } finally {
      w.release();
    }
  }
}
