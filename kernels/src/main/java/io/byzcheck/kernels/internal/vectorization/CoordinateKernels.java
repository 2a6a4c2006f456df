package io.byzcheck.kernels.internal.vectorization;

/**
 * The coordinate-wise kernels, on finite rows only (the rules screen NaN/±∞ workers first). One
 * implementation per backend: {@link ScalarCoordinateKernels} and, when the Vector API is present,
 * {@code PanamaCoordinateKernels}; {@link VectorizationProvider} picks once per JVM.
 */
public interface CoordinateKernels {

  /** True if no value of the row is NaN or ±∞ (the screen every rule runs first). */
  default boolean allFinite(float[] row) {
    return allFinite(row, 0, row.length);
  }

  /** {@link #allFinite(float[])} on the coordinates [from, to). */
  boolean allFinite(float[] row, int from, int to);

  /** out[k] = the usual median of {rows[i][k]}: the middle value, or the mean of the two middle values. */
  default void median(float[][] rows, float[] out) {
    median(rows, out, 0, out.length);
  }

  /**
   * {@link #median(float[][], float[])} on the coordinates [from, to) only (the rest of out is left alone): the
   * entry point of the parallel layer, which splits the coordinates into blocks. Every kernel computes a
   * coordinate the same way whatever block it is in, provided {@code from} is a multiple of the float lane
   * count ({@link #RANGE_ALIGNMENT} is one for every width): then the coordinates left to the scalar tail are
   * the same as in a whole-row call, and a split call gives the same floats.
   */
  void median(float[][] rows, float[] out, int from, int to);

  /**
   * Trimmed mean: out[k] = (1/divisor)·Σ of the sorted values at positions [trim, n − trim).
   * RESAM C.3 uses trim = f, divisor = n − 2f; Yin Def. 2 uses trim = βm, divisor = (1 − 2β)m.
   */
  default void trimmedMean(float[][] rows, int trim, double divisor, float[] out) {
    trimmedMean(rows, trim, divisor, out, 0, out.length);
  }

  /** {@link #trimmedMean(float[][], int, double, float[])} on [from, to), as {@link #median(float[][], float[], int, int)}. */
  void trimmedMean(float[][] rows, int trim, double divisor, float[] out, int from, int to);

  /**
   * Mean around median (RESAM C.4): the average of the n − f values nearest the coordinate's median,
   * see {@link MedianWindow} for the exact choice under ties; any 0 ≤ f &lt; n (Bulyan's second step has f ≥ n/2).
   */
  default void meanAroundMedian(float[][] rows, int f, float[] out) {
    meanAroundMedian(rows, f, out, 0, out.length);
  }

  /** {@link #meanAroundMedian(float[][], int, float[])} on [from, to), as {@link #median(float[][], float[], int, int)}. */
  void meanAroundMedian(float[][] rows, int f, float[] out, int from, int to);

  /**
   * Weighted median by mass (Yin Def. 1 on rows repeated wᵢ times; {@code WeightedCoordinateWiseMedian}): per
   * coordinate, the values sorted stably (ties in worker order) and C_j the weight of the first j summed in that
   * order, the midpoint in double of the first value with C_j ≥ half and the first with C_j &gt; half. The
   * weights w (one per row, ≥ 0) and half = (Σᵢ wᵢ summed in worker order)/2 come from the rule. Every backend
   * gives the same floats (the same double operations in the same order, {@link WeightedColumns}).
   */
  default void weightedMedian(float[][] rows, double[] w, double half, float[] out) {
    weightedMedian(rows, w, half, out, 0, out.length);
  }

  /** {@link #weightedMedian(float[][], double[], double, float[])} on [from, to), as {@link #median(float[][], float[], int, int)}. */
  void weightedMedian(float[][] rows, double[] w, double half, float[] out, int from, int to);

  /**
   * Weighted trimmed mean by mass (Yin Def. 2 on rows repeated wᵢ times; {@code WeightedTrimmedMean}): per
   * coordinate, the values sorted stably, weight mass {@code trim} peeled off the bottom and then off the top
   * (partial weights at the boundaries), and Σ (remaining weight × value), in sorted order, divided by
   * {@code kept}, in double, rounded once. The same floats on every backend, as {@link #weightedMedian}.
   */
  default void weightedTrimmedMean(float[][] rows, double[] w, double trim, double kept, float[] out) {
    weightedTrimmedMean(rows, w, trim, kept, out, 0, out.length);
  }

  /** {@link #weightedTrimmedMean(float[][], double[], double, double, float[])} on [from, to). */
  void weightedTrimmedMean(float[][] rows, double[] w, double trim, double kept, float[] out, int from, int to);

  /**
   * Coordinates per block boundary of a split call: a multiple of every float lane count (4, 8, 16), so that
   * blocks starting at multiples of it are computed exactly as the whole row is.
   */
  int RANGE_ALIGNMENT = 16;

  /**
   * {@link #trimmedMean} on rows that may hold NaN or ±∞: false, with out unspecified, if any value is not
   * finite, so that the rule screens the workers and runs again. A backend may fold the check into its
   * own pass over the rows and so save the separate read of all n·d floats the screen costs.
   */
  default boolean trimmedMeanIfFinite(float[][] rows, int trim, double divisor, float[] out) {
    return trimmedMeanIfFinite(rows, trim, divisor, out, 0, out.length);
  }

  /** {@link #trimmedMeanIfFinite(float[][], int, double, float[])} on [from, to) (only those coordinates checked). */
  default boolean trimmedMeanIfFinite(float[][] rows, int trim, double divisor, float[] out, int from, int to) {
    if (!allFinite(rows, from, to)) {
      return false;
    }
    trimmedMean(rows, trim, divisor, out, from, to);
    return true;
  }

  /** {@link #median} on rows that may hold NaN or ±∞, as {@link #trimmedMeanIfFinite}. */
  default boolean medianIfFinite(float[][] rows, float[] out) {
    return medianIfFinite(rows, out, 0, out.length);
  }

  /** {@link #medianIfFinite(float[][], float[])} on [from, to). */
  default boolean medianIfFinite(float[][] rows, float[] out, int from, int to) {
    if (!allFinite(rows, from, to)) {
      return false;
    }
    median(rows, out, from, to);
    return true;
  }

  /** {@link #meanAroundMedian} on rows that may hold NaN or ±∞, as {@link #trimmedMeanIfFinite}. */
  default boolean meanAroundMedianIfFinite(float[][] rows, int f, float[] out) {
    return meanAroundMedianIfFinite(rows, f, out, 0, out.length);
  }

  /** {@link #meanAroundMedianIfFinite(float[][], int, float[])} on [from, to). */
  default boolean meanAroundMedianIfFinite(float[][] rows, int f, float[] out, int from, int to) {
    if (!allFinite(rows, from, to)) {
      return false;
    }
    meanAroundMedian(rows, f, out, from, to);
    return true;
  }

  private boolean allFinite(float[][] rows, int from, int to) {
    for (float[] row : rows) {
      if (!allFinite(row, from, to)) {
        return false;
      }
    }
    return true;
  }
}
