package io.byzcheck.kernels;

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
   * reports those mistakes the same way.
   */
  public static FiniteWorkers screen(WorkerVectors x, int f, float[] out) {
    requireOutput(x, out);
    return screen(x, f);
  }

  /**
   * The checks of {@link #screen(WorkerVectors, int, float[])} without the scan of the coordinates: for
   * rules whose first pass over the data detects non-finite rows by itself (a NaN or ±∞ coordinate makes
   * the centred Gram matrix non-finite; the sorting pass of the trimmed mean and MeaMed probes each
   * sorted chunk) and screen only when it does.
   */
  public static void validate(WorkerVectors x, int f, float[] out) {
    requireOutput(x, out);
    requireF(x, f);
  }

  /**
   * The allocation-free screen, for rules called every round: validates as
   * {@link #screen(WorkerVectors, int, float[])} does, then returns −1 if every worker is finite (the
   * rule runs on x and f as given) or the first worker that is not, to hand to
   * {@link #screenFrom(WorkerVectors, int, int)}.
   */
  public static int firstNonFinite(WorkerVectors x, int f, float[] out) {
    validate(x, f, out);
    for (int i = 0; i < x.n(); i++) {
      if (!allFinite(x.row(i))) {
        return i;
      }
    }
    return -1;
  }

  /** As {@link #screen(WorkerVectors, int)} when workers [0, first) are already known to be finite. */
  public static FiniteWorkers screenFrom(WorkerVectors x, int f, int first) {
    requireF(x, f);
    return screen(x, f, first);
  }

  /** As {@link #screen(WorkerVectors, int, float[])} without an output buffer. */
  public static FiniteWorkers screen(WorkerVectors x, int f) {
    requireF(x, f);
    return screen(x, f, 0);
  }

  private static void requireOutput(WorkerVectors x, float[] out) {
    if (x == null) {
      throw new IllegalArgumentException("worker vectors are null");
    }
    if (out == null || out.length != x.d()) {
      throw new IllegalArgumentException("output buffer has length "
          + (out == null ? "null" : String.valueOf(out.length)) + " but d = " + x.d());
    }
  }

  private static void requireF(WorkerVectors x, int f) {
    int n = x.n();
    if (f < 0 || f >= n) {
      throw new IllegalArgumentException("f must satisfy 0 ≤ f < n = " + n + ", got f = " + f);
    }
  }

  private static FiniteWorkers screen(WorkerVectors x, int f, int first) {
    int n = x.n();
    int bad = 0;
    boolean[] faulty = null;
    for (int i = first; i < n; i++) {
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

  /** True if no coordinate is NaN or infinite (vectorized when the Vector API is present). */
  public static boolean allFinite(float[] row) {
    return VectorizationProvider.getInstance().coordinateKernels().allFinite(row);
  }
}
