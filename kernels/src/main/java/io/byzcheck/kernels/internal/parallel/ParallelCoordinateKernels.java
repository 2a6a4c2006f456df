package io.byzcheck.kernels.internal.parallel;

import io.byzcheck.kernels.internal.vectorization.CoordinateKernels;

/**
 * The coordinate-wise kernels with every whole-row call split into contiguous blocks of coordinates, each block
 * run by the same kernel ({@code base}'s ranged entry points) on one thread of the pool. A coordinate's value
 * depends only on its own column, and block starts are multiples of {@link CoordinateKernels#RANGE_ALIGNMENT},
 * so the result is the same floats as {@code base}'s whole-row call. Ranged calls go to {@code base} as they are.
 */
final class ParallelCoordinateKernels implements CoordinateKernels {
  private static final int ALL_FINITE = 0;
  private static final int MEDIAN = 1;
  private static final int TRIMMED = 2;
  private static final int TRIMMED_IF_FINITE = 3;
  private static final int MEAMED = 4;
  private static final int MEAMED_IF_FINITE = 5;
  private static final int MEDIAN_IF_FINITE = 6;
  private static final int WEIGHTED_MEDIAN = 7;
  private static final int WEIGHTED_TRIMMED = 8;

  private final CoordinateKernels base;
  private final ChunkPool pool;
  private final long minFloats;
  private final Pass pass = new Pass();
  /** Per chunk: whether its block was finite (the checking passes). */
  private final boolean[] finite;

  ParallelCoordinateKernels(CoordinateKernels base, ChunkPool pool, long minFloats) {
    this.base = base;
    this.pool = pool;
    this.minFloats = minFloats;
    this.finite = new boolean[pool.parallelism()];
  }

  /** One reused pass object: the operation and its arguments, cleared after each call. */
  private final class Pass implements ChunkPool.Task {
    int op;
    float[][] rows;
    float[] row;
    float[] out;
    int count;
    double divisor;
    /** The weighted kernels' weights and their two parameters (half; trim and kept). */
    double[] weights;
    double a;
    double b;

    @Override
    public void run(int chunk, int from, int to) {
      switch (op) {
        case ALL_FINITE -> finite[chunk] = base.allFinite(row, from, to);
        case MEDIAN -> base.median(rows, out, from, to);
        case MEDIAN_IF_FINITE -> finite[chunk] = base.medianIfFinite(rows, out, from, to);
        case TRIMMED -> base.trimmedMean(rows, count, divisor, out, from, to);
        case TRIMMED_IF_FINITE -> finite[chunk] = base.trimmedMeanIfFinite(rows, count, divisor, out, from, to);
        case MEAMED -> base.meanAroundMedian(rows, count, out, from, to);
        case MEAMED_IF_FINITE -> finite[chunk] = base.meanAroundMedianIfFinite(rows, count, out, from, to);
        case WEIGHTED_MEDIAN -> base.weightedMedian(rows, weights, a, out, from, to);
        case WEIGHTED_TRIMMED -> base.weightedTrimmedMean(rows, weights, a, b, out, from, to);
        default -> throw new IllegalStateException("unknown pass " + op);
      }
    }

    /** Runs the pass over d coordinates reading n floats at each; false if a checking pass found a non-finite value. */
    boolean over(int op, int d, int n) {
      this.op = op;
      int c = pool.chunks(d, n, minFloats);
      try {
        pool.run(this, d, c);
      } finally {
        rows = null;
        row = null;
        out = null;
        weights = null;
      }
      for (int t = 0; t < c; t++) {
        if (!finite[t]) {
          return false;
        }
      }
      return true;
    }
  }

  @Override
  public boolean allFinite(float[] row) {
    pass.row = row;
    return pass.over(ALL_FINITE, row.length, 1);
  }

  @Override
  public boolean allFinite(float[] row, int from, int to) {
    return base.allFinite(row, from, to);
  }

  @Override
  public void median(float[][] rows, float[] out) {
    pass.rows = rows;
    pass.out = out;
    java.util.Arrays.fill(finite, true);
    pass.over(MEDIAN, out.length, rows.length);
  }

  @Override
  public void median(float[][] rows, float[] out, int from, int to) {
    base.median(rows, out, from, to);
  }

  @Override
  public boolean medianIfFinite(float[][] rows, float[] out) {
    pass.rows = rows;
    pass.out = out;
    return pass.over(MEDIAN_IF_FINITE, out.length, rows.length);
  }

  @Override
  public boolean medianIfFinite(float[][] rows, float[] out, int from, int to) {
    return base.medianIfFinite(rows, out, from, to);
  }

  @Override
  public void trimmedMean(float[][] rows, int trim, double divisor, float[] out) {
    java.util.Arrays.fill(finite, true);
    set(rows, trim, divisor, out);
    pass.over(TRIMMED, out.length, rows.length);
  }

  @Override
  public void trimmedMean(float[][] rows, int trim, double divisor, float[] out, int from, int to) {
    base.trimmedMean(rows, trim, divisor, out, from, to);
  }

  @Override
  public boolean trimmedMeanIfFinite(float[][] rows, int trim, double divisor, float[] out) {
    set(rows, trim, divisor, out);
    return pass.over(TRIMMED_IF_FINITE, out.length, rows.length);
  }

  @Override
  public boolean trimmedMeanIfFinite(float[][] rows, int trim, double divisor, float[] out, int from, int to) {
    return base.trimmedMeanIfFinite(rows, trim, divisor, out, from, to);
  }

  @Override
  public void meanAroundMedian(float[][] rows, int f, float[] out) {
    java.util.Arrays.fill(finite, true);
    set(rows, f, 0, out);
    pass.over(MEAMED, out.length, rows.length);
  }

  @Override
  public void meanAroundMedian(float[][] rows, int f, float[] out, int from, int to) {
    base.meanAroundMedian(rows, f, out, from, to);
  }

  @Override
  public boolean meanAroundMedianIfFinite(float[][] rows, int f, float[] out) {
    set(rows, f, 0, out);
    return pass.over(MEAMED_IF_FINITE, out.length, rows.length);
  }

  @Override
  public boolean meanAroundMedianIfFinite(float[][] rows, int f, float[] out, int from, int to) {
    return base.meanAroundMedianIfFinite(rows, f, out, from, to);
  }

  @Override
  public void weightedMedian(float[][] rows, double[] w, double half, float[] out) {
    java.util.Arrays.fill(finite, true);
    setWeighted(rows, w, half, 0, out);
    pass.over(WEIGHTED_MEDIAN, out.length, rows.length);
  }

  @Override
  public void weightedMedian(float[][] rows, double[] w, double half, float[] out, int from, int to) {
    base.weightedMedian(rows, w, half, out, from, to);
  }

  @Override
  public void weightedTrimmedMean(float[][] rows, double[] w, double trim, double kept, float[] out) {
    java.util.Arrays.fill(finite, true);
    setWeighted(rows, w, trim, kept, out);
    pass.over(WEIGHTED_TRIMMED, out.length, rows.length);
  }

  @Override
  public void weightedTrimmedMean(float[][] rows, double[] w, double trim, double kept, float[] out, int from,
      int to) {
    base.weightedTrimmedMean(rows, w, trim, kept, out, from, to);
  }

  private void setWeighted(float[][] rows, double[] w, double a, double b, float[] out) {
    pass.rows = rows;
    pass.weights = w;
    pass.a = a;
    pass.b = b;
    pass.out = out;
  }

  private void set(float[][] rows, int count, double divisor, float[] out) {
    pass.rows = rows;
    pass.count = count;
    pass.divisor = divisor;
    pass.out = out;
  }
}
