package io.byzcheck.kernels.internal.vectorization;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The species every Panama kernel uses, fixed once as {@code static final} constants so that C2
 * can constant-fold them. Only loaded when the module is present ({@link VectorizationProvider}).
 */
final class PanamaSpecies {
  /** Float species: the forced width, or the CPU's preferred one. */
  static final VectorSpecies<Float> FLOAT = floatSpecies();
  /** Double species of the same bit width (half the lanes), for double accumulation. */
  static final VectorSpecies<Double> DOUBLE =
      DoubleVector.SPECIES_PREFERRED.withShape(FLOAT.vectorShape());

  private PanamaSpecies() {}

  private static VectorSpecies<Float> floatSpecies() {
    int bits = VectorSettings.FORCED_BITS;
    if (bits == 0) {
      return FloatVector.SPECIES_PREFERRED;
    }
    return FloatVector.SPECIES_PREFERRED.withShape(VectorShape.forBitSize(bits));
  }

  /**
   * a·b + c lane-wise, fused where that is fast ({@link VectorSettings#FAST_FMA}); a static final test that
   * C2 folds, in a method small enough to be inlined at every call.
   */
  static FloatVector fma(FloatVector a, FloatVector b, FloatVector c) {
    return VectorSettings.FAST_FMA ? a.fma(b, c) : a.mul(b).add(c);
  }

  /** As {@link #fma(FloatVector, FloatVector, FloatVector)} in double. */
  static DoubleVector fma(DoubleVector a, DoubleVector b, DoubleVector c) {
    return VectorSettings.FAST_FMA ? a.fma(b, c) : a.mul(b).add(c);
  }
}
