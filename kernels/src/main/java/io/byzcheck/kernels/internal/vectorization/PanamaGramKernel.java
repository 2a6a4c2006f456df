package io.byzcheck.kernels.internal.vectorization;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API centred Gram matrix and combination pass.
 *
 * <p>Gram: per block of coordinates the median of the sample is taken in place ({@link BlockCentre}), the
 * rows are widened to double and centred there (exact for values near the reference, no overflow for any floats)
 * into one flat scratch block (rows a cache line apart beyond 4 KiB, so they do not alias in L1; zero
 * rows pad n to a multiple of 4), and every pair's dot product is accumulated with double FMAs on 4 × 4
 * register tiles (8 loads feeding 16 FMAs; diagonal tiles only their 10 pairs). A tile adds its
 * accumulators lane-wise into a per-tile buffer and the lanes are summed once at the end, first to last
 * ({@link #laneSum}: one order in interpreted and compiled code, unlike {@code reduceLanes}): reducing 16
 * vectors per tile per block, and the n mod 4 rows on narrower tiles, had kept the FMAs at ~55 % of
 * peak. The padding costs at most 3 rows of products; at n = 31 the tiles then run at ~85 % of the
 * machine's 2 FMAs per cycle. Float FMAs over short blocks were tried: their
 * accumulation error on ARCHITECTURE.md's case (d = 10⁶, all vectors ≈ 1 + 10⁻³ noise) reached
 * 5·10⁻⁸ on squared distances of 2, 25 times the 10⁻⁹ the distance tests demand.
 *
 * <p>Combination: per block of coordinates the rows are swept eight at a time, accumulating βᵢ(xᵢ − x_a)
 * in a double block that stays in cache (in registers when at most eight rows contribute), so d doubles are
 * never stored and every row is read exactly once.
 */
final class PanamaGramKernel implements GramKernel {
  private static final VectorSpecies<Float> F = PanamaSpecies.FLOAT;
  private static final VectorSpecies<Double> D = PanamaSpecies.DOUBLE;
  /** Floats with as many lanes as D, for rounding a double vector back to float lane for lane. */
  private static final VectorSpecies<Float> FH =
      VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
  static final int BLOCK = 512;
  /**
   * Coordinates per block of the combination pass: its double accumulator (128 KiB) stays in
   * L2, and each row is read in runs of 64 KiB, long enough for the hardware prefetcher; with blocks of
   * 512 the pass took 7.6 ms at n = 31, d = 10⁶, twice the mean's read of the same rows (5.4 ms now).
   */
  private static final int COMBINE_BLOCK = 16_384;
  /** Row stride of the centred block: a cache line more than BLOCK, so rows do not alias in the 4 KiB-periodic L1 sets. */
  private static final int STRIDE = BLOCK + 8;
  /** Doubles of lane sums per 4 × 4 tile: 16 entries of one vector each. */
  private static final int TILE = 16 * PanamaSpecies.DOUBLE.length();
  /** log₂ of the float lanes (at least 2: 128 bits): the levels of the ranking Gram's butterfly ({@link #pair}). */
  private static final int LEVELS = Integer.numberOfTrailingZeros(F.length());
  /** Per butterfly level k = 1 … LEVELS (stride lanes >> k): the lanes with the stride bit set; [0] unused. */
  private static final VectorMask<Float>[] UPPER = upperLanes();
  /** Per level: the exchange of lanes l and l ^ stride. */
  private static final VectorShuffle<Float>[] SWAP = swaps();
  /** The levels as constants that C2 folds ({@link #butterfly} says why). */
  private static final VectorMask<Float> U1 = UPPER[1];
  private static final VectorMask<Float> U2 = UPPER[2];
  private static final VectorShuffle<Float> S1 = SWAP[1];
  private static final VectorShuffle<Float> S2 = SWAP[2];
  /** Levels 3 and 4 (null where the lanes are fewer than 8 or 16: never used then). */
  private static final VectorMask<Float> U3 = LEVELS >= 3 ? UPPER[3] : null;
  private static final VectorMask<Float> U4 = LEVELS >= 4 ? UPPER[4] : null;
  private static final VectorShuffle<Float> S3 = LEVELS >= 3 ? SWAP[3] : null;
  private static final VectorShuffle<Float> S4 = LEVELS >= 4 ? SWAP[4] : null;
  /** Ranking-Gram sums per 4 × 4 tile: the floats its butterfly leaves, 16 or one vector if wider. */
  private static final int UNIT = Math.max(16, F.length());
  private static final int[] TILE_SLOT = slots(16);
  private static final int[] ROW_SLOT = slots(4);

  /** This kernel's part of the thread's {@link KernelScratch}. */
  static final class Buffers {
    final BlockCentre centre = new BlockCentre(BLOCK, PanamaMedianNetworks::median);
    /** The centred block in double, rows at STRIDE, padded with zero rows to a multiple of 4. */
    double[] y = new double[0];
    /** Per tile, per entry, the lane-wise sums over all blocks (reduced once at the end). */
    double[] lanes = new double[0];
    float[][] yf = new float[0][BLOCK];
    final double[] acc = new double[COMBINE_BLOCK];
    /** Zeros: what the first sweep of a block starts from. */
    final double[] zeros = new double[COMBINE_BLOCK];
    final double[] centreDouble = new double[BLOCK];
    float[][] used = new float[0][];
    double[] weights = new double[0];
    /** The ranking Gram's double sums over the blocks, per butterfly slot of each tile, row tile and dot ({@link #floatGram}). */
    double[] floatSums = new double[0];
    /** A tile's 16 float accumulators, stored for {@link #butterfly} (16 vectors, or 16 · lanes floats). */
    final float[] floatTile = new float[16 * F.length()];
    /** One double vector stored for its lanes to be summed in a fixed order ({@link #laneSum}). */
    final double[] laneSum = new double[D.length()];

    /** The centred block for p rows; the padding rows beyond the caller's n are zeroed here. */
    double[] centred(int n, int p) {
      if (y.length < p * STRIDE) {
        y = new double[p * STRIDE];
      }
      java.util.Arrays.fill(y, n * STRIDE, p * STRIDE, 0);
      return y;
    }

    double[] lanes(int tiles) {
      if (lanes.length < tiles * TILE) {
        lanes = new double[tiles * TILE];
      }
      java.util.Arrays.fill(lanes, 0, tiles * TILE, 0);
      return lanes;
    }

    double[] floatSums(int size) {
      if (floatSums.length < size) {
        floatSums = new double[size];
      }
      java.util.Arrays.fill(floatSums, 0, size, 0);
      return floatSums;
    }
  }

  @SuppressWarnings("unchecked")
  private static VectorMask<Float>[] upperLanes() {
    if (LEVELS < 2) {
      throw new IllegalStateException("the ranking Gram needs at least 4 float lanes, got " + F.length());
    }
    VectorMask<Float>[] m = new VectorMask[LEVELS + 1];
    for (int k = 1; k <= LEVELS; k++) {
      int s = F.length() >> k;
      boolean[] set = new boolean[F.length()];
      for (int l = 0; l < set.length; l++) {
        set[l] = (l & s) != 0;
      }
      m[k] = VectorMask.fromArray(F, set, 0);
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static VectorShuffle<Float>[] swaps() {
    VectorShuffle<Float>[] x = new VectorShuffle[LEVELS + 1];
    for (int k = 1; k <= LEVELS; k++) {
      int s = F.length() >> k;
      x[k] = VectorShuffle.fromOp(F, l -> l ^ s);
    }
    return x;
  }

  private static Buffers buffers() {
    KernelScratch k = KernelScratch.get();
    if (k.panamaGram == null) {
      k.panamaGram = new Buffers();
    }
    return k.panamaGram;
  }

  @Override
  public void gram(float[][] rows, float[][] sample, double[][] g, int start, int end) {
    int n = rows.length;
    int p = (n + 3) & ~3;
    int tiles = (p / 4) * (p / 4 + 1) / 2;
    Buffers s = buffers();
    double[] y = s.centred(n, p);
    double[] lanes = s.lanes(tiles);
    int fl = F.length();
    int half = D.length();
    for (int from = start; from < end; from += BLOCK) {
      int len = Math.min(BLOCK, end - from);
      float[] c = s.centre.centre(sample, from, len);
      int vlen = F.loopBound(len);
      int dlen = roundUp(len, half);
      // The centre in double once per block: the rows are centred in double, where x − c is exact for
      // close values and cannot overflow (in float, |x − c| above 3.4e38 became ±∞: a worker sending
      // values near the float range broke every distance rule on the vector path).
      double[] cd = s.centreDouble;
      for (int k = 0; k < vlen; k += fl) {
        FloatVector cv = FloatVector.fromArray(F, c, k);
        ((DoubleVector) cv.convertShape(VectorOperators.F2D, D, 0)).intoArray(cd, k);
        ((DoubleVector) cv.convertShape(VectorOperators.F2D, D, 1)).intoArray(cd, k + half);
      }
      for (int i = 0; i < n; i++) {
        float[] row = rows[i];
        int yi = i * STRIDE;
        for (int k = 0; k < vlen; k += fl) {
          FloatVector v = FloatVector.fromArray(F, row, from + k);
          ((DoubleVector) v.convertShape(VectorOperators.F2D, D, 0)).sub(DoubleVector.fromArray(D, cd, k))
              .intoArray(y, yi + k);
          ((DoubleVector) v.convertShape(VectorOperators.F2D, D, 1)).sub(DoubleVector.fromArray(D, cd, k + half))
              .intoArray(y, yi + k + half);
        }
        for (int k = vlen; k < len; k++) {
          y[yi + k] = (double) row[from + k] - c[k];
        }
        // The last partial vector is read whole: clear the stale values beyond len.
        java.util.Arrays.fill(y, yi + len, yi + dlen, 0);
      }
      int t = 0;
      for (int ib = 0; ib < p; ib += 4) {
        diagonalTile(y, ib * STRIDE, dlen, lanes, TILE * t++);
        for (int jb = ib + 4; jb < p; jb += 4) {
          tile(y, ib * STRIDE, jb * STRIDE, dlen, lanes, TILE * t++);
        }
      }
    }
    // Each entry's lanes summed once at the end; padding rows (all zero) are dropped here.
    int t = 0;
    for (int ib = 0; ib < p; ib += 4) {
      for (int jb = ib; jb < p; jb += 4, t++) {
        for (int a = 0; a < 4; a++) {
          for (int b = 0; b < 4; b++) {
            int i = ib + a;
            int j = jb + b;
            if (i < n && j < n && i <= j) {
              g[i][j] = laneSum(lanes, TILE * t + (4 * a + b) * half, half);
            }
          }
        }
      }
    }
    ScalarGramKernel.symmetrise(g);
  }

  /**
   * The ranking Gram: as {@link #gram} but with float FMAs, twice the lanes. Each lane sums
   * {@value #BLOCK}/lanes products in float per block; per block, a tile's 16 entries have their lanes summed
   * together by a butterfly of lane-wise adds ({@link #pair}: lanes l and l ^ s for s = lanes/2, …, 1, the same
   * order in every JIT mode, unlike {@code reduceLanes}) and each entry's block sum is added in double over the
   * blocks, so the error has the proven bound of {@link #floatGramErrorFactor}. (Summing each entry's lanes in
   * double instead, kept per entry over all blocks, cost Krum* 24 % at n = 15 and 36 % at n = 64, d = 10⁶: 10
   * stores and adds per entry per block, and at n = 64 a 256 KiB sweep per block.)
   */
  @Override
  public void floatGram(float[][] rows, float[][] sample, double[][] g, int start, int end) {
    int n = rows.length;
    Buffers s = buffers();
    if (s.yf.length < n) {
      s.yf = new float[n][BLOCK];
    }
    float[][] y = s.yf;
    float[] f = s.floatTile;
    int lanes = F.length();
    int full = n & ~3;
    int p4 = full / 4;
    int rowSums = p4 * p4 * UNIT;
    int dotSums = rowSums + (n - full) * p4 * lanes;
    double[] sums = s.floatSums(dotSums + 16 * lanes);
    for (int from = start; from < end; from += BLOCK) {
      int len = Math.min(BLOCK, end - from);
      float[] c = s.centre.centre(sample, from, len);
      int vlen = F.loopBound(len);
      int flen = roundUp(len, lanes);
      for (int i = 0; i < n; i++) {
        float[] row = rows[i];
        float[] yi = y[i];
        for (int k = 0; k < vlen; k += lanes) {
          FloatVector.fromArray(F, row, from + k).sub(FloatVector.fromArray(F, c, k)).intoArray(yi, k);
        }
        for (int k = vlen; k < len; k++) {
          yi[k] = row[from + k] - c[k];
        }
        java.util.Arrays.fill(yi, len, flen, 0);
      }
      for (int ib = 0; ib < full; ib += 4) {
        floatDiagonalTile(y, ib, flen, f, sums, (ib / 4 * p4 + ib / 4) * UNIT);
        for (int jb = ib + 4; jb < full; jb += 4) {
          floatTile(y, ib, jb, flen, f, sums, (ib / 4 * p4 + jb / 4) * UNIT);
        }
      }
      for (int i = full; i < n; i++) {
        for (int jb = 0; jb < full; jb += 4) {
          floatRowTile(y, i, jb, flen, f, sums, rowSums + ((i - full) * p4 + jb / 4) * lanes);
        }
        for (int j = full; j <= i; j++) {
          floatDot(y[i], y[j], flen, f, sums, dotSums + ((i - full) * 4 + (j - full)) * lanes);
        }
      }
    }
    for (int ib = 0; ib < full; ib += 4) {
      for (int jb = ib; jb < full; jb += 4) {
        int at = (ib / 4 * p4 + jb / 4) * UNIT;
        for (int e = 0; e < 16; e++) {
          if (ib + e / 4 <= jb + e % 4) {
            g[ib + e / 4][jb + e % 4] = sums[at + TILE_SLOT[e]];
          }
        }
      }
    }
    for (int i = full; i < n; i++) {
      for (int jb = 0; jb < full; jb += 4) {
        for (int t = 0; t < 4; t++) {
          g[jb + t][i] = sums[rowSums + ((i - full) * p4 + jb / 4) * lanes + ROW_SLOT[t]];
        }
      }
      for (int j = full; j <= i; j++) {
        g[j][i] = sums[dotSums + ((i - full) * 4 + (j - full)) * lanes];
      }
    }
    ScalarGramKernel.symmetrise(g);
  }

  private static void floatDiagonalTile(float[][] y, int ib, int flen, float[] f, double[] sums, int at) {
    FloatVector c00 = FloatVector.zero(F);
    FloatVector c01 = FloatVector.zero(F);
    FloatVector c02 = FloatVector.zero(F);
    FloatVector c03 = FloatVector.zero(F);
    FloatVector c11 = FloatVector.zero(F);
    FloatVector c12 = FloatVector.zero(F);
    FloatVector c13 = FloatVector.zero(F);
    FloatVector c22 = FloatVector.zero(F);
    FloatVector c23 = FloatVector.zero(F);
    FloatVector c33 = FloatVector.zero(F);
    float[] y0 = y[ib];
    float[] y1 = y[ib + 1];
    float[] y2 = y[ib + 2];
    float[] y3 = y[ib + 3];
    for (int k = 0; k < flen; k += F.length()) {
      FloatVector a0 = FloatVector.fromArray(F, y0, k);
      FloatVector a1 = FloatVector.fromArray(F, y1, k);
      FloatVector a2 = FloatVector.fromArray(F, y2, k);
      FloatVector a3 = FloatVector.fromArray(F, y3, k);
      c00 = PanamaSpecies.fma(a0, a0, c00);
      c01 = PanamaSpecies.fma(a0, a1, c01);
      c02 = PanamaSpecies.fma(a0, a2, c02);
      c03 = PanamaSpecies.fma(a0, a3, c03);
      c11 = PanamaSpecies.fma(a1, a1, c11);
      c12 = PanamaSpecies.fma(a1, a2, c12);
      c13 = PanamaSpecies.fma(a1, a3, c13);
      c22 = PanamaSpecies.fma(a2, a2, c22);
      c23 = PanamaSpecies.fma(a2, a3, c23);
      c33 = PanamaSpecies.fma(a3, a3, c33);
    }
    // Stored as a full tile's entries 4a + b; the six below the diagonal are zeros (pair(0, 0) = 0).
    FloatVector z = FloatVector.zero(F);
    c00.intoArray(f, 0 * F.length());
    c01.intoArray(f, 1 * F.length());
    c02.intoArray(f, 2 * F.length());
    c03.intoArray(f, 3 * F.length());
    z.intoArray(f, 4 * F.length());
    c11.intoArray(f, 5 * F.length());
    c12.intoArray(f, 6 * F.length());
    c13.intoArray(f, 7 * F.length());
    z.intoArray(f, 8 * F.length());
    z.intoArray(f, 9 * F.length());
    c22.intoArray(f, 10 * F.length());
    c23.intoArray(f, 11 * F.length());
    z.intoArray(f, 12 * F.length());
    z.intoArray(f, 13 * F.length());
    z.intoArray(f, 14 * F.length());
    c33.intoArray(f, 15 * F.length());
    butterfly(f, 16, sums, at);
  }

  /**
   * ‖xᵢ − xⱼ‖² from {@link #floatGram} is within factor·(G̃ᵢᵢ + G̃ⱼⱼ) of the exact value: with K roundings
   * per block sum (products per lane, then the butterfly's log₂(lanes) ≤ lanes − 1 float additions) and u = 2⁻²⁴, each entry errs by at most K·u·Σ|yᵢyⱼ| ≤ K·u·√(GᵢᵢGⱼⱼ) (FMA sums,
   * Cauchy–Schwarz), so the distance by 2K·u·(Gᵢᵢ + Gⱼⱼ); the float centring yᵢ = fl(xᵢ − c) adds
   * 4u·(Gᵢᵢ + Gⱼⱼ); 1% covers G̃ for G, the last term the double sums over d/BLOCK blocks.
   */
  @Override
  public double floatGramErrorFactor(int d) {
    // Products per lane, plus lanes − 1 roundings for the float reduction of the lanes (any order; the butterfly
    // needs only log₂(lanes) of them, the rest is a margin kept so that the certified decisions stay as they were).
    int k = BLOCK / F.length() + F.length() - 1;
    return 1.01 * (2.0 * k + 4) * 0x1p-24 + 4.0 * (d / (double) BLOCK + 64) * 0x1p-53;
  }

  /** Four entries per distance, each with at most d FMAs and (d/BLOCK + 1)·lanes reduction steps. */
  @Override
  public double floatGramErrorFloor(int d) {
    return 4.0 * 1.01 * (d + (d / (double) BLOCK + 1) * F.length()) * 0x1p-150;
  }

  /**
   * An off-diagonal 4 × 4 tile over one block: rows at offsets a and b of y, each entry's lane sums added
   * into lanes[at …] (summed across lanes only once, at the end). A method of its own: inlined into the
   * block loop, the vector code made C2 give up on intrinsics (boxed vectors, gigabytes per call) in
   * fresh JVMs at n = 64.
   */
  private static void tile(double[] y, int a, int b, int dlen, double[] lanes, int at) {
    final int half = D.length(); // a constant stride: lets C2 drop the range checks
    DoubleVector c00 = DoubleVector.zero(D);
    DoubleVector c01 = DoubleVector.zero(D);
    DoubleVector c02 = DoubleVector.zero(D);
    DoubleVector c03 = DoubleVector.zero(D);
    DoubleVector c10 = DoubleVector.zero(D);
    DoubleVector c11 = DoubleVector.zero(D);
    DoubleVector c12 = DoubleVector.zero(D);
    DoubleVector c13 = DoubleVector.zero(D);
    DoubleVector c20 = DoubleVector.zero(D);
    DoubleVector c21 = DoubleVector.zero(D);
    DoubleVector c22 = DoubleVector.zero(D);
    DoubleVector c23 = DoubleVector.zero(D);
    DoubleVector c30 = DoubleVector.zero(D);
    DoubleVector c31 = DoubleVector.zero(D);
    DoubleVector c32 = DoubleVector.zero(D);
    DoubleVector c33 = DoubleVector.zero(D);
    for (int k = 0; k < dlen; k += half) {
      DoubleVector a0 = DoubleVector.fromArray(D, y, a + k);
      DoubleVector a1 = DoubleVector.fromArray(D, y, a + STRIDE + k);
      DoubleVector a2 = DoubleVector.fromArray(D, y, a + 2 * STRIDE + k);
      DoubleVector a3 = DoubleVector.fromArray(D, y, a + 3 * STRIDE + k);
      DoubleVector b0 = DoubleVector.fromArray(D, y, b + k);
      DoubleVector b1 = DoubleVector.fromArray(D, y, b + STRIDE + k);
      DoubleVector b2 = DoubleVector.fromArray(D, y, b + 2 * STRIDE + k);
      DoubleVector b3 = DoubleVector.fromArray(D, y, b + 3 * STRIDE + k);
      c00 = PanamaSpecies.fma(a0, b0, c00);
      c01 = PanamaSpecies.fma(a0, b1, c01);
      c02 = PanamaSpecies.fma(a0, b2, c02);
      c03 = PanamaSpecies.fma(a0, b3, c03);
      c10 = PanamaSpecies.fma(a1, b0, c10);
      c11 = PanamaSpecies.fma(a1, b1, c11);
      c12 = PanamaSpecies.fma(a1, b2, c12);
      c13 = PanamaSpecies.fma(a1, b3, c13);
      c20 = PanamaSpecies.fma(a2, b0, c20);
      c21 = PanamaSpecies.fma(a2, b1, c21);
      c22 = PanamaSpecies.fma(a2, b2, c22);
      c23 = PanamaSpecies.fma(a2, b3, c23);
      c30 = PanamaSpecies.fma(a3, b0, c30);
      c31 = PanamaSpecies.fma(a3, b1, c31);
      c32 = PanamaSpecies.fma(a3, b2, c32);
      c33 = PanamaSpecies.fma(a3, b3, c33);
    }
    c00.add(DoubleVector.fromArray(D, lanes, at + 0 * half)).intoArray(lanes, at + 0 * half);
    c01.add(DoubleVector.fromArray(D, lanes, at + 1 * half)).intoArray(lanes, at + 1 * half);
    c02.add(DoubleVector.fromArray(D, lanes, at + 2 * half)).intoArray(lanes, at + 2 * half);
    c03.add(DoubleVector.fromArray(D, lanes, at + 3 * half)).intoArray(lanes, at + 3 * half);
    c10.add(DoubleVector.fromArray(D, lanes, at + 4 * half)).intoArray(lanes, at + 4 * half);
    c11.add(DoubleVector.fromArray(D, lanes, at + 5 * half)).intoArray(lanes, at + 5 * half);
    c12.add(DoubleVector.fromArray(D, lanes, at + 6 * half)).intoArray(lanes, at + 6 * half);
    c13.add(DoubleVector.fromArray(D, lanes, at + 7 * half)).intoArray(lanes, at + 7 * half);
    c20.add(DoubleVector.fromArray(D, lanes, at + 8 * half)).intoArray(lanes, at + 8 * half);
    c21.add(DoubleVector.fromArray(D, lanes, at + 9 * half)).intoArray(lanes, at + 9 * half);
    c22.add(DoubleVector.fromArray(D, lanes, at + 10 * half)).intoArray(lanes, at + 10 * half);
    c23.add(DoubleVector.fromArray(D, lanes, at + 11 * half)).intoArray(lanes, at + 11 * half);
    c30.add(DoubleVector.fromArray(D, lanes, at + 12 * half)).intoArray(lanes, at + 12 * half);
    c31.add(DoubleVector.fromArray(D, lanes, at + 13 * half)).intoArray(lanes, at + 13 * half);
    c32.add(DoubleVector.fromArray(D, lanes, at + 14 * half)).intoArray(lanes, at + 14 * half);
    c33.add(DoubleVector.fromArray(D, lanes, at + 15 * half)).intoArray(lanes, at + 15 * half);
  }

  /** An off-diagonal 4 × 4 tile of the ranking Gram (a method of its own, as {@link #tile}). */
  private static void floatTile(float[][] y, int ib, int jb, int flen, float[] f, double[] sums, int at) {
      FloatVector c00 = FloatVector.zero(F);
      FloatVector c01 = FloatVector.zero(F);
      FloatVector c02 = FloatVector.zero(F);
      FloatVector c03 = FloatVector.zero(F);
      FloatVector c10 = FloatVector.zero(F);
      FloatVector c11 = FloatVector.zero(F);
      FloatVector c12 = FloatVector.zero(F);
      FloatVector c13 = FloatVector.zero(F);
      FloatVector c20 = FloatVector.zero(F);
      FloatVector c21 = FloatVector.zero(F);
      FloatVector c22 = FloatVector.zero(F);
      FloatVector c23 = FloatVector.zero(F);
      FloatVector c30 = FloatVector.zero(F);
      FloatVector c31 = FloatVector.zero(F);
      FloatVector c32 = FloatVector.zero(F);
      FloatVector c33 = FloatVector.zero(F);
      float[] y0 = y[ib];
      float[] y1 = y[ib + 1];
      float[] y2 = y[ib + 2];
      float[] y3 = y[ib + 3];
      float[] z0 = y[jb];
      float[] z1 = y[jb + 1];
      float[] z2 = y[jb + 2];
      float[] z3 = y[jb + 3];
      for (int k = 0; k < flen; k += F.length()) {
        FloatVector a0 = FloatVector.fromArray(F, y0, k);
        FloatVector a1 = FloatVector.fromArray(F, y1, k);
        FloatVector a2 = FloatVector.fromArray(F, y2, k);
        FloatVector a3 = FloatVector.fromArray(F, y3, k);
        FloatVector b0 = FloatVector.fromArray(F, z0, k);
        FloatVector b1 = FloatVector.fromArray(F, z1, k);
        FloatVector b2 = FloatVector.fromArray(F, z2, k);
        FloatVector b3 = FloatVector.fromArray(F, z3, k);
        c00 = PanamaSpecies.fma(a0, b0, c00);
        c01 = PanamaSpecies.fma(a0, b1, c01);
        c02 = PanamaSpecies.fma(a0, b2, c02);
        c03 = PanamaSpecies.fma(a0, b3, c03);
        c10 = PanamaSpecies.fma(a1, b0, c10);
        c11 = PanamaSpecies.fma(a1, b1, c11);
        c12 = PanamaSpecies.fma(a1, b2, c12);
        c13 = PanamaSpecies.fma(a1, b3, c13);
        c20 = PanamaSpecies.fma(a2, b0, c20);
        c21 = PanamaSpecies.fma(a2, b1, c21);
        c22 = PanamaSpecies.fma(a2, b2, c22);
        c23 = PanamaSpecies.fma(a2, b3, c23);
        c30 = PanamaSpecies.fma(a3, b0, c30);
        c31 = PanamaSpecies.fma(a3, b1, c31);
        c32 = PanamaSpecies.fma(a3, b2, c32);
        c33 = PanamaSpecies.fma(a3, b3, c33);
      }
      c00.intoArray(f, 0 * F.length());
      c01.intoArray(f, 1 * F.length());
      c02.intoArray(f, 2 * F.length());
      c03.intoArray(f, 3 * F.length());
      c10.intoArray(f, 4 * F.length());
      c11.intoArray(f, 5 * F.length());
      c12.intoArray(f, 6 * F.length());
      c13.intoArray(f, 7 * F.length());
      c20.intoArray(f, 8 * F.length());
      c21.intoArray(f, 9 * F.length());
      c22.intoArray(f, 10 * F.length());
      c23.intoArray(f, 11 * F.length());
      c30.intoArray(f, 12 * F.length());
      c31.intoArray(f, 13 * F.length());
      c32.intoArray(f, 14 * F.length());
      c33.intoArray(f, 15 * F.length());
      butterfly(f, 16, sums, at);
  }

  /** As {@link #rowTile}, in float (ranking Gram). */
  private static void floatRowTile(float[][] y, int i, int jb, int flen, float[] f, double[] sums, int at) {
    FloatVector c0 = FloatVector.zero(F);
    FloatVector c1 = FloatVector.zero(F);
    FloatVector c2 = FloatVector.zero(F);
    FloatVector c3 = FloatVector.zero(F);
    float[] yi = y[i];
    float[] z0 = y[jb];
    float[] z1 = y[jb + 1];
    float[] z2 = y[jb + 2];
    float[] z3 = y[jb + 3];
    for (int k = 0; k < flen; k += F.length()) {
      FloatVector a = FloatVector.fromArray(F, yi, k);
      c0 = PanamaSpecies.fma(a, FloatVector.fromArray(F, z0, k), c0);
      c1 = PanamaSpecies.fma(a, FloatVector.fromArray(F, z1, k), c1);
      c2 = PanamaSpecies.fma(a, FloatVector.fromArray(F, z2, k), c2);
      c3 = PanamaSpecies.fma(a, FloatVector.fromArray(F, z3, k), c3);
    }
    c0.intoArray(f, 0 * F.length());
    c1.intoArray(f, 1 * F.length());
    c2.intoArray(f, 2 * F.length());
    c3.intoArray(f, 3 * F.length());
    butterfly(f, 4, sums, at);
  }

  private static void floatDot(float[] a, float[] b, int flen, float[] f, double[] sums, int at) {
    FloatVector c = FloatVector.zero(F);
    for (int k = 0; k < flen; k += F.length()) {
      c = PanamaSpecies.fma(FloatVector.fromArray(F, a, k), FloatVector.fromArray(F, b, k), c);
    }
    c.intoArray(f, 0);
    butterfly(f, 1, sums, at);
  }

  /**
   * One level of the ranking Gram's butterfly at stride s (the set lanes of {@code upper} are those with bit s,
   * {@code swap} exchanges lanes l and l ^ s): lane l becomes src[l] + src[l ^ s], src = a where bit s of l is
   * clear, else b. An entry's lanes so end up summed pairwise, lanes/2 apart first, whatever the JIT does
   * (lane-wise adds have one result; float addition commutes), and two vectors of entries share the work. Small
   * enough to be inlined everywhere, so its vectors are never boxed.
   */
  private static FloatVector pair(FloatVector a, FloatVector b, VectorMask<Float> upper, VectorShuffle<Float> swap) {
    return a.blend(b, upper).add(b.blend(a, upper).rearrange(swap));
  }

  /**
   * The butterfly over the m vectors (16, 4 or 1) a tile stored at f[0 …], level by level: adjacent vectors
   * paired, a single one with itself; then the remaining vectors' lanes widened and added into sums[at …]. A
   * method of its own, arrays in: inside the tile methods C2 ran out of inlining budget and left blend and
   * rearrange to Java code that allocated (40 MB per Krum* call at n = 15, d = 10⁶), and a vector passed to a
   * method C2 does not inline is boxed. Masks and shuffles are static final constants for the same reason: C2
   * compiles a blend or rearrange to one instruction only when it knows their exact class. {@link #slots} runs
   * the same pairing on labels.
   */
  private static void butterfly(float[] f, int m, double[] sums, int at) {
    final int lanes = F.length();
    // Each level written out with its own constants, no helper taking a mask: where C2 did not inline such a
    // helper (its node budget spent), its blend and rearrange ran as allocating Java code.
    for (int p = 0; p < Math.max(1, m / 2); p++) {
      FloatVector a = FloatVector.fromArray(F, f, 2 * p * lanes % (m * lanes));
      pair(a, FloatVector.fromArray(F, f, (2 * p + 1) % m * lanes), U1, S1).intoArray(f, p * lanes);
    }
    m = Math.max(1, m / 2);
    for (int p = 0; p < Math.max(1, m / 2); p++) {
      FloatVector a = FloatVector.fromArray(F, f, 2 * p * lanes % (m * lanes));
      pair(a, FloatVector.fromArray(F, f, (2 * p + 1) % m * lanes), U2, S2).intoArray(f, p * lanes);
    }
    m = Math.max(1, m / 2);
    if (LEVELS >= 3) {
      for (int p = 0; p < Math.max(1, m / 2); p++) {
        FloatVector a = FloatVector.fromArray(F, f, 2 * p * lanes % (m * lanes));
        pair(a, FloatVector.fromArray(F, f, (2 * p + 1) % m * lanes), U3, S3).intoArray(f, p * lanes);
      }
      m = Math.max(1, m / 2);
    }
    if (LEVELS >= 4) {
      for (int p = 0; p < Math.max(1, m / 2); p++) {
        FloatVector a = FloatVector.fromArray(F, f, 2 * p * lanes % (m * lanes));
        pair(a, FloatVector.fromArray(F, f, (2 * p + 1) % m * lanes), U4, S4).intoArray(f, p * lanes);
      }
      m = Math.max(1, m / 2);
    }
    // More than 16 float lanes (no x86 CPU has them): one vector is left, paired with itself; correct, though
    // the masks come from arrays here.
    for (int k = 5; k <= LEVELS; k++) {
      FloatVector v = FloatVector.fromArray(F, f, 0);
      pair(v, v, UPPER[k], SWAP[k]).intoArray(f, 0);
    }
    final int half = D.length();
    for (int k = 0; k < m * lanes; k += lanes) {
      FloatVector c = FloatVector.fromArray(F, f, k);
      ((DoubleVector) c.convertShape(VectorOperators.F2D, D, 0)).add(DoubleVector.fromArray(D, sums, at + k))
          .intoArray(sums, at + k);
      ((DoubleVector) c.convertShape(VectorOperators.F2D, D, 1)).add(DoubleVector.fromArray(D, sums, at + k + half))
          .intoArray(sums, at + k + half);
    }
  }

  /**
   * Where the butterfly leaves each of m entries (m = 16: a tile's entry 4a + b; 4: a row tile's; 1: a dot): the
   * first slot (vector · lanes + lane) holding it, found by running {@link #butterfly}'s pairing on entry labels.
   */
  static int[] slots(int m) {
    int lanes = F.length();
    int[][] v = new int[m][lanes];
    for (int e = 0; e < m; e++) {
      java.util.Arrays.fill(v[e], e);
    }
    for (int k = 1; k <= LEVELS; k++) {
      int s = lanes >> k;
      int count = Math.max(1, v.length / 2);
      int[][] next = new int[count][lanes];
      for (int p = 0; p < count; p++) {
        int[] a = v[Math.min(2 * p, v.length - 1)];
        int[] b = v[Math.min(2 * p + 1, v.length - 1)];
        for (int l = 0; l < lanes; l++) {
          next[p][l] = ((l & s) == 0 ? a : b)[l];
        }
      }
      v = next;
    }
    int[] slot = new int[m];
    java.util.Arrays.fill(slot, -1);
    for (int i = v.length * lanes - 1; i >= 0; i--) {
      slot[v[i / lanes][i % lanes]] = i;
    }
    return slot;
  }

  /**
   * The count doubles at lanes[at …] summed from the first to the last. {@code reduceLanes(ADD)} leaves the
   * order of its additions to the implementation, and interpreted, C1 and C2 code do choose differently
   * (86 of 200 random 8-lane vectors summed to other last bits once C2 had compiled the call): a Gram entry,
   * and through it GM, CC, MDA and Krum, then depended on whether the kernel had been compiled yet, i.e. on
   * the JVM's warm state and the thread count. A scalar loop over stored lanes has one order in every mode.
   */
  static double laneSum(double[] lanes, int at, int count) {
    double s = lanes[at];
    for (int l = 1; l < count; l++) {
      s += lanes[at + l];
    }
    return s;
  }

  /** A diagonal tile: only its 10 upper pairs (4 loads, 10 FMAs), not the 16 of an off-diagonal one. */
  private static void diagonalTile(double[] y, int a, int dlen, double[] lanes, int at) {
    final int half = D.length();
    DoubleVector c00 = DoubleVector.zero(D);
    DoubleVector c01 = DoubleVector.zero(D);
    DoubleVector c02 = DoubleVector.zero(D);
    DoubleVector c03 = DoubleVector.zero(D);
    DoubleVector c11 = DoubleVector.zero(D);
    DoubleVector c12 = DoubleVector.zero(D);
    DoubleVector c13 = DoubleVector.zero(D);
    DoubleVector c22 = DoubleVector.zero(D);
    DoubleVector c23 = DoubleVector.zero(D);
    DoubleVector c33 = DoubleVector.zero(D);
    for (int k = 0; k < dlen; k += half) {
      DoubleVector a0 = DoubleVector.fromArray(D, y, a + k);
      DoubleVector a1 = DoubleVector.fromArray(D, y, a + STRIDE + k);
      DoubleVector a2 = DoubleVector.fromArray(D, y, a + 2 * STRIDE + k);
      DoubleVector a3 = DoubleVector.fromArray(D, y, a + 3 * STRIDE + k);
      c00 = PanamaSpecies.fma(a0, a0, c00);
      c01 = PanamaSpecies.fma(a0, a1, c01);
      c02 = PanamaSpecies.fma(a0, a2, c02);
      c03 = PanamaSpecies.fma(a0, a3, c03);
      c11 = PanamaSpecies.fma(a1, a1, c11);
      c12 = PanamaSpecies.fma(a1, a2, c12);
      c13 = PanamaSpecies.fma(a1, a3, c13);
      c22 = PanamaSpecies.fma(a2, a2, c22);
      c23 = PanamaSpecies.fma(a2, a3, c23);
      c33 = PanamaSpecies.fma(a3, a3, c33);
    }
    c00.add(DoubleVector.fromArray(D, lanes, at + 0 * half)).intoArray(lanes, at + 0 * half);
    c01.add(DoubleVector.fromArray(D, lanes, at + 1 * half)).intoArray(lanes, at + 1 * half);
    c02.add(DoubleVector.fromArray(D, lanes, at + 2 * half)).intoArray(lanes, at + 2 * half);
    c03.add(DoubleVector.fromArray(D, lanes, at + 3 * half)).intoArray(lanes, at + 3 * half);
    c11.add(DoubleVector.fromArray(D, lanes, at + 5 * half)).intoArray(lanes, at + 5 * half);
    c12.add(DoubleVector.fromArray(D, lanes, at + 6 * half)).intoArray(lanes, at + 6 * half);
    c13.add(DoubleVector.fromArray(D, lanes, at + 7 * half)).intoArray(lanes, at + 7 * half);
    c22.add(DoubleVector.fromArray(D, lanes, at + 10 * half)).intoArray(lanes, at + 10 * half);
    c23.add(DoubleVector.fromArray(D, lanes, at + 11 * half)).intoArray(lanes, at + 11 * half);
    c33.add(DoubleVector.fromArray(D, lanes, at + 15 * half)).intoArray(lanes, at + 15 * half);
  }

  private static int roundUp(int v, int m) {
    return (v + m - 1) / m * m;
  }

  @Override
  public double squaredDistance(float[] a, float[] b) {
    int bound = F.loopBound(a.length);
    DoubleVector acc0 = DoubleVector.zero(D);
    DoubleVector acc1 = DoubleVector.zero(D);
    for (int k = 0; k < bound; k += F.length()) {
      FloatVector va = FloatVector.fromArray(F, a, k);
      FloatVector vb = FloatVector.fromArray(F, b, k);
      DoubleVector lo = ((DoubleVector) va.convertShape(VectorOperators.F2D, D, 0))
          .sub((DoubleVector) vb.convertShape(VectorOperators.F2D, D, 0));
      DoubleVector hi = ((DoubleVector) va.convertShape(VectorOperators.F2D, D, 1))
          .sub((DoubleVector) vb.convertShape(VectorOperators.F2D, D, 1));
      acc0 = PanamaSpecies.fma(lo, lo, acc0);
      acc1 = PanamaSpecies.fma(hi, hi, acc1);
    }
    double[] sum = buffers().laneSum;
    acc0.add(acc1).intoArray(sum, 0);
    double s = laneSum(sum, 0, D.length());
    for (int k = bound; k < a.length; k++) {
      double e = (double) a[k] - b[k];
      s += e * e;
    }
    return s;
  }

  @Override
  public void squaredNorms(float[][] rows, double[] out, int from, int to) {
    double[] sum = buffers().laneSum;
    for (int i = 0; i < rows.length; i++) {
      float[] row = rows[i];
      int bound = from + F.loopBound(to - from);
      DoubleVector acc0 = DoubleVector.zero(D);
      DoubleVector acc1 = DoubleVector.zero(D);
      for (int k = from; k < bound; k += F.length()) {
        FloatVector v = FloatVector.fromArray(F, row, k);
        DoubleVector lo = (DoubleVector) v.convertShape(VectorOperators.F2D, D, 0);
        DoubleVector hi = (DoubleVector) v.convertShape(VectorOperators.F2D, D, 1);
        acc0 = PanamaSpecies.fma(lo, lo, acc0);
        acc1 = PanamaSpecies.fma(hi, hi, acc1);
      }
      acc0.add(acc1).intoArray(sum, 0);
      double s = laneSum(sum, 0, D.length());
      for (int k = bound; k < to; k++) {
        s += (double) row[k] * row[k];
      }
      out[i] = s;
    }
  }

  @Override
  public void combine(float[][] rows, double[] beta, int anchor, float[] out, int start, int end) {
    combine(rows, beta, anchor, out, start, end, false);
  }

  @Override
  public boolean combineIfFinite(float[][] rows, double[] beta, int anchor, float[] out) {
    return combine(rows, beta, anchor, out, 0, out.length, true);
  }

  /**
   * The combination over [start, end); with {@code check}, false if some coordinate of out is NaN or ±∞ (checked
   * per block while the block's results are still in cache, not by a second read of out from memory). Per block
   * of coordinates the rows are swept eight at a time into a double accumulator (in L2), each lane adding
   * βᵢ(xᵢ − x_a) for i in row order, the first sweep starting from zeros and the last one writing x_a + the sum
   * to out; when eight rows or fewer contribute, as for the Mean up to n = 9, one sweep goes straight to out and
   * the accumulator is never written. The anchor is widened from its floats in each sweep. Every lane runs the
   * same chain of FMAs, in the same order, as the sweeps of four rows with a stored anchor block did (the
   * rounding is unchanged; padding rows add exact zeros), with a quarter of their double traffic to L2 per row.
   */
  private static boolean combine(float[][] rows, double[] beta, int anchor, float[] out, int start, int end,
      boolean check) {
    Buffers s = buffers();
    // The rows that contribute, listed once: the inner loops then have no test per chunk.
    if (s.used.length < rows.length + 7) {
      s.used = new float[rows.length + 7][];
      s.weights = new double[rows.length + 7];
    }
    float[][] used = s.used;
    double[] weights = s.weights;
    float[] xa = rows[anchor];
    int m = 0;
    for (int i = 0; i < rows.length; i++) {
      if (beta[i] != 0 && i != anchor) {
        used[m] = rows[i];
        weights[m++] = beta[i];
      }
    }
    // Padded to a multiple of 8 (at least 8) with the anchor at weight 0: its difference is exactly 0.
    int padded = Math.max(8, (m + 7) & ~7);
    for (int i = m; i < padded; i++) {
      used[i] = xa;
      weights[i] = 0;
    }
    double[] acc = s.acc;
    boolean finite = true;
    for (int from = start; from < end; from += COMBINE_BLOCK) {
      int len = Math.min(COMBINE_BLOCK, end - from);
      int vlen = FH.loopBound(len);
      for (int i = 0; i < padded; i += 8) {
        sweep(used, weights, i, xa, i == 0 ? s.zeros : acc, acc, out, from, vlen, i + 8 == padded);
      }
      combineTail(used, weights, padded, xa, out, from, vlen, len);
      finite = finite && (!check || ScalarCoordinateKernels.finite(out, from, from + len));
    }
    java.util.Arrays.fill(used, 0, padded, null);
    return finite;
  }

  /**
   * One sweep over a block's vector part: rows used[i … i + 8), each lane starting from in[k] (zeros on a first
   * sweep, else the accumulator) and ending in the accumulator, or, last, in out = x_a + sum. Arrays in, nothing
   * out, and no vector merged across a branch: an earlier form that started from a zero vector on its first
   * sweep, or ran four rows only, had C2 box a vector per iteration in the parallel layer (240 kB per Krum* call).
   */
  private static void sweep(float[][] used, double[] weights, int i, float[] xa, double[] in, double[] acc,
      float[] out, int from, int vlen, boolean last) {
    int dl = D.length();
    float[] r0 = used[i];
    float[] r1 = used[i + 1];
    float[] r2 = used[i + 2];
    float[] r3 = used[i + 3];
    float[] r4 = used[i + 4];
    float[] r5 = used[i + 5];
    float[] r6 = used[i + 6];
    float[] r7 = used[i + 7];
    DoubleVector w0 = DoubleVector.broadcast(D, weights[i]);
    DoubleVector w1 = DoubleVector.broadcast(D, weights[i + 1]);
    DoubleVector w2 = DoubleVector.broadcast(D, weights[i + 2]);
    DoubleVector w3 = DoubleVector.broadcast(D, weights[i + 3]);
    DoubleVector w4 = DoubleVector.broadcast(D, weights[i + 4]);
    DoubleVector w5 = DoubleVector.broadcast(D, weights[i + 5]);
    DoubleVector w6 = DoubleVector.broadcast(D, weights[i + 6]);
    DoubleVector w7 = DoubleVector.broadcast(D, weights[i + 7]);
    for (int k = 0; k < vlen; k += dl) {
      int c = from + k;
      DoubleVector a = widen(xa, c);
      DoubleVector v = DoubleVector.fromArray(D, in, k);
      v = PanamaSpecies.fma(widen(r0, c).sub(a), w0, v);
      v = PanamaSpecies.fma(widen(r1, c).sub(a), w1, v);
      v = PanamaSpecies.fma(widen(r2, c).sub(a), w2, v);
      v = PanamaSpecies.fma(widen(r3, c).sub(a), w3, v);
      v = PanamaSpecies.fma(widen(r4, c).sub(a), w4, v);
      v = PanamaSpecies.fma(widen(r5, c).sub(a), w5, v);
      v = PanamaSpecies.fma(widen(r6, c).sub(a), w6, v);
      v = PanamaSpecies.fma(widen(r7, c).sub(a), w7, v);
      if (last) {
        ((FloatVector) a.add(v).convertShape(VectorOperators.D2F, FH, 0)).intoArray(out, c);
      } else {
        v.intoArray(acc, k);
      }
    }
  }

  /**
   * The coordinates [vlen, len) of a block that fill no vector, in scalar code, four rows per step as the
   * earlier sweeps of four did (the same roundings whatever the block).
   */
  private static void combineTail(float[][] used, double[] weights, int padded, float[] xa, float[] out,
      int from, int vlen, int len) {
    for (int k = vlen; k < len; k++) {
      double xd = xa[from + k];
      double v = 0;
      for (int i = 0; i < padded; i += 4) {
        v += weights[i] * ((double) used[i][from + k] - xd) + weights[i + 1] * ((double) used[i + 1][from + k] - xd)
            + weights[i + 2] * ((double) used[i + 2][from + k] - xd)
            + weights[i + 3] * ((double) used[i + 3][from + k] - xd);
      }
      out[from + k] = (float) (xd + v);
    }
  }

  private static DoubleVector widen(float[] row, int k) {
    return (DoubleVector) FloatVector.fromArray(FH, row, k).convertShape(VectorOperators.F2D, D, 0);
  }
}
