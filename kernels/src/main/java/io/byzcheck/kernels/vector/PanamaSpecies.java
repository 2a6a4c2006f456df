package io.byzcheck.kernels.vector;

import java.util.function.Supplier;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The species every Panama kernel uses, fixed once as {@code static final} constants so that C2
 * can constant-fold them. Only loaded when {@link Vectorization#enabled()}.
 */
public final class PanamaSpecies {
  /** Float species: the forced width, or the CPU's preferred one. */
  public static final VectorSpecies<Float> FLOAT = floatSpecies();
  /** Double species of the same bit width (half the lanes), for double accumulation. */
  public static final VectorSpecies<Double> DOUBLE =
      DoubleVector.SPECIES_PREFERRED.withShape(FLOAT.vectorShape());

  private PanamaSpecies() {}

  private static VectorSpecies<Float> floatSpecies() {
    int bits = Vectorization.forcedBitsOrZero();
    if (bits == 0) {
      return FloatVector.SPECIES_PREFERRED;
    }
    return FloatVector.SPECIES_PREFERRED.withShape(VectorShape.forBitSize(bits));
  }

  /** Supplies {@link Vectorization#describe()} without loading this class on scalar JVMs. */
  public static final class Description implements Supplier<String> {
    @Override
    public String get() {
      return "Vector API, " + FLOAT.vectorBitSize() + "-bit float (" + FLOAT.length() + " lanes)";
    }
  }
}
