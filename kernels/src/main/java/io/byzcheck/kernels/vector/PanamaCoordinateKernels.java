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

  /**
   * For n beyond the generated networks: the same Batcher network, interpreted over an L1-resident
   * scratch block (one float vector per worker, lanes = coordinates k … k + lanes − 1).
   */
  private static void networkBlock(float[][] rows, int k, float[] scratch, SelectionNetwork net) {
    int lanes = S.length();
    for (int i = 0; i < rows.length; i++) {
      FloatVector.fromArray(S, rows[i], k).intoArray(scratch, i * lanes);
    }
    for (int c = 0; c < net.size(); c++) {
      int lo = net.lo(c) * lanes;
      int hi = net.hi(c) * lanes;
      FloatVector a = FloatVector.fromArray(S, scratch, lo);
      FloatVector b = FloatVector.fromArray(S, scratch, hi);
      var m = a.compare(VectorOperators.LT, b);
      if (net.keepsMin(c)) {
        b.blend(a, m).intoArray(scratch, lo);
      }
      if (net.keepsMax(c)) {
        a.blend(b, m).intoArray(scratch, hi);
      }
    }
  }

  /** Sorts one block into scratch: generated straight-line code up to 32 workers, the interpreted network above. */
  private static void sortBlock(float[][] rows, int k, float[] scratch, SelectionNetwork sortNetwork) {
    if (rows.length <= PanamaSortNetworks.MAX_N) {
      PanamaSortNetworks.sortBlock(rows, k, scratch);
    } else {
      networkBlock(rows, k, scratch, sortNetwork);
    }
  }

  @Override
  public void trimmedMean(float[][] rows, int trim, double divisor, float[] out) {
    int n = rows.length;
    int d = out.length;
    int done = 0;
    {
      SelectionNetwork sortNetwork = n <= PanamaSortNetworks.MAX_N ? null : Networks.sort(n);
      int lanes = S.length();
      float[] sorted = new float[n * lanes];
      FloatVector twoOverDivisor = FloatVector.broadcast(S, (float) (2.0 / divisor));
      done = S.loopBound(d);
      for (int k = 0; k < done; k += lanes) {
        sortBlock(rows, k, sorted, sortNetwork);
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
    {
      SelectionNetwork sortNetwork = n <= PanamaSortNetworks.MAX_N ? null : Networks.sort(n);
      int lanes = S.length();
      float[] sorted = new float[n * lanes];
      done = S.loopBound(d);
      for (int k = 0; k < done; k += lanes) {
        sortBlock(rows, k, sorted, sortNetwork);
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
    int n = rows.length;
    int done;
    if (n <= SelectionNetwork.MAX_GENERATED_N) {
      done = PanamaMedianNetworks.median(rows, out);
    } else {
      SelectionNetwork net = Networks.median(n);
      int lanes = S.length();
      float[] scratch = new float[n * lanes];
      done = S.loopBound(out.length);
      for (int k = 0; k < done; k += lanes) {
        networkBlock(rows, k, scratch, net);
        FloatVector hi = FloatVector.fromArray(S, scratch, (n / 2) * lanes);
        if ((n & 1) == 1) {
          hi.intoArray(out, k);
        } else {
          FloatVector.fromArray(S, scratch, (n / 2 - 1) * lanes).mul(0.5f).add(hi.mul(0.5f)).intoArray(out, k);
        }
      }
    }
    ScalarCoordinateKernels.medianRange(rows, out, done, out.length);
  }
}
