package io.byzcheck.kernels.internal.vectorization;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API coordinate-wise kernels. Loaded only through {@link VectorizationProvider} when the
 * module is present. Full vectors are done here, the tail by the scalar kernels.
 */
final class PanamaCoordinateKernels implements CoordinateKernels {
  private static final VectorSpecies<Float> S = PanamaSpecies.FLOAT;

  private static final VectorSpecies<Integer> I = S.withLanes(int.class);
  /** Double lanes of the same width, for MeaMed's distances and sums (as exact as MedianWindow's). */
  private static final VectorSpecies<Double> D = PanamaSpecies.DOUBLE;
  /** Floats of half the width: as many lanes as D, so widening is one plain conversion. */
  private static final VectorSpecies<Float> HALF = S.withShape(VectorShape.forBitSize(S.vectorBitSize() / 2));

  @Override
  public boolean allFinite(float[] row, int from, int to) {
    IntVector max = IntVector.zero(I);
    int bound = from + S.loopBound(to - from);
    for (int k = from; k < bound; k += S.length()) {
      IntVector bits = FloatVector.fromArray(S, row, k).reinterpretAsInts();
      max = max.max(bits.and(ScalarCoordinateKernels.EXPONENT));
    }
    int m = max.reduceLanes(VectorOperators.MAX);
    for (int k = bound; k < to; k++) {
      m = Math.max(m, Float.floatToRawIntBits(row[k]) & ScalarCoordinateKernels.EXPONENT);
    }
    return m != ScalarCoordinateKernels.EXPONENT;
  }

