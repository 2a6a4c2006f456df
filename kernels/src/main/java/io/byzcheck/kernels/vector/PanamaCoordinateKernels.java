package io.byzcheck.kernels.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API coordinate-wise kernels. Loaded only through {@link CoordinateKernels#get()} when the
 * module is present. Full vectors are done here, the tail by the scalar kernels.
 */
public final class PanamaCoordinateKernels implements CoordinateKernels {
  private static final VectorSpecies<Float> S = PanamaSpecies.FLOAT;

  @Override
  public void mean(float[][] rows, float[] out) {
    int d = out.length;
    FloatVector inv = FloatVector.broadcast(S, 1.0f / rows.length);
    int bound = S.loopBound(d);
    for (int k = 0; k < bound; k += S.length()) {
      // Scaling each term by 1/n before adding keeps every partial sum within the float range.
      FloatVector acc = FloatVector.zero(S);
      for (float[] row : rows) {
        acc = FloatVector.fromArray(S, row, k).fma(inv, acc);
      }
      acc.intoArray(out, k);
    }
    ScalarCoordinateKernels.meanRange(rows, out, bound, d);
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
