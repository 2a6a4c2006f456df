package io.byzcheck.kernels.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API coordinate-wise kernels. Loaded only through {@link CoordinateKernels#get()} when the
 * module is present. Full vectors are done here, the tail by the scalar kernels.
 */
public final class PanamaCoordinateKernels implements CoordinateKernels {
  private static final VectorSpecies<Float> S = PanamaSpecies.FLOAT;

  private static final jdk.incubator.vector.VectorSpecies<Integer> I = S.withLanes(int.class);

  @Override
  public boolean allFinite(float[] row) {
    IntVector max = IntVector.zero(I);
    int bound = S.loopBound(row.length);
    for (int k = 0; k < bound; k += S.length()) {
      IntVector bits = FloatVector.fromArray(S, row, k).reinterpretAsInts();
      max = max.max(bits.and(ScalarCoordinateKernels.EXPONENT));
    }
    int m = max.reduceLanes(VectorOperators.MAX);
    for (int k = bound; k < row.length; k++) {
      m = Math.max(m, Float.floatToRawIntBits(row[k]) & ScalarCoordinateKernels.EXPONENT);
    }
    return m != ScalarCoordinateKernels.EXPONENT;
  }

  @Override
  public void mean(float[][] rows, float[] out) {
    int d = out.length;
    FloatVector inv = FloatVector.broadcast(S, 1.0f / rows.length);
    int bound = S.loopBound(d);
    int n = rows.length;
    // Rows are taken four at a time so that each output vector is loaded and stored once per four
    // input streams; scaling each term by 1/n keeps every partial sum within the float range.
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      float[] a = rows[i];
      float[] b = rows[i + 1];
      float[] c = rows[i + 2];
      float[] e = rows[i + 3];
      boolean first = i == 0;
      for (int k = 0; k < bound; k += S.length()) {
        FloatVector acc = first ? FloatVector.zero(S) : FloatVector.fromArray(S, out, k);
        acc = FloatVector.fromArray(S, a, k).fma(inv, acc);
        acc = FloatVector.fromArray(S, b, k).fma(inv, acc);
        acc = FloatVector.fromArray(S, c, k).fma(inv, acc);
        acc = FloatVector.fromArray(S, e, k).fma(inv, acc);
        acc.intoArray(out, k);
      }
    }
    for (; i < n; i++) {
      float[] a = rows[i];
      boolean first = i == 0;
      for (int k = 0; k < bound; k += S.length()) {
        FloatVector acc = first ? FloatVector.zero(S) : FloatVector.fromArray(S, out, k);
        FloatVector.fromArray(S, a, k).fma(inv, acc).intoArray(out, k);
      }
    }
    ScalarCoordinateKernels.meanRange(rows, out, bound, d);
  }

  @Override
  public void trimmedMean(float[][] rows, int trim, double divisor, float[] out) {
    int n = rows.length;
    int d = out.length;
    int done = 0;
    if (n <= PanamaSortNetworks.MAX_N) {
      int lanes = S.length();
      float[] sorted = new float[n * lanes];
      FloatVector twoOverDivisor = FloatVector.broadcast(S, (float) (2.0 / divisor));
      done = S.loopBound(d);
      for (int k = 0; k < done; k += lanes) {
        PanamaSortNetworks.sortBlock(rows, k, sorted);
        // ScalarCoordinateKernels.trimmedAverage's anchored formula, a lane per coordinate.
        FloatVector anchor = FloatVector.fromArray(S, sorted, (n / 2) * lanes);
        FloatVector halfAnchor = anchor.mul(0.5f);
        FloatVector acc = FloatVector.zero(S);
        for (int i = trim; i < n - trim; i++) {
          acc = FloatVector.fromArray(S, sorted, i * lanes).mul(0.5f).sub(halfAnchor).fma(twoOverDivisor, acc);
        }
        anchor.add(acc).intoArray(out, k);
      }
    }
    ScalarCoordinateKernels.trimmedMeanRange(rows, trim, divisor, out, done, d);
  }

  @Override
  public void meanAroundMedian(float[][] rows, int f, float[] out) {
    int n = rows.length;
    int d = out.length;
    int done = 0;
    if (n <= PanamaSortNetworks.MAX_N) {
      int lanes = S.length();
      float[] sorted = new float[n * lanes];
      done = S.loopBound(d);
      for (int k = 0; k < done; k += lanes) {
        PanamaSortNetworks.sortBlock(rows, k, sorted);
        // The sort is the vector work; the window choice is O(f) per coordinate on sorted data in L1.
        for (int lane = 0; lane < lanes; lane++) {
          out[k + lane] = (float) MedianWindow.average(sorted, lane, lanes, n, f);
        }
      }
    }
    ScalarCoordinateKernels.meanAroundMedianRange(rows, f, out, done, d);
  }

  @Override
  public void median(float[][] rows, float[] out) {
    int done = 0;
    if (rows.length <= SelectionNetwork.MAX_GENERATED_N) {
      done = PanamaMedianNetworks.median(rows, out);
    }
    ScalarCoordinateKernels.medianRange(rows, out, done, out.length);
  }
}
