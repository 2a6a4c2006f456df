package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.WorkerVectors;
import java.util.SplittableRandom;

/**
 * Bucketing (Karimireddy, He &amp; Jaggi 2022): shuffle the n inputs with a seeded permutation, split
 * them into ⌈n/s⌉ buckets of s (the last may be smaller) and replace each bucket by its average. The
 * permutation stream is reproducible from the seed: the k-th call uses the k-th permutation. Instances
 * are therefore stateful and not thread-safe.
 */
public final class Bucketing implements PreAggregation {
  private final int s;
  private final SplittableRandom random;

  public Bucketing(int bucketSize, long seed) {
    if (bucketSize < 1) {
      throw new IllegalArgumentException("bucketing needs a bucket size s ≥ 1, got s = " + bucketSize);
    }
    this.s = bucketSize;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public String name() {
    return "Bucketing(s=" + s + ")";
  }

  /**
   * This step then {@code rule}; the rule sees ⌈n/s⌉ buckets, so a constraint it reports on its n is
   * restated with the bucket count named as such (its own message says n for what is the bucket count).
   */
  @Override
  public io.byzcheck.kernels.AggregationRule then(io.byzcheck.kernels.AggregationRule rule) {
    io.byzcheck.kernels.AggregationRule composed = PreAggregation.super.then(rule);
    Bucketing pre = this;
    return new io.byzcheck.kernels.AggregationRule() {
      @Override
      public String name() {
        return composed.name();
      }

      @Override
      public void aggregate(WorkerVectors x, int f, float[] out) {
        io.byzcheck.kernels.FiniteWorkers.validate(x, f, out); // the caller's own mistakes, reported as such
        try {
          composed.aggregate(x, f, out);
        } catch (io.byzcheck.kernels.ByzantineInputException e) {
          throw e; // the non-finite policy on the caller's workers, not a constraint of the rule after
        } catch (IllegalArgumentException e) {
          int buckets = (x.n() + pre.s - 1) / pre.s;
          throw new IllegalArgumentException(pre.name() + " turns n = " + x.n() + " workers into " + buckets
              + " buckets, and " + rule.name() + " runs on those " + buckets + " buckets with f = " + f + ": "
              + e.getMessage(), e);
        }
      }
    };
  }

  @Override
  public WorkerVectors apply(WorkerVectors finite, int f) {
    int n = finite.n();
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int buckets = (n + s - 1) / s;
    float[][] rows = Rows.of(finite);
    float[][] out = new float[buckets][];
    for (int b = 0; b < buckets; b++) {
      int[] members = java.util.Arrays.copyOfRange(perm, b * s, Math.min(n, (b + 1) * s));
      out[b] = new float[finite.d()];
      Combination.average(rows, members, out[b]);
    }
    return WorkerVectors.wrap(out);
  }
}
