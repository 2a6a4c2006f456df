package io.byzcheck.kernels.rules;

import java.util.SplittableRandom;

/**
 * The randomness of the randomised rules (DnC's coordinate subsets, SignGuard's coordinate block), reproducible and
 * independent of threads: a rule's seed mixed with a hash of the round's input — each row's float bits hashed, the
 * row hashes mixed and summed, so that the workers' order does not matter — then one {@link SplittableRandom}
 * stream per use. The same input and seed draw the same coordinates on every thread and in every run, and a new
 * round (a new input) draws new ones, as the papers' servers do each round. Public so that the references draw the
 * same coordinates.
 */
public final class RoundSeed {
  private RoundSeed() {}

  /** The round's seed for finite float rows. */
  public static long of(long seed, float[][] rows) {
    return of(seed, rows, null);
  }

  /**
   * {@link #of(long, float[][])}, and, if {@code finite} is not null, into finite[0] whether every value is finite
   * (no NaN or ±∞), checked in the same pass: a randomised rule's non-finite screen without a read of its own.
   */
  static long of(long seed, float[][] rows, boolean[] finite) {
    long sum = 0;
    int[] exponent = finite == null ? null : new int[1];
    for (float[] row : rows) {
      sum += mix(hash(row, exponent));
    }
    if (finite != null) {
      finite[0] = exponent[0] != EXPONENT;
    }
    return mix(seed ^ mix(sum));
  }

  /** Exponent bits of a float: all ones exactly for NaN and ±∞. */
  private static final int EXPONENT = 0x7f800000;

  /**
   * A polynomial hash of the row's float bits in four interleaved lanes (coordinates k ≡ 0, 1, 2, 3 mod 4), so that
   * the multiply-adds do not wait on each other: one pass at near the speed of a read.
   */
  private static long hash(float[] row, int[] exponent) {
    long h0 = 1;
    long h1 = 2;
    long h2 = 3;
    long h3 = 4;
    // The largest exponent field read, an integer max beside the hash (floatToIntBits keeps NaN's all-ones exponent).
    int e = 0;
    int k = 0;
    for (; k + 3 < row.length; k += 4) {
      int b0 = Float.floatToIntBits(row[k]);
      int b1 = Float.floatToIntBits(row[k + 1]);
      int b2 = Float.floatToIntBits(row[k + 2]);
      int b3 = Float.floatToIntBits(row[k + 3]);
      h0 = 31 * h0 + b0;
      h1 = 31 * h1 + b1;
      h2 = 31 * h2 + b2;
      h3 = 31 * h3 + b3;
      e = Math.max(e, Math.max(Math.max(b0 & EXPONENT, b1 & EXPONENT), Math.max(b2 & EXPONENT, b3 & EXPONENT)));
    }
    for (; k < row.length; k++) {
      int b = Float.floatToIntBits(row[k]);
      h0 = 31 * h0 + b;
      e = Math.max(e, b & EXPONENT);
    }
    if (exponent != null) {
      exponent[0] = Math.max(exponent[0], e);
    }
    return mix(h0) ^ mix(h1 + 0x9E3779B97F4A7C15L) ^ mix(h2 - 0x9E3779B97F4A7C15L) ^ Long.rotateLeft(mix(h3), 17)
        ^ row.length;
  }

  /** As {@link #of(long, float[][])} for double rows holding float values (the references'). */
  public static long of(long seed, double[][] rows) {
    float[][] f = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      f[i] = new float[rows[i].length];
      for (int k = 0; k < f[i].length; k++) {
        f[i][k] = (float) rows[i][k];
      }
    }
    return of(seed, f);
  }

  /** Use {@code use}'s stream of the round (an iteration, a draw). */
  public static SplittableRandom stream(long roundSeed, int use) {
    return new SplittableRandom(mix(roundSeed + 0x9E3779B97F4A7C15L * (use + 1)));
  }

  /** SplitMix64's finaliser (Steele, Lea &amp; Flood 2014). */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
