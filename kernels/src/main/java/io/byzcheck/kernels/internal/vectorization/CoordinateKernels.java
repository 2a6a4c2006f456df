package io.byzcheck.kernels.internal.vectorization;

/**
 * The coordinate-wise kernels, on finite rows only (the rules screen NaN/±∞ workers first). One
 * implementation per backend: {@link ScalarCoordinateKernels} and, when the Vector API is present,
 * {@code PanamaCoordinateKernels}; {@link VectorizationProvider} picks once per JVM.
 */
public interface CoordinateKernels {

  /** True if no value of the row is NaN or ±∞ (the screen every rule runs first). */
  boolean allFinite(float[] row);

  /** out[k] = the usual median of {rows[i][k]}: the middle value, or the mean of the two middle values. */
  void median(float[][] rows, float[] out);

  /**
   * Trimmed mean: out[k] = (1/divisor)·Σ of the sorted values at positions [trim, n − trim).
   * RESAM C.3 uses trim = f, divisor = n − 2f; Yin Def. 2 uses trim = βm, divisor = (1 − 2β)m.
   */
  void trimmedMean(float[][] rows, int trim, double divisor, float[] out);

  /**
   * Mean around median (RESAM C.4): the average of the n − f values nearest the coordinate's median,
   * see {@link MedianWindow} for the exact choice under ties; any 0 ≤ f &lt; n (Bulyan's second step has f ≥ n/2).
   */
  void meanAroundMedian(float[][] rows, int f, float[] out);

  /**
   * {@link #trimmedMean} on rows that may hold NaN or ±∞: false, with out unspecified, if any value is not
   * finite, so that the rule screens the workers and runs again. A backend may fold the check into its
   * own pass over the rows and so save the separate read of all n·d floats the screen costs.
   */
  default boolean trimmedMeanIfFinite(float[][] rows, int trim, double divisor, float[] out) {
    if (!allFinite(rows)) {
      return false;
    }
    trimmedMean(rows, trim, divisor, out);
    return true;
  }

  /** {@link #meanAroundMedian} on rows that may hold NaN or ±∞, as {@link #trimmedMeanIfFinite}. */
  default boolean meanAroundMedianIfFinite(float[][] rows, int f, float[] out) {
    if (!allFinite(rows)) {
      return false;
    }
    meanAroundMedian(rows, f, out);
    return true;
  }

  private boolean allFinite(float[][] rows) {
    for (float[] row : rows) {
      if (!allFinite(row)) {
        return false;
      }
    }
    return true;
  }
}
