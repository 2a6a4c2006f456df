package io.byzcheck.properties;

import java.util.Arrays;

/**
 * Per-check seeds derived from the master seed and the check's identity, so that adding a check does
 * not change the inputs of the others, and any single check is replayed from its printed seed.
 */
public final class Seeds {
  private Seeds() {}

  public static long derive(long master, Object... parts) {
    long h = master ^ 0x9E3779B97F4A7C15L;
    h = mix(h + Arrays.deepHashCode(parts));
    return h;
  }

  /** SplitMix64's finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