  /**
   * Interprets the rest of a network (after the runs are sorted) over an L1-resident scratch block:
   * one float vector per worker, lanes = coordinates k … k + lanes − 1.
   */
  private static void interpret(float[] scratch, int base, SelectionNetwork net) {
    int lanes = S.length();
    for (int c = 0; c < net.size(); c++) {
      int lo = base + net.lo(c) * lanes;
      int hi = base + net.hi(c) * lanes;
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

  /** Blocks of lanes sorted per call of the generated networks: 16 KiB of scratch at n = 32 and 512 bits. */
  private static final int CHUNK = 8;

  /**
   * Sorts each run of 32 workers of {@code blocks} consecutive blocks from coordinate k into
   * scratch[b·n·lanes + i·lanes …] with the generated networks.
   */
  private static void sortRuns(float[][] rows, int k, int blocks, float[] scratch) {
    int n = rows.length;
    int lanes = S.length();
    for (int from = 0; from < n; from += Networks.RUN) {
      PanamaSortNetworks.sortBlocks(rows, from, Math.min(Networks.RUN, n - from), k, blocks, scratch,
          from * lanes, n * lanes);
    }
  }

  /**
   * Batcher's network on {@code blocks} consecutive blocks, block b into scratch[b·n·lanes …]: the
   * generated sort of each run of 32 workers, then (n &gt; 32) Batcher's merges {@code merge},
   * interpreted: a quarter of the comparators at n = 64. (Generated full merges were faster once compiled
   * but too big for the JIT to compile in time; see PanamaMergeNetworks.)
   */
  private static void sortChunk(float[][] rows, int k, int blocks, float[] scratch, SelectionNetwork merge) {
    sortRuns(rows, k, blocks, scratch);
    if (merge != null) {
      int step = rows.length * S.length();
      for (int b = 0; b < blocks; b++) {
        interpret(scratch, b * step, merge);
      }
    }
  }

  /** The merges {@link #sortChunk} interprets, or null when one run holds every worker. */
  private static SelectionNetwork sortMerge(int n) {
    return n <= Networks.RUN ? null : Networks.sortMerge(n);
  }

  @Override
  public void trimmedMean(float[][] rows, int trim, double divisor, float[] out, int from, int to) {
    trimmedMean(rows, trim, divisor, out, from, to, false);
  }

  /**
   * Up to 32 workers the check rides on the sorting pass. Above, where the merges are interpreted, the
   * check in the loop made C2 box every vector in one JMH fork in five at n = 64 (none in six without),
   * so the rows are screened first; at those sizes the screen is a fifth of the rule's time, not half.
   */
  @Override
  public boolean trimmedMeanIfFinite(float[][] rows, int trim, double divisor, float[] out, int from, int to) {
    if (rows.length > Networks.RUN) {
      return CoordinateKernels.super.trimmedMeanIfFinite(rows, trim, divisor, out, from, to);
    }
    return trimmedMean(rows, trim, divisor, out, from, to, true);
  }

  @Override
  public void meanAroundMedian(float[][] rows, int f, float[] out, int from, int to) {
    meanAroundMedian(rows, f, out, from, to, false);
  }

  /** As {@link #trimmedMeanIfFinite}: the check rides on the sorting pass up to 32 workers. */
  @Override
  public boolean meanAroundMedianIfFinite(float[][] rows, int f, float[] out, int from, int to) {
    if (rows.length > Networks.RUN) {
      return CoordinateKernels.super.meanAroundMedianIfFinite(rows, f, out, from, to);
    }
    return meanAroundMedian(rows, f, out, from, to, true);
  }

  /** With {@code check}: false if some value is not finite (see {@link #finiteChunk}). */
  private static boolean trimmedMean(float[][] rows, int trim, double divisor, float[] out, int from, int to, boolean check) {
    int n = rows.length;
    int d = to;
    int lanes = S.length();
    int done = from + S.loopBound(to - from);
    if (done > from) {
      SelectionNetwork merge = sortMerge(n);
      float[] sorted = KernelScratch.get().sortedBlock(CHUNK * n * lanes);
      FloatVector twoOverDivisor = FloatVector.broadcast(S, (float) (2.0 / divisor));
      for (int k0 = from; k0 < done; k0 += CHUNK * lanes) {
        int blocks = Math.min(CHUNK, (done - k0) / lanes);
        sortChunk(rows, k0, blocks, sorted, merge);
        if (check && !finiteChunk(sorted, blocks * n)) {
          return false;
        }
        for (int b = 0; b < blocks; b++) {
          int o = b * n * lanes;
          // ScalarCoordinateKernels.trimmedAverage's anchored formula, a lane per coordinate.
          FloatVector anchor = FloatVector.fromArray(S, sorted, o + (n / 2) * lanes);
          FloatVector halfAnchor = anchor.mul(0.5f);
          // Two accumulators so that consecutive FMAs do not wait on each other. Each holds a sub-sum of
          // terms whose positive part and negative part each stay below Float.MAX_VALUE, as the whole does.
          FloatVector acc0 = FloatVector.zero(S);
          FloatVector acc1 = FloatVector.zero(S);
          int i = trim;
          for (; i + 1 < n - trim; i += 2) {
            acc0 = PanamaSpecies.fma(FloatVector.fromArray(S, sorted, o + i * lanes).mul(0.5f).sub(halfAnchor), twoOverDivisor, acc0);
            acc1 = PanamaSpecies.fma(FloatVector.fromArray(S, sorted, o + (i + 1) * lanes).mul(0.5f).sub(halfAnchor),
                twoOverDivisor, acc1);
          }
          if (i < n - trim) {
            acc0 = PanamaSpecies.fma(FloatVector.fromArray(S, sorted, o + i * lanes).mul(0.5f).sub(halfAnchor), twoOverDivisor, acc0);
          }
          anchor.add(acc0.add(acc1)).intoArray(out, k0 + b * lanes);
        }
      }
    }
    if (check && !tailFinite(rows, done, d)) {
      return false;
    }
    ScalarCoordinateKernels.trimmedMeanRange(rows, trim, divisor, out, done, d);
    return true;
  }

  private static boolean meanAroundMedian(float[][] rows, int f, float[] out, int from, int to, boolean check) {
    int n = rows.length;
    int d = to;
    int lanes = S.length();
    // The block form needs f ≤ n − f (its core s_f … s_{q−1} plus one of s_i, s_{q+i} per i < f is q values only
    // then). MeaMed has f < n/2; Bulyan's second step (f' = 2f of θ = n − 2f) can have more: scalar path.
    int done = 2 * f <= n ? from + S.loopBound(to - from) : from;
    if (done > from) {
      SelectionNetwork merge = sortMerge(n);
      float[] sorted = KernelScratch.get().sortedBlock(CHUNK * n * lanes);
      for (int k0 = from; k0 < done; k0 += CHUNK * lanes) {
        int blocks = Math.min(CHUNK, (done - k0) / lanes);
        sortChunk(rows, k0, blocks, sorted, merge);
        if (check && !finiteChunk(sorted, blocks * n)) {
          return false;
        }
        for (int b = 0; b < blocks; b++) {
          meanAroundMedianBlock(sorted, b * n * lanes, n, f, out, k0 + b * lanes);
        }
      }
    }
    if (check && !tailFinite(rows, done, d)) {
      return false;
    }
    ScalarCoordinateKernels.meanAroundMedianRange(rows, f, out, done, d);
    return true;
  }

  /**
   * True if the count vectors of a sorted chunk are all finite: Σ v·0 over them is ±0 for finite values
   * and NaN as soon as one is NaN or ±∞. The networks only permute values (each comparator's two blends
   * share one mask), so the chunk holds every input even when a NaN made the comparisons meaningless.
   * Done on the chunk while it is in L1, this replaces the screen's own read of the rows from memory; it
   * takes and returns no vectors, so that no vector crosses a call C2 might not inline (that boxed
   * every vector of MeaMed in one JMH fork).
   */
  private static boolean finiteChunk(float[] sorted, int count) {
    int lanes = S.length();
    FloatVector zero = FloatVector.zero(S);
    FloatVector p0 = zero;
    FloatVector p1 = zero;
    int i = 0;
    for (; i + 1 < count; i += 2) {
      p0 = PanamaSpecies.fma(FloatVector.fromArray(S, sorted, i * lanes), zero, p0);
      p1 = PanamaSpecies.fma(FloatVector.fromArray(S, sorted, (i + 1) * lanes), zero, p1);
    }
    if (i < count) {
      p0 = PanamaSpecies.fma(FloatVector.fromArray(S, sorted, i * lanes), zero, p0);
    }
    return !Float.isNaN(p0.add(p1).reduceLanes(VectorOperators.ADD));
  }

  /** The coordinates [from, to) the vector loop left, which the probe did not see. */
  private static boolean tailFinite(float[][] rows, int from, int to) {
    for (float[] row : rows) {
      for (int k = from; k < to; k++) {
        if (!Float.isFinite(row[k])) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * {@link MedianWindow#average} for every coordinate of a sorted block, without a per-coordinate loop.
   * With s sorted, q = n − f and m the median, the window kept is [L, L + q) for some L ≤ f, so it
   * always holds s_f … s_{q−1}; and for i &lt; f, s_i is dropped for s_{q+i} exactly when i &lt; L, i.e.
   * when m − s_i &gt; s_{q+i} − m (both distances are monotone in i, and a tie keeps the smaller value, as
   * the greedy does). So the window's sum is the core plus, for each i &lt; f, the lane-wise blend of s_i
   * and s_{q+i} under that comparison. Distances and sums are in double as in MedianWindow, so the
   * choice is the same bit for bit and the sum differs only by rounding. The block is done as two
   * halves of double lanes, each with two accumulators, so the adds do not wait on one another. The
   * widening and rounding are written out rather than called, so that no vector crosses a call C2
   * might leave out of line (it would then be boxed).
   */
  private static void meanAroundMedianBlock(float[] sorted, int o, int n, int f, float[] out, int k) {
    int lanes = S.length();
    int h = HALF.length();
    int q = n - f;
    int mid = o + (n / 2) * lanes;
    DoubleVector m0 = ((DoubleVector) FloatVector.fromArray(HALF, sorted, mid).convertShape(VectorOperators.F2D, D, 0));
    DoubleVector m1 = ((DoubleVector) FloatVector.fromArray(HALF, sorted, mid + h).convertShape(VectorOperators.F2D, D, 0));
    if ((n & 1) == 0) {
      m0 = ((DoubleVector) FloatVector.fromArray(HALF, sorted, mid - lanes).convertShape(VectorOperators.F2D, D, 0)).add(m0).mul(0.5);
      m1 = ((DoubleVector) FloatVector.fromArray(HALF, sorted, mid - lanes + h).convertShape(VectorOperators.F2D, D, 0)).add(m1).mul(0.5);
    }
    DoubleVector a0 = DoubleVector.zero(D);
    DoubleVector a1 = DoubleVector.zero(D);
    DoubleVector b0 = DoubleVector.zero(D);
    DoubleVector b1 = DoubleVector.zero(D);
    for (int i = f; i < q; i++) {
      a0 = a0.add(((DoubleVector) FloatVector.fromArray(HALF, sorted, o + i * lanes).convertShape(VectorOperators.F2D, D, 0)));
      a1 = a1.add(((DoubleVector) FloatVector.fromArray(HALF, sorted, o + i * lanes + h).convertShape(VectorOperators.F2D, D, 0)));
    }
    for (int i = 0; i < f; i++) {
      DoubleVector lo0 = ((DoubleVector) FloatVector.fromArray(HALF, sorted, o + i * lanes).convertShape(VectorOperators.F2D, D, 0));
      DoubleVector hi0 = ((DoubleVector) FloatVector.fromArray(HALF, sorted, o + (q + i) * lanes).convertShape(VectorOperators.F2D, D, 0));
      b0 = b0.add(lo0.blend(hi0, m0.sub(lo0).compare(VectorOperators.GT, hi0.sub(m0))));
      DoubleVector lo1 = ((DoubleVector) FloatVector.fromArray(HALF, sorted, o + i * lanes + h).convertShape(VectorOperators.F2D, D, 0));
      DoubleVector hi1 = ((DoubleVector) FloatVector.fromArray(HALF, sorted, o + (q + i) * lanes + h).convertShape(VectorOperators.F2D, D, 0));
      b1 = b1.add(lo1.blend(hi1, m1.sub(lo1).compare(VectorOperators.GT, hi1.sub(m1))));
    }
    // sum·(1/q) instead of sum/q: at most one double ulp apart, far below the float rounding that follows.
    double inv = 1.0 / q;
    ((FloatVector) a0.add(b0).mul(inv).convertShape(VectorOperators.D2F, HALF, 0)).intoArray(out, k);
    ((FloatVector) a1.add(b1).mul(inv).convertShape(VectorOperators.D2F, HALF, 0)).intoArray(out, k + h);
  }

  @Override
  public void median(float[][] rows, float[] out) {
    if (rows.length <= SelectionNetwork.MAX_GENERATED_N) {
      int done = PanamaMedianNetworks.median(rows, out);
      ScalarCoordinateKernels.medianRange(rows, out, done, out.length);
      return;
    }
    median(rows, out, 0, out.length);
  }

  /**
   * Up to 32 workers the generated networks write from out[0]: a range goes through a block buffer in L1
   * (medians are exact selections, so the floats are the same; the copy is d floats against n·d read).
   */
  @Override
  public void median(float[][] rows, float[] out, int from, int to) {
    int n = rows.length;
    if (n <= SelectionNetwork.MAX_GENERATED_N) {
      float[] block = KernelScratch.get().rangeBlock(RANGE_BLOCK);
      for (int k = from; k < to; k += RANGE_BLOCK) {
        int len = Math.min(RANGE_BLOCK, to - k);
        int done = PanamaMedianNetworks.median(rows, k, block, len);
        System.arraycopy(block, 0, out, k, done);
        ScalarCoordinateKernels.medianRange(rows, out, k + done, k + len);
      }
      return;
    }
    // Above 32 workers: sort each run of 32, then only the merges that place the median.
    int lanes = S.length();
    int done = from + S.loopBound(to - from);
    float[] scratch = KernelScratch.get().sortedBlock(CHUNK * n * lanes);
    SelectionNetwork merge = n <= PanamaMergeNetworks.MAX_N ? null : Networks.medianMerge(n);
    for (int k0 = from; k0 < done; k0 += CHUNK * lanes) {
      int blocks = Math.min(CHUNK, (done - k0) / lanes);
      sortRuns(rows, k0, blocks, scratch);
      for (int b = 0; b < blocks; b++) {
        int o = b * n * lanes;
        int k = k0 + b * lanes;
        if (merge == null) {
          PanamaMergeNetworks.median(n, scratch, o, out, k);
          continue;
        }
        interpret(scratch, o, merge);
        FloatVector hi = FloatVector.fromArray(S, scratch, o + (n / 2) * lanes);
        if ((n & 1) == 1) {
          hi.intoArray(out, k);
        } else {
          FloatVector.fromArray(S, scratch, o + (n / 2 - 1) * lanes).mul(0.5f).add(hi.mul(0.5f)).intoArray(out, k);
        }
      }
    }
    ScalarCoordinateKernels.medianRange(rows, out, done, to);
  }

  /** Coordinates per block of a ranged median up to 32 workers: 16 KiB of floats. */
  private static final int RANGE_BLOCK = 4096;
}
