package io.byzcheck.kernels.internal.vectorization;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
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
    staged(TRIMMED, rows, trim, divisor, out, from, to, false);
  }

  /**
   * Up to 32 workers, and above where the two sorted runs need no merge ({@link #trimsTwoRuns}), the check
   * rides on the sorting pass. Where the merges are interpreted, the check in the loop made C2 box every
   * vector in one JMH fork in five at n = 64 (none in six without), so the rows are screened first; at those
   * sizes the screen is a fifth of the rule's time, not half.
   */
  @Override
  public boolean trimmedMeanIfFinite(float[][] rows, int trim, double divisor, float[] out, int from, int to) {
    if (rows.length > Networks.RUN && !trimsTwoRuns(rows.length, trim)) {
      return CoordinateKernels.super.trimmedMeanIfFinite(rows, trim, divisor, out, from, to);
    }
    return staged(TRIMMED, rows, trim, divisor, out, from, to, true);
  }

  @Override
  public void meanAroundMedian(float[][] rows, int f, float[] out, int from, int to) {
    staged(MEAMED, rows, f, 0, out, from, to, false);
  }

  /** As {@link #trimmedMeanIfFinite}: the check rides on the sorting pass up to 32 workers and for two unmerged runs. */
  @Override
  public boolean meanAroundMedianIfFinite(float[][] rows, int f, float[] out, int from, int to) {
    if (rows.length > Networks.RUN && !trimsTwoRuns(rows.length, f)) {
      return CoordinateKernels.super.meanAroundMedianIfFinite(rows, f, out, from, to);
    }
    return staged(MEAMED, rows, f, 0, out, from, to, true);
  }

  private static final int TRIMMED = 0;
  private static final int MEAMED = 1;
  private static final int MEDIAN = 2;
  /**
   * Workers above which the sorting kernels run on staged panels ({@link #staged}). Measured at d = 10⁶ (JMH, one
   * fork each, alternating, on the shared 2-core machine): at n = 64 staging took CWMed from 76 and 71 ms to 54
   * and 55, CWTM from 77 and 78 to 60 and 57, MeaMed from 101 and 83 to 75 and 76; at n = 31 it did not help
   * (CWMed 24 → 29 ms, MeaMed 27 → 31, CWTM 22 → 22).
   */
  private static final int STAGE_ABOVE = Networks.RUN;
  /** Floats of a staged panel ({@link #staged}): 512 KiB, so that the panel stays in a 1 MiB L2. */
  private static final int PANEL_FLOATS = 1 << 17;

  /**
   * The sorting kernels ({@link #trimmedMean}, {@link #meanAroundMedian}, {@link #mergedMedian}) on [from, to).
   * Up to {@link #STAGE_ABOVE} workers directly; above, panel by panel: the coordinates [c, c + w) of every row are first copied
   * into a panel of n rows of w floats (w = 512 KiB / n, a multiple of {@link CoordinateKernels#RANGE_ALIGNMENT}),
   * the kernel runs on the panel, and its w results are copied out. The kernels read one vector of every row
   * per block, a cache line from each of n rows at a time; the copy reads each row in runs of w floats, and
   * beyond 32 rows the kernels on the copy were a quarter faster than on the rows ({@link #STAGE_ABOVE}; at
   * 31 rows they were not, so they read the rows there). Every
   * coordinate is computed by the same code as without the panel (the panels start at multiples of the lane
   * count, so the scalar tail is the same), so the floats are the same.
   */
  private static boolean staged(int op, float[][] rows, int count, double divisor, float[] out, int from, int to,
      boolean check) {
    int n = rows.length;
    if (n <= STAGE_ABOVE) {
      return run(op, rows, count, divisor, out, from, to, check);
    }
    int width = Math.max(CoordinateKernels.RANGE_ALIGNMENT, (PANEL_FLOATS / n) & -CoordinateKernels.RANGE_ALIGNMENT);
    KernelScratch scratch = KernelScratch.get();
    float[][] panel = scratch.panel(n, width);
    float[] panelOut = scratch.panelOut(width);
    for (int c = from; c < to; c += width) {
      int len = Math.min(width, to - c);
      for (int i = 0; i < n; i++) {
        System.arraycopy(rows[i], c, panel[i], 0, len);
      }
      if (!run(op, panel, count, divisor, panelOut, 0, len, check)) {
        return false;
      }
      System.arraycopy(panelOut, 0, out, c, len);
    }
    return true;
  }

  private static boolean run(int op, float[][] rows, int count, double divisor, float[] out, int from, int to,
      boolean check) {
    return switch (op) {
      case TRIMMED -> trimmedMean(rows, count, divisor, out, from, to, check);
      case MEAMED -> meanAroundMedian(rows, count, out, from, to, check);
      default -> medianOf(rows, out, from, to, check);
    };
  }

  /** With {@code check}: false if some value is not finite (see {@link #finiteChunk}). */
  private static boolean trimmedMean(float[][] rows, int trim, double divisor, float[] out, int from, int to, boolean check) {
    int n = rows.length;
    int d = to;
    if (n <= PanamaTrimmedNetworks.MAX_N && VectorSettings.FAST_FMA) {
      int done = trimmedMeanInRegisters(rows, trim, divisor, out, from, to);
      if (done >= 0) {
        if (check && !tailFinite(rows, done, d)) {
          return false;
        }
        ScalarCoordinateKernels.trimmedMeanRange(rows, trim, divisor, out, done, d);
        return true;
      }
      if (check) {
        return false;
      }
      // Rows nobody screened that hold NaN or ±∞: the sorted pass below gives them what the scalar kernel does.
    }
    int lanes = S.length();
    int done = from + S.loopBound(to - from);
    if (done > from) {
      boolean twoRuns = trimsTwoRuns(n, trim);
      SelectionNetwork merge = twoRuns ? null : sortMerge(n);
      float[] sorted = KernelScratch.get().sortedBlock(CHUNK * n * lanes);
      double[] sums = KernelScratch.get().keptSum;
      FloatVector twoOverDivisor = FloatVector.broadcast(S, (float) (2.0 / divisor));
      for (int k0 = from; k0 < done; k0 += CHUNK * lanes) {
        int blocks = Math.min(CHUNK, (done - k0) / lanes);
        sortChunk(rows, k0, blocks, sorted, merge);
        if (check && !finiteChunk(sorted, blocks * n)) {
          return false;
        }
        if (twoRuns) {
          for (int b = 0; b < blocks; b++) {
            keptAverageOfTwoRuns(sorted, b * n * lanes, n, trim, divisor, sums, out, k0 + b * lanes);
          }
          continue;
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

  /**
   * Up to {@link PanamaTrimmedNetworks#MAX_N} workers, the full vectors of [from, to) sorted and summed in
   * registers ({@link PanamaTrimmedNetworks}): the first coordinate not done, or −1 if a value is not finite.
   */
  private static int trimmedMeanInRegisters(float[][] rows, int trim, double divisor, float[] out, int from, int to) {
    if (to - from < S.length()) {
      return from;
    }
    float[] w = KernelScratch.get().trimWeights(rows.length);
    Arrays.fill(w, 0, rows.length, 0f);
    Arrays.fill(w, trim, rows.length - trim, (float) (2.0 / divisor));
    return PanamaTrimmedNetworks.trimmedMean(rows, from, out, to - from, w);
  }

  /**
   * Whether the trimmed mean of n workers, trim per side, takes {@link #keptAverageOfTwoRuns}: two sorted runs
   * (32 &lt; n ≤ 64) whose trimmed ends do not meet in the shorter run (2·trim ≤ n − 32). Otherwise Batcher's
   * merges are interpreted.
   */
  private static boolean trimsTwoRuns(int n, int trim) {
    return n > Networks.RUN && n <= 2 * Networks.RUN && 2 * trim <= n - Networks.RUN;
  }

  /**
   * The values kept between the trimmed ends of a block whose runs A = [0, 32) and B = [32, n) are sorted but not
   * merged (the interpreted merges are 161 comparators a block at n = 64), 2t ≤ b = n − 32: their sum in double
   * into sums[0 …) (lanes [0, h) of the block, then [h, 2h), h = {@link #HALF}'s lanes), and, if ends is not
   * null, the t dropped at each end into ends[0 …) (bottom) and ends[tEnds·lanes …) (top), unsorted. For sorted
   * X, Y of length t the t smallest values of X ∪ Y are min(X[i], Y[t−1−i]), i &lt; t (the half-cleaner of
   * Batcher's bitonic merge, Knuth TAOCP 5.3.4): the values dropped at the bottom are min(A[i], B[t−1−i]) and
   * those at the top max(A[32−t+i], B[b−1−i]). As 2t ≤ b the two sets of pairs are disjoint, so the kept values
   * are exactly the other side of each pair plus A[t, 32−t) and B[t, b−t): one compare and blend per dropped
   * value, and the kept ones are summed directly, never as total minus extremes (with Byzantine values near
   * ±3.4e38 that difference loses the honest ones entirely). Widening is exact and double sums of at most 64
   * floats cannot overflow. Arrays in and out: no vector crosses a call (C2 would box it).
   */
  private static void keptOfTwoRuns(float[] s, int o, int n, int t, float[] ends, int tEnds, double[] sums) {
    int lanes = S.length();
    int a = o;
    int b = o + Networks.RUN * lanes;
    int bn = n - Networks.RUN;
    int high = tEnds * lanes;
    DoubleVector lo0 = DoubleVector.zero(D);
    DoubleVector hi0 = DoubleVector.zero(D);
    DoubleVector lo1 = DoubleVector.zero(D);
    DoubleVector hi1 = DoubleVector.zero(D);
    for (int i = 0; i < t; i++) {
      FloatVector x = FloatVector.fromArray(S, s, a + i * lanes);
      FloatVector y = FloatVector.fromArray(S, s, b + (t - 1 - i) * lanes);
      var xy = x.compare(VectorOperators.LT, y);
      FloatVector bottomKept = x.blend(y, xy);
      FloatVector u = FloatVector.fromArray(S, s, a + (Networks.RUN - t + i) * lanes);
      FloatVector v = FloatVector.fromArray(S, s, b + (bn - 1 - i) * lanes);
      var uv = u.compare(VectorOperators.LT, v);
      FloatVector topKept = v.blend(u, uv);
      if (ends != null) {
        y.blend(x, xy).intoArray(ends, i * lanes);
        u.blend(v, uv).intoArray(ends, high + i * lanes);
      }
      lo0 = lo0.add((DoubleVector) bottomKept.convertShape(VectorOperators.F2D, D, 0));
      hi0 = hi0.add((DoubleVector) bottomKept.convertShape(VectorOperators.F2D, D, 1));
      lo1 = lo1.add((DoubleVector) topKept.convertShape(VectorOperators.F2D, D, 0));
      hi1 = hi1.add((DoubleVector) topKept.convertShape(VectorOperators.F2D, D, 1));
    }
    for (int i = t; i < Networks.RUN - t; i++) {
      FloatVector x = FloatVector.fromArray(S, s, a + i * lanes);
      lo0 = lo0.add((DoubleVector) x.convertShape(VectorOperators.F2D, D, 0));
      hi0 = hi0.add((DoubleVector) x.convertShape(VectorOperators.F2D, D, 1));
    }
    for (int i = t; i < bn - t; i++) {
      FloatVector y = FloatVector.fromArray(S, s, b + i * lanes);
      lo1 = lo1.add((DoubleVector) y.convertShape(VectorOperators.F2D, D, 0));
      hi1 = hi1.add((DoubleVector) y.convertShape(VectorOperators.F2D, D, 1));
    }
    lo0.add(lo1).intoArray(sums, 0);
    hi0.add(hi1).intoArray(sums, D.length());
  }

  /**
   * The trimmed mean (RESAM C.3, Yin Def. 2) of each lane of a block of two unmerged sorted runs
   * ({@link #keptOfTwoRuns}): the kept values' double sum divided by the divisor and rounded once, so it differs
   * from the reference's only by the order of the double additions.
   */
  private static void keptAverageOfTwoRuns(float[] s, int o, int n, int t, double divisor, double[] sums, float[] out,
      int k) {
    keptOfTwoRuns(s, o, n, t, null, 0, sums);
    DoubleVector q = DoubleVector.broadcast(D, divisor);
    ((FloatVector) DoubleVector.fromArray(D, sums, 0).div(q).convertShape(VectorOperators.D2F, HALF, 0))
        .intoArray(out, k);
    ((FloatVector) DoubleVector.fromArray(D, sums, D.length()).div(q).convertShape(VectorOperators.D2F, HALF, 0))
        .intoArray(out, k + HALF.length());
  }

  private static boolean meanAroundMedian(float[][] rows, int f, float[] out, int from, int to, boolean check) {
    int n = rows.length;
    int d = to;
    int lanes = S.length();
    // The block form needs f ≤ n − f (its core s_f … s_{q−1} plus one of s_i, s_{q+i} per i < f is q values only
    // then). MeaMed has f < n/2; Bulyan's second step (f' = 2f of θ = n − 2f) has more: meanAroundMedianNarrowBlock.
    boolean narrow = 2 * f > n;
    int done = from + S.loopBound(to - from);
    if (done > from) {
      boolean twoRuns = !narrow && trimsTwoRuns(n, f);
      SelectionNetwork merge = twoRuns ? null : sortMerge(n);
      KernelScratch scratch = KernelScratch.get();
      float[] sorted = scratch.sortedBlock(CHUNK * n * lanes);
      for (int k0 = from; k0 < done; k0 += CHUNK * lanes) {
        int blocks = Math.min(CHUNK, (done - k0) / lanes);
        sortChunk(rows, k0, blocks, sorted, merge);
        if (check && !finiteChunk(sorted, blocks * n)) {
          return false;
        }
        for (int b = 0; b < blocks; b++) {
          if (narrow) {
            meanAroundMedianNarrowBlock(sorted, b * n * lanes, n, f, out, k0 + b * lanes);
          } else if (twoRuns) {
            meanAroundMedianOfTwoRuns(sorted, b * n * lanes, n, f, scratch, out, k0 + b * lanes);
          } else {
            meanAroundMedianBlock(sorted, b * n * lanes, n, f, out, k0 + b * lanes);
          }
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
   * {@link #meanAroundMedianBlock}'s sum on a block whose runs A = [0, 32) and B = [32, n) are sorted but not
   * merged, 2f ≤ b = n − 32 ({@link #trimsTwoRuns}); the median position(s) come from the generated merges
   * ({@code PanamaMergeNetworks.middle}, in registers) into scratch.middle. The window needs the f smallest values
   * s_0 … s_{f−1} and the f largest s_q … s_{n−1} in sorted order and the core s_f … s_{q−1} only as a sum, which
   * is what {@link #keptOfTwoRuns} gives with trim f. Each end, a min (max) of a rising and a falling sequence,
   * is bitonic; padded to a power of two T ≤ 16 with −∞ (+∞) it stays bitonic, and Batcher's bitonic merger
   * (T/2·log₂T comparators) sorts it. The pairs (s_i, s_{q+i}) then go through meanAroundMedianBlock's
   * comparison, in double, with the median in double exactly as {@link MedianWindow} takes it: the same window
   * bit for bit. At n = 64, f = 15: 63 generated comparators for the median, 30 for the ends and 2·32 to sort
   * them, instead of Batcher's 161 interpreted merges; and the non-finite check rides on the pass.
   */
  private static void meanAroundMedianOfTwoRuns(float[] s, int o, int n, int f, KernelScratch scratch, float[] out,
      int k) {
    int lanes = S.length();
    int h = HALF.length();
    int q = n - f;
    int t = f <= 1 ? f : Integer.highestOneBit(f - 1) << 1;
    int high = t * lanes;
    float[] ends = scratch.ends;
    float[] mid = scratch.middle;
    keptOfTwoRuns(s, o, n, f, ends, t, scratch.keptSum);
    // Only now: the merges of a median that take more than one generated chunk (n = 62) store into the block.
    PanamaMergeNetworks.middle(n, s, o, mid);
    FloatVector minusInf = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
    FloatVector plusInf = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
    for (int i = f; i < t; i++) {
      minusInf.intoArray(ends, i * lanes);
      plusInf.intoArray(ends, high + i * lanes);
    }
    // Bitonic merger on both ends at once (their comparators are independent).
    for (int step = t / 2; step >= 1; step >>= 1) {
      for (int i = 0; i < t; i++) {
        if ((i & step) == 0) {
          exchange(ends, i * lanes, (i + step) * lanes);
          exchange(ends, high + i * lanes, high + (i + step) * lanes);
        }
      }
    }
    DoubleVector m0 = (DoubleVector) FloatVector.fromArray(HALF, mid, 0).convertShape(VectorOperators.F2D, D, 0);
    DoubleVector m1 = (DoubleVector) FloatVector.fromArray(HALF, mid, h).convertShape(VectorOperators.F2D, D, 0);
    if ((n & 1) == 0) {
      m0 = ((DoubleVector) FloatVector.fromArray(HALF, mid, lanes).convertShape(VectorOperators.F2D, D, 0)).add(m0)
          .mul(0.5);
      m1 = ((DoubleVector) FloatVector.fromArray(HALF, mid, lanes + h).convertShape(VectorOperators.F2D, D, 0))
          .add(m1).mul(0.5);
    }
    DoubleVector c0 = DoubleVector.fromArray(D, scratch.keptSum, 0);
    DoubleVector c1 = DoubleVector.fromArray(D, scratch.keptSum, h);
    for (int i = 0; i < f; i++) {
      int lo = (t - f + i) * lanes;
      int hi = high + i * lanes;
      DoubleVector lo0 = (DoubleVector) FloatVector.fromArray(HALF, ends, lo).convertShape(VectorOperators.F2D, D, 0);
      DoubleVector hi0 = (DoubleVector) FloatVector.fromArray(HALF, ends, hi).convertShape(VectorOperators.F2D, D, 0);
      c0 = c0.add(lo0.blend(hi0, m0.sub(lo0).compare(VectorOperators.GT, hi0.sub(m0))));
      DoubleVector lo1 = (DoubleVector) FloatVector.fromArray(HALF, ends, lo + h).convertShape(VectorOperators.F2D, D, 0);
      DoubleVector hi1 = (DoubleVector) FloatVector.fromArray(HALF, ends, hi + h).convertShape(VectorOperators.F2D, D, 0);
      c1 = c1.add(lo1.blend(hi1, m1.sub(lo1).compare(VectorOperators.GT, hi1.sub(m1))));
    }
    DoubleVector qd = DoubleVector.broadcast(D, (double) q);
    ((FloatVector) c0.div(qd).convertShape(VectorOperators.D2F, HALF, 0)).intoArray(out, k);
    ((FloatVector) c1.div(qd).convertShape(VectorOperators.D2F, HALF, 0)).intoArray(out, k + h);
  }

  /** A compare-exchange in scratch: the smaller value to position lo, the larger to hi. */
  private static void exchange(float[] w, int lo, int hi) {
    FloatVector x = FloatVector.fromArray(S, w, lo);
    FloatVector y = FloatVector.fromArray(S, w, hi);
    var yx = y.compare(VectorOperators.LT, x);
    x.blend(y, yx).intoArray(w, lo);
    y.blend(x, yx).intoArray(w, hi);
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

  /**
   * {@link MedianWindow#average} for every coordinate of a sorted block when the window is shorter than what it
   * drops, q = n − f &lt; f (Bulyan's second step: f' = 2f of θ = n − 2f rows, q = n − 4f of them). The window is
   * [L, L + q), and {@link #meanAroundMedianBlock}'s argument gives L without the greedy for any f &lt; n: with
   * cᵢ = (m − sᵢ &gt; s_{q+i} − m), i &lt; f, non-increasing in i (sᵢ rises, and the rounded differences stay
   * monotone), L = #{i : cᵢ}; the greedy keeps lo ≤ L and hi ≥ L + q − 1 at every step, so it ends there. But
   * here sᵢ and s_{q+i} overlap, so the sum is not a core plus one of each pair: it is taken position by
   * position, s_p added where L ≤ p &lt; L + q and +0 elsewhere, which is MedianWindow's sum s_L + … + s_{L+q−1}
   * in its order (adding +0 to a sum that started at +0 changes nothing), then divided by q as it does: the same
   * float as the scalar kernel bit for bit, whatever the width.
   */
  private static void meanAroundMedianNarrowBlock(float[] sorted, int o, int n, int f, float[] out, int k) {
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
    DoubleVector zero = DoubleVector.zero(D);
    DoubleVector one = DoubleVector.broadcast(D, 1.0);
    DoubleVector l0 = zero;
    DoubleVector l1 = zero;
    for (int i = 0; i < f; i++) {
      DoubleVector lo0 = ((DoubleVector) FloatVector.fromArray(HALF, sorted, o + i * lanes).convertShape(VectorOperators.F2D, D, 0));
      DoubleVector hi0 = ((DoubleVector) FloatVector.fromArray(HALF, sorted, o + (q + i) * lanes).convertShape(VectorOperators.F2D, D, 0));
      l0 = l0.add(zero.blend(one, m0.sub(lo0).compare(VectorOperators.GT, hi0.sub(m0))));
      DoubleVector lo1 = ((DoubleVector) FloatVector.fromArray(HALF, sorted, o + i * lanes + h).convertShape(VectorOperators.F2D, D, 0));
      DoubleVector hi1 = ((DoubleVector) FloatVector.fromArray(HALF, sorted, o + (q + i) * lanes + h).convertShape(VectorOperators.F2D, D, 0));
      l1 = l1.add(zero.blend(one, m1.sub(lo1).compare(VectorOperators.GT, hi1.sub(m1))));
    }
    // Position p is kept when p − q < L ≤ p; counts and positions are small integers, exact in double.
    DoubleVector a0 = zero;
    DoubleVector a1 = zero;
    for (int p = 0; p < n; p++) {
      double pd = p;
      double below = p - q;
      DoubleVector v0 = ((DoubleVector) FloatVector.fromArray(HALF, sorted, o + p * lanes).convertShape(VectorOperators.F2D, D, 0));
      DoubleVector v1 = ((DoubleVector) FloatVector.fromArray(HALF, sorted, o + p * lanes + h).convertShape(VectorOperators.F2D, D, 0));
      var in0 = l0.compare(VectorOperators.LE, pd).and(l0.compare(VectorOperators.GT, below));
      var in1 = l1.compare(VectorOperators.LE, pd).and(l1.compare(VectorOperators.GT, below));
      a0 = a0.add(zero.blend(v0, in0));
      a1 = a1.add(zero.blend(v1, in1));
    }
    DoubleVector qd = DoubleVector.broadcast(D, (double) q);
    ((FloatVector) a0.div(qd).convertShape(VectorOperators.D2F, HALF, 0)).intoArray(out, k);
    ((FloatVector) a1.div(qd).convertShape(VectorOperators.D2F, HALF, 0)).intoArray(out, k + h);
  }

  @Override
  public void median(float[][] rows, float[] out) {
    if (rows.length <= SelectionNetwork.MAX_GENERATED_N && rows.length <= STAGE_ABOVE) {
      int done = PanamaMedianNetworks.median(rows, out);
      ScalarCoordinateKernels.medianRange(rows, out, done, out.length);
      return;
    }
    median(rows, out, 0, out.length);
  }

  @Override
  public void median(float[][] rows, float[] out, int from, int to) {
    staged(MEDIAN, rows, 0, 0, out, from, to, false);
  }

  /**
   * Up to 32 workers the generated networks write from out[0]: a range goes through a block buffer in L1
   * (medians are exact selections, so the floats are the same; the copy is d floats against n·d read). Above,
   * {@link #mergedMedian}.
   */
  private static boolean medianOf(float[][] rows, float[] out, int from, int to, boolean check) {
    int n = rows.length;
    if (n > SelectionNetwork.MAX_GENERATED_N) {
      return mergedMedian(rows, out, from, to, check);
    }
    float[] block = KernelScratch.get().rangeBlock(RANGE_BLOCK);
    for (int k = from; k < to; k += RANGE_BLOCK) {
      int len = Math.min(RANGE_BLOCK, to - k);
      int done = PanamaMedianNetworks.median(rows, k, block, len);
      System.arraycopy(block, 0, out, k, done);
      ScalarCoordinateKernels.medianRange(rows, out, k + done, k + len);
    }
    return true;
  }

  /**
   * The check rides on the pass up to 64 workers: up to 32 in the generated networks' registers (each adds v·0 to
   * an accumulator, {@code PanamaMedianNetworks.medianIfFinite}), between 33 and 64 in the sorted runs in scratch,
   * where {@link #finiteChunk} sees every value; above, the rows are screened first.
   */
  @Override
  public boolean medianIfFinite(float[][] rows, float[] out, int from, int to) {
    if (rows.length <= SelectionNetwork.MAX_GENERATED_N && rows.length <= STAGE_ABOVE) {
      return checkedNetworkMedian(rows, out, from, to);
    }
    if (rows.length > PanamaMergeNetworks.MAX_N) {
      return CoordinateKernels.super.medianIfFinite(rows, out, from, to);
    }
    return staged(MEDIAN, rows, 0, 0, out, from, to, true);
  }

  /** {@link #median}'s two paths for n ≤ 32 (the whole of out in place, or a range through the L1 block), checked. */
  private static boolean checkedNetworkMedian(float[][] rows, float[] out, int from, int to) {
    if (from == 0 && to == out.length) {
      int done = PanamaMedianNetworks.medianIfFinite(rows, 0, out, out.length);
      return done >= 0 && finiteScalarMedian(rows, out, done, to);
    }
    float[] block = KernelScratch.get().rangeBlock(RANGE_BLOCK);
    for (int k = from; k < to; k += RANGE_BLOCK) {
      int len = Math.min(RANGE_BLOCK, to - k);
      int done = PanamaMedianNetworks.medianIfFinite(rows, k, block, len);
      if (done < 0) {
        return false;
      }
      System.arraycopy(block, 0, out, k, done);
      if (!finiteScalarMedian(rows, out, k + done, k + len)) {
        return false;
      }
    }
    return true;
  }

  /** The tail a network leaves (fewer coordinates than a vector): false on a non-finite value, else its medians. */
  private static boolean finiteScalarMedian(float[][] rows, float[] out, int from, int to) {
    for (float[] row : rows) {
      for (int k = from; k < to; k++) {
        if (!Float.isFinite(row[k])) {
          return false;
        }
      }
    }
    ScalarCoordinateKernels.medianRange(rows, out, from, to);
    return true;
  }

  /** Above 32 workers: sort each run of 32, then only the merges that place the median; with check as {@link #trimmedMean}. */
  private static boolean mergedMedian(float[][] rows, float[] out, int from, int to, boolean check) {
    int n = rows.length;
    int lanes = S.length();
    int done = from + S.loopBound(to - from);
    float[] scratch = KernelScratch.get().sortedBlock(CHUNK * n * lanes);
    SelectionNetwork merge = n <= PanamaMergeNetworks.MAX_N ? null : Networks.medianMerge(n);
    float[] mid = KernelScratch.get().middle;
    for (int k0 = from; k0 < done; k0 += CHUNK * lanes) {
      int blocks = Math.min(CHUNK, (done - k0) / lanes);
      sortRuns(rows, k0, blocks, scratch);
      if (check && !finiteChunk(scratch, blocks * n)) {
        return false;
      }
      for (int b = 0; b < blocks; b++) {
        int o = b * n * lanes;
        int k = k0 + b * lanes;
        // The middle position(s), n/2 − 1 and n/2 (even n) or n/2, are at src[lo …] and src[hi …].
        float[] src = scratch;
        int lo = o + (n / 2 - 1) * lanes;
        int hi = o + (n / 2) * lanes;
        if (merge == null) {
          PanamaMergeNetworks.middle(n, scratch, o, mid);
          src = mid;
          lo = 0;
          hi = (n & 1) == 1 ? 0 : lanes;
        } else {
          interpret(scratch, o, merge);
        }
        FloatVector h = FloatVector.fromArray(S, src, hi);
        if ((n & 1) == 1) {
          h.intoArray(out, k);
        } else {
          FloatVector.fromArray(S, src, lo).mul(0.5f).add(h.mul(0.5f)).intoArray(out, k);
        }
      }
    }
    if (check && !tailFinite(rows, done, to)) {
      return false;
    }
    ScalarCoordinateKernels.medianRange(rows, out, done, to);
    return true;
  }

  @Override
  public void weightedMedian(float[][] rows, double[] w, double half, float[] out, int from, int to) {
    weighted(true, rows, w, half, 0, out, from, to);
  }

  @Override
  public void weightedTrimmedMean(float[][] rows, double[] w, double trim, double kept, float[] out, int from,
      int to) {
    weighted(false, rows, w, trim, kept, out, from, to);
  }

  /**
   * The weighted median ({@code median}, a = half) or trimmed mean (a = trim, b = kept) of {@link WeightedColumns},
   * a block of lanes (coordinates) at a time, with the same double operations in the same order, so the same
   * floats. The scalar rule's insertion sort becomes ranks: worker i's position in the stable order of its lane is
   * the number of keys (value, worker) below its own, #{j &lt; i : vⱼ ≤ vᵢ} + #{j &gt; i : vⱼ &lt; vᵢ} (so −0.0 and
   * 0.0 tie and keep worker order, as the insertion sort's strict comparison does), n² vector compares and masked
   * adds per block ({@link #stableRanks}). Each lane's values and weights are then stored at their ranks (n scalar
   * stores per coordinate: the weights are per worker, the same in every lane), and the rule's pass over the sorted
   * positions runs in double lanes ({@link #weightedMedianOfSorted}, {@link #weightedTrimmedMeanOfSorted}).
   * Sorting networks carrying the weights and a tie-breaking index would do ~n·log²n comparators of ~8 operations
   * each instead: no fewer at n ≤ 64, and much more code.
   */
  private static void weighted(boolean median, float[][] rows, double[] w, double a, double b, float[] out, int from,
      int to) {
    int n = rows.length;
    int lanes = S.length();
    int done = from + S.loopBound(to - from);
    if (done > from) {
      KernelScratch scratch = KernelScratch.get();
      float[] rank = scratch.weightedRank(n * lanes);
      double[] value = scratch.weightedValue(n * lanes);
      double[] weight = scratch.weightedWeight(n * lanes);
      for (int k = from; k < done; k += lanes) {
        stableRanks(rows, k, rank);
        for (int i = 0; i < n; i++) {
          float[] row = rows[i];
          double wi = w[i];
          int o = i * lanes;
          for (int l = 0; l < lanes; l++) {
            int p = (int) rank[o + l] * lanes + l;
            value[p] = row[k + l];
            weight[p] = wi;
          }
        }
        for (int h = 0; h < lanes; h += D.length()) {
          if (median) {
            weightedMedianOfSorted(value, weight, n, a, h, out, k);
          } else {
            weightedTrimmedMeanOfSorted(value, weight, n, a, b, h, out, k);
          }
        }
      }
    }
    if (median) {
      ScalarCoordinateKernels.weightedMedianRange(rows, w, a, out, done, to);
    } else {
      ScalarCoordinateKernels.weightedTrimmedMeanRange(rows, w, a, b, out, done, to);
    }
  }

  /**
   * rank[i·lanes + l] = the position of worker i in the stable sort of lane l of the block at k (exact small
   * integers in float: no mask conversion between species). Two workers per pass over the rows, so that each
   * row's vector is loaded once for both and the two counts do not wait on each other.
   */
  private static void stableRanks(float[][] rows, int k, float[] rank) {
    int n = rows.length;
    int lanes = S.length();
    FloatVector one = FloatVector.broadcast(S, 1f);
    int i = 0;
    for (; i + 1 < n; i += 2) {
      FloatVector va = FloatVector.fromArray(S, rows[i], k);
      FloatVector vb = FloatVector.fromArray(S, rows[i + 1], k);
      FloatVector ra = FloatVector.zero(S);
      FloatVector rb = FloatVector.zero(S);
      for (int j = 0; j < i; j++) {
        FloatVector v = FloatVector.fromArray(S, rows[j], k);
        ra = ra.add(one, v.compare(VectorOperators.LE, va));
        rb = rb.add(one, v.compare(VectorOperators.LE, vb));
      }
      ra = ra.add(one, vb.compare(VectorOperators.LT, va));
      rb = rb.add(one, va.compare(VectorOperators.LE, vb));
      for (int j = i + 2; j < n; j++) {
        FloatVector v = FloatVector.fromArray(S, rows[j], k);
        ra = ra.add(one, v.compare(VectorOperators.LT, va));
        rb = rb.add(one, v.compare(VectorOperators.LT, vb));
      }
      ra.intoArray(rank, i * lanes);
      rb.intoArray(rank, (i + 1) * lanes);
    }
    if (i < n) { // the last worker: every other one comes before it in worker order
      FloatVector va = FloatVector.fromArray(S, rows[i], k);
      FloatVector ra = FloatVector.zero(S);
      for (int j = 0; j < i; j++) {
        ra = ra.add(one, FloatVector.fromArray(S, rows[j], k).compare(VectorOperators.LE, va));
      }
      ra.intoArray(rank, i * lanes);
    }
  }

  /**
   * {@link WeightedColumns#median} on lanes [h, h + D.length()) of a sorted block: the same running double sum, and
   * per lane the value at the first position where it reaches ≥ half (lo) and &gt; half (hi). Positions after a
   * lane has both are never read by the scalar loop and change nothing here.
   */
  private static void weightedMedianOfSorted(double[] value, double[] weight, int n, double half, int h, float[] out,
      int k) {
    int lanes = S.length();
    DoubleVector halfV = DoubleVector.broadcast(D, half);
    DoubleVector cum = DoubleVector.zero(D);
    DoubleVector lo = cum;
    DoubleVector hi = cum;
    VectorMask<Double> loFound = D.maskAll(false);
    VectorMask<Double> hiFound = loFound;
    for (int p = 0; p < n && !hiFound.allTrue(); p++) {
      int o = p * lanes + h;
      cum = cum.add(DoubleVector.fromArray(D, weight, o));
      DoubleVector v = DoubleVector.fromArray(D, value, o);
      VectorMask<Double> atLo = cum.compare(VectorOperators.GE, halfV).andNot(loFound);
      lo = lo.blend(v, atLo);
      loFound = loFound.or(atLo);
      VectorMask<Double> atHi = cum.compare(VectorOperators.GT, halfV).andNot(hiFound);
      hi = hi.blend(v, atHi);
      hiFound = hiFound.or(atHi);
    }
    ((FloatVector) lo.add(hi).div(2).convertShape(VectorOperators.D2F, HALF, 0)).intoArray(out, k + h);
  }

  /**
   * {@link WeightedColumns#trimmedMean} on lanes [h, h + D.length()) of a sorted block, consuming its weights: the
   * same peels (take = min(left, r), as Math.min) and the same sum in sorted order, unfused. The scalar peel stops
   * where left reaches 0; a lane that goes on takes min(0, r) = ±0, which changes no weight but the sign of a zero
   * one, and a ±0 weight adds ±0 to a sum that is never −0 (it starts at +0 and rounds to nearest): no effect.
   */
  private static void weightedTrimmedMeanOfSorted(double[] value, double[] weight, int n, double trim, double kept,
      int h, float[] out, int k) {
    int lanes = S.length();
    DoubleVector trimV = DoubleVector.broadcast(D, trim);
    DoubleVector zero = DoubleVector.zero(D);
    DoubleVector left = trimV;
    for (int p = 0; p < n && left.compare(VectorOperators.GT, zero).anyTrue(); p++) {
      int o = p * lanes + h;
      DoubleVector r = DoubleVector.fromArray(D, weight, o);
      DoubleVector take = left.min(r);
      r.sub(take).intoArray(weight, o);
      left = left.sub(take);
    }
    left = trimV;
    for (int p = n - 1; p >= 0 && left.compare(VectorOperators.GT, zero).anyTrue(); p--) {
      int o = p * lanes + h;
      DoubleVector r = DoubleVector.fromArray(D, weight, o);
      DoubleVector take = left.min(r);
      r.sub(take).intoArray(weight, o);
      left = left.sub(take);
    }
    DoubleVector sum = zero;
    for (int p = 0; p < n; p++) {
      int o = p * lanes + h;
      sum = sum.add(DoubleVector.fromArray(D, weight, o).mul(DoubleVector.fromArray(D, value, o)));
    }
    ((FloatVector) sum.div(kept).convertShape(VectorOperators.D2F, HALF, 0)).intoArray(out, k + h);
  }

  /** Coordinates per block of a ranged median up to 32 workers: 16 KiB of floats. */
  private static final int RANGE_BLOCK = 4096;
}
