package io.byzcheck.benchmarks;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The physical yardstick: one read of all n·d floats, summed with the CPU's widest float vectors
 * (as numpy's mean reads its input once). No rule can do less than read its input, so every rule's
 * time over this one is the factor it spends above the memory/load limit.
 */
public final class Yardstick {
  static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  private Yardstick() {}

  /** Σ of every element of every row, in four independent vector accumulators (a read, not an add chain). */
  public static double sum(float[][] rows) {
    return sum(rows, 0, rows[0].length);
  }

  /** {@link #sum(float[][])} over the coordinates [from, to) of every row: one thread's share of the parallel yardstick. */
  public static double sum(float[][] rows, int from, int to) {
    int lanes = SPECIES.length();
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    double tail = 0;
    for (float[] r : rows) {
      int k = from;
      for (int bound = to - 4 * lanes; k <= bound; k += 4 * lanes) {
        a0 = a0.add(FloatVector.fromArray(SPECIES, r, k));
        a1 = a1.add(FloatVector.fromArray(SPECIES, r, k + lanes));
        a2 = a2.add(FloatVector.fromArray(SPECIES, r, k + 2 * lanes));
        a3 = a3.add(FloatVector.fromArray(SPECIES, r, k + 3 * lanes));
      }
      for (; k < to; k++) {
        tail += r[k];
      }
    }
    return a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD) + tail;
  }

  /** The width of the vectors the yardstick (and, unless forced, the kernels) use, in bits. */
  public static int vectorBits() {
    return SPECIES.vectorBitSize();
  }
}
