package io.byzcheck.kernels.reference;

import io.byzcheck.kernels.rules.Bucketing;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Bucketing from its definition (Karimireddy, He &amp; Jaggi 2022, Alg. 1): the inputs in a seeded random
 * order ({@link Bucketing#permutation}, the k-th call the k-th permutation of the stream, so that it draws
 * the rule's shuffle: the randomness is part of the definition, not of the arithmetic under test), buckets
 * of s consecutive permuted inputs (the last may be smaller), each replaced by its average in double.
 */
public final class BucketingReference implements PreAggregationReference {
  private final int s;
  private final SplittableRandom random;

  public BucketingReference(int bucketSize, long seed) {
    this.s = bucketSize;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public String name() {
    return "Bucketing(s=" + s + ") (reference)";
  }

  @Override
  public double[][] applyExact(double[][] x, int f) {
    int n = x.length;
    int[] perm = Bucketing.permutation(random, n);
    double[][] buckets = new double[(n + s - 1) / s][];
    for (int b = 0; b < buckets.length; b++) {
      buckets[b] = Geometry.mean(x, Arrays.copyOfRange(perm, b * s, Math.min(n, (b + 1) * s)));
    }
    return buckets;
  }
}
