package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.ByzantineInputException;
import io.byzcheck.kernels.ScreeningRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;
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
    Checks.atLeast("bucketing (Karimireddy, He & Jaggi 2022)", "s", bucketSize, 1);
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
  public AggregationRule then(AggregationRule rule) {
    Bucketing pre = this;
    return new ScreeningRule() {
      @Override
      public String name() {
        return rule.name() + "∘" + pre.name();
      }

      @Override
      protected void aggregateFinite(WorkerVectors finite, int f, float[] out) {
        WorkerVectors buckets = pre.apply(finite, f);
        try {
          rule.aggregate(buckets, f, out);
        } catch (ByzantineInputException e) {
          throw e; // the non-finite policy, not a constraint of the rule after
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(pre.name() + " turns n = " + finite.n() + " workers into " + buckets.n()
              + " buckets, and " + rule.name() + " runs on those " + buckets.n() + " buckets with f = " + f + ": "
              + e.getMessage(), e);
        }
      }
    };
  }

  /**
   * The next permutation of {0, …, n − 1} from the stream: Fisher–Yates from the top. Public as part of the
   * rule's definition, so that its reference ({@code BucketingReference}) draws the same shuffle.
   */
  public static int[] permutation(SplittableRandom random, int n) {
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
    return perm;
  }

  @Override
  public WorkerVectors apply(WorkerVectors finite, int f) {
    int n = finite.n();
    int[] perm = permutation(random, n);
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
