package io.byzcheck.kernels;

import java.util.SplittableRandom;
import java.util.TreeSet;

/** Awkward sizes and seeded inputs for cross-implementation tests. */
public final class Awkward {
  /** Master seed; replay a failure with -Dbyzcheck.seed=… (printed in every assertion message). */
  public static final long SEED = Long.getLong("byzcheck.seed", 20261124L);

  private Awkward() {}

  /** d = 1, 2, 3, primes, and lanes − 1, lanes, lanes + 1 for every float lane count 4, 8, 16. */
  public static int[] dimensions() {
    TreeSet<Integer> ds = new TreeSet<>();
    for (int v : new int[] {1, 2, 3, 5, 7, 17, 31, 67, 101}) {
      ds.add(v);
    }
    for (int lanes : new int[] {4, 8, 16}) {
      ds.add(lanes - 1);
      ds.add(lanes);
      ds.add(lanes + 1);
      ds.add(2 * lanes + 1);
    }
    return ds.stream().mapToInt(Integer::intValue).toArray();
  }

  /** n workers of dimension d, mixing scales and many ties, so order statistics are exercised. */
  public static WorkerVectors vectors(SplittableRandom rnd, int n, int d) {
    float[][] rows = new float[n][d];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        rows[i][k] = switch (rnd.nextInt(4)) {
          case 0 -> rnd.nextInt(-3, 4); // ties
          case 1 -> (float) rnd.nextGaussian();
          case 2 -> (float) (rnd.nextGaussian() * 1e6);
          default -> (float) (rnd.nextDouble() - 0.5) * 1e-3f;
        };
      }
    }
    return WorkerVectors.wrap(rows);
  }
}
