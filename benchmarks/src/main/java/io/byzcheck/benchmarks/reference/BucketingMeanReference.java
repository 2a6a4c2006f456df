package io.byzcheck.benchmarks.reference;

import io.byzcheck.kernels.reference.Geometry;
import io.byzcheck.kernels.reference.ReferenceRule;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Bucketing then the mean, from the definition (Karimireddy, He &amp; Jaggi 2022, Alg. 1): a
 * Fisher–Yates permutation drawn from the seeded stream (the k-th call the k-th permutation, as the
 * fast pre-aggregation draws them), buckets of s consecutive permuted inputs (the last may be
 * smaller), each replaced by its average in double, then the average of the buckets.
 */
public final class BucketingMeanReference implements ReferenceRule {
  private final int s;
  private final SplittableRandom random;

  public BucketingMeanReference(int bucketSize, long seed) {
    this.s = bucketSize;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public String name() {
    return "Mean∘Bucketing(s=" + s + ") (reference)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    int n = x.length;
    int[] perm = Averages.all(n);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int buckets = (n + s - 1) / s;
    double[][] averaged = new double[buckets][];
    for (int b = 0; b < buckets; b++) {
      averaged[b] = Geometry.mean(x, Arrays.copyOfRange(perm, b * s, Math.min(n, (b + 1) * s)));
    }
    return Geometry.mean(averaged, Averages.all(buckets));
  }
}
