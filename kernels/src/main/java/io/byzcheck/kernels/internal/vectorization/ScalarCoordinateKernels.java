package io.byzcheck.kernels.internal.vectorization;

import java.util.Arrays;

/**
 * Portable float kernels: the same algorithms as the Panama ones (the same selection networks for
 * n ≤ {@link SelectionNetwork#MAX_GENERATED_N}), one coordinate at a time. Used when the Vector
 * API is absent, and for the tails that do not fill a vector.
 */
final class ScalarCoordinateKernels implements CoordinateKernels {
  private static final SelectionNetwork[] NETWORKS = new SelectionNetwork[SelectionNetwork.MAX_GENERATED_N + 1];
  private static final SelectionNetwork[] SORTS = new SelectionNetwork[SelectionNetwork.MAX_GENERATED_N + 1];

  static {
    for (int n = 1; n <= SelectionNetwork.MAX_GENERATED_N; n++) {
      NETWORKS[n] = SelectionNetwork.median(n);
      SORTS[n] = SelectionNetwork.sort(n);
    }
  }

  /** Sorts column[0..n): the same Batcher network as the vector code for n ≤ 32, a library sort above. */
  static void sortColumn(float[] column, int n) {
    if (n <= SelectionNetwork.MAX_GENERATED_N) {
      SORTS[n].apply(column);
    } else {
      Arrays.sort(column, 0, n);
    }
  }

  @Override
  public void trimmedMean(float[][] rows, int trim, double divisor, float[] out, int from, int to) {
    trimmedMeanRange(rows, trim, divisor, out, from, to);
  }

  static void trimmedMeanRange(float[][] rows, int trim, double divisor, float[] out, int from, int to) {
    if (from >= to) {
      return;
    }
    int n = rows.length;
    float[] column = KernelScratch.get().column(n);
    for (int k = from; k < to; k++) {
      for (int i = 0; i < n; i++) {
        column[i] = rows[i][k];
      }
      sortColumn(column, n);
      out[k] = trimmedAverage(column, trim, n, (float) (2.0 / divisor));
    }
  }

  /**
   * (1/k)·Σ sorted[trim..n−trim) as anchor + Σ (½sᵢ − ½anchor)·(2/k), anchor = the middle value: equal
   * inputs give the anchor back exactly, close inputs subtract exactly (Sterbenz), and neither the
   * halves' difference nor any partial sum can overflow. The vector kernel uses the same formula, except on
   * two unmerged sorted runs (more than 32 workers, 2·trim ≤ n − 32), where it sums the kept values in double.
   */
  static float trimmedAverage(float[] sorted, int trim, int n, float twoOverDivisor) {
    float anchor = sorted[n / 2];
    float halfAnchor = anchor * 0.5f;
    float acc = 0f;
    for (int i = trim; i < n - trim; i++) {
      acc = VectorSettings.fma(sorted[i] * 0.5f - halfAnchor, twoOverDivisor, acc);
    }
    return anchor + acc;
  }

  @Override
  public void meanAroundMedian(float[][] rows, int f, float[] out, int from, int to) {
    meanAroundMedianRange(rows, f, out, from, to);
  }

  static void meanAroundMedianRange(float[][] rows, int f, float[] out, int from, int to) {
    if (from >= to) {
      return;
    }
    int n = rows.length;
    float[] column = KernelScratch.get().column(n);
    for (int k = from; k < to; k++) {
      for (int i = 0; i < n; i++) {
        column[i] = rows[i][k];
      }
      sortColumn(column, n);
      out[k] = (float) MedianWindow.average(column, n, f);
    }
  }

  @Override
  public void weightedMedian(float[][] rows, double[] w, double half, float[] out, int from, int to) {
    weightedMedianRange(rows, w, half, out, from, to);
  }

  static void weightedMedianRange(float[][] rows, double[] w, double half, float[] out, int from, int to) {
    if (from >= to) {
      return;
    }
    WeightedColumns c = KernelScratch.get().weightedColumns(rows.length);
    for (int k = from; k < to; k++) {
      c.sort(rows, w, k);
      out[k] = c.median(half);
    }
  }

  @Override
  public void weightedTrimmedMean(float[][] rows, double[] w, double trim, double kept, float[] out, int from,
      int to) {
    weightedTrimmedMeanRange(rows, w, trim, kept, out, from, to);
  }

  static void weightedTrimmedMeanRange(float[][] rows, double[] w, double trim, double kept, float[] out, int from,
      int to) {
    if (from >= to) {
      return;
    }
    WeightedColumns c = KernelScratch.get().weightedColumns(rows.length);
    for (int k = from; k < to; k++) {
      c.sort(rows, w, k);
      out[k] = c.trimmedMean(trim, kept);
    }
  }

  /** Exponent bits of a float: all ones exactly for NaN and ±∞. */
  static final int EXPONENT = 0x7f800000;

  @Override
  public boolean allFinite(float[] row, int from, int to) {
    return finite(row, from, to);
  }

  /** {@link #allFinite(float[], int, int)} of the whole row, for the kernels that have no coordinate kernels at hand. */
  static boolean finite(float[] row) {
    return finite(row, 0, row.length);
  }

  static boolean finite(float[] row, int from, int to) {
    // An integer max over the exponent fields has no floating-point dependency chain, so C2 vectorizes it.
    int max = 0;
    for (int k = from; k < to; k++) {
      max = Math.max(max, Float.floatToRawIntBits(row[k]) & EXPONENT);
    }
    return max != EXPONENT;
  }

  @Override
  public void median(float[][] rows, float[] out, int from, int to) {
    medianRange(rows, out, from, to);
  }

  /** Median of coordinates [from, to). */
  static void medianRange(float[][] rows, float[] out, int from, int to) {
    if (from >= to) {
      return;
    }
    int n = rows.length;
    float[] column = KernelScratch.get().column(n);
    SelectionNetwork network = n <= SelectionNetwork.MAX_GENERATED_N ? NETWORKS[n] : null;
    for (int k = from; k < to; k++) {
      for (int i = 0; i < n; i++) {
        column[i] = rows[i][k];
      }
      if (network != null) {
        network.apply(column);
      } else {
        Arrays.sort(column, 0, n);
      }
      out[k] = middle(column, n);
    }
  }

  /** The median of a column whose median positions are in sorted place. Halving first avoids overflow. */
  static float middle(float[] column, int n) {
    if ((n & 1) == 1) {
      return column[n / 2];
    }
    return column[n / 2 - 1] * 0.5f + column[n / 2] * 0.5f;
  }
}
