package io.byzcheck.kernels;

import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * The non-finite policy shared by every rule: a worker that sent NaN or ±∞ in any coordinate is
 * excluded and counted against f, so the rule runs on n' = n − k workers with f' = f − k
 * (ARCHITECTURE.md). If k &gt; f the input is rejected with an error naming the workers.
 *
 * @param vectors the finite workers (sharing storage with the input; the input itself when k = 0)
 * @param f the remaining Byzantine budget f − k
 * @param excluded indices of the excluded workers in the original input, ascending
 */
public record FiniteWorkers(WorkerVectors vectors, int f, int[] excluded) {

  private static final int[] NONE = new int[0];

  /**
   * Screens {@code x}. Validates 0 ≤ f &lt; n and {@code out.length == d} first, so that every rule
   * reports those mistakes the same way. Rules apply the policy through {@link ScreeningRule}.
   */
  public static FiniteWorkers screen(WorkerVectors x, int f, float[] out) {
    requireCall(null, x, f, out);
    return screenValidated(x, f);
  }

  /** As {@link #screen(WorkerVectors, int, float[])} without an output buffer. */
  public static FiniteWorkers screen(WorkerVectors x, int f) {
    requireInput(x);
    requireF(null, x, f);
    return screenValidated(x, f);
  }

  /**
   * The checks every call of a rule passes: x present, out of length d, 0 ≤ f &lt; n; a failure names the
   * rule (asked only then: some rules build their name per call).
   */
  static void requireCall(AggregationRule rule, WorkerVectors x, int f, float[] out) {
    requireOutput(x, out);
    requireF(rule, x, f);
  }

  static void requireInput(WorkerVectors x) {
    if (x == null) {
      throw new IllegalArgumentException("worker vectors are null");
    }
  }

  private static void requireOutput(WorkerVectors x, float[] out) {
    requireInput(x);
    if (out == null || out.length != x.d()) {
      throw new IllegalArgumentException("output buffer has length "
          + (out == null ? "null" : String.valueOf(out.length)) + " but d = " + x.d());
    }
  }

  private static void requireF(AggregationRule rule, WorkerVectors x, int f) {
    if (f < 0 || f >= x.n()) {
      Checks.byzantineCount(rule == null ? "the non-finite screen" : rule.name(), "f", f, "n", x.n());
    }
  }

  /** The screen of a validated call. */
  static FiniteWorkers screenValidated(WorkerVectors x, int f) {
    int n = x.n();
    int bad = 0;
    boolean[] faulty = null;
    for (int i = 0; i < n; i++) {
      if (!allFinite(x.row(i))) {
        if (faulty == null) {
          faulty = new boolean[n];
        }
        faulty[i] = true;
        bad++;
      }
    }
    if (bad == 0) {
      return new FiniteWorkers(x, f, NONE);
    }
    int[] excluded = new int[bad];
    int[] kept = new int[n - bad];
    for (int i = 0, e = 0, k = 0; i < n; i++) {
      if (faulty[i]) {
        excluded[e++] = i;
      } else {
        kept[k++] = i;
      }
    }
    if (bad > f) {
      throw new ByzantineInputException(excluded, f);
    }
    return new FiniteWorkers(x.select(kept), f - bad, excluded);
  }

  /** True if no coordinate of any worker is NaN or infinite: the scan {@link ScreeningRule} runs by default. */
  public static boolean allFinite(WorkerVectors x) {
    for (int i = 0; i < x.n(); i++) {
      if (!allFinite(x.row(i))) {
        return false;
      }
    }
    return true;
  }

  /** True if no coordinate is NaN or infinite (vectorized when the Vector API is present). */
  public static boolean allFinite(float[] row) {
    return VectorizationProvider.getInstance().coordinateKernels().allFinite(row);
  }
}
