package io.byzcheck.properties.stats;

/**
 * The seed of trial i of a check: SplitMix64 (Steele, Lea &amp; Flood 2014) over the check's seed and the trial
 * index, so that trial i gets the same seed whichever thread runs it and however many trials there are.
 */
public final class TrialSeeds {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private TrialSeeds() {}

  /** The seed of trial {@code index} (≥ 0) of the check seeded with {@code checkSeed}. */
  public static long of(long checkSeed, long index) {
    if (index < 0) {
      throw new IllegalArgumentException("a trial index is ≥ 0, got " + index);
    }
    return mix(checkSeed + (index + 1) * GOLDEN);
  }

  /** SplitMix64's output function. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
