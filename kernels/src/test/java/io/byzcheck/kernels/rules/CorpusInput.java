package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.WorkerVectors;
import java.util.SplittableRandom;

/**
 * One input of the adversarial corpus (issue 11), generated from its seed alone so that a failure replays
 * from the seed: n = 3…65 workers (mostly small), d = 1…100 003 (mostly small, lane boundaries often),
 * one of the families below, then with probability 1/4 some rows made non-finite (NaN, ±∞ in random
 * coordinates; as many as f or one more than f), and with probability 1/25 a bad f.
 *
 * @param family the family name, for the report
 * @param x the workers (non-finite rows included)
 * @param f the Byzantine budget the rules are called with (bad when {@code badF})
 * @param nonFinite the number of rows holding NaN or ±∞
 */
record CorpusInput(long seed, String family, WorkerVectors x, int f, int nonFinite, boolean badF) {

  static final String[] FAMILIES = {"gaussian", "outliers", "ties", "collinear", "offset", "subnormal", "mixed",
      "huge"};

  private static final int[] LANE_EDGES = {1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65};

  /** @param maxD the largest dimension drawn (100 003 at full size) */
  static CorpusInput of(long seed, int maxD) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 3 + (rnd.nextInt(5) == 0 ? rnd.nextInt(63) : rnd.nextInt(14));
    int d;
    int u = rnd.nextInt(1000);
    if (u < 300) {
      d = LANE_EDGES[rnd.nextInt(LANE_EDGES.length)];
    } else if (u < 800) {
      d = 1 + rnd.nextInt(100);
    } else if (u < 985) {
      d = 100 + rnd.nextInt(2000);
    } else {
      d = Math.min(maxD, 2000 + rnd.nextInt(98_004)); // up to 100 003
      n = Math.min(n, 3 + rnd.nextInt(10)); // large d with small n: the corpus stays within its time
    }
    d = Math.min(d, maxD);
    String family = FAMILIES[rnd.nextInt(FAMILIES.length)];
    float[][] rows = rows(rnd, family, n, d);
    int f = rnd.nextInt((n + 1) / 2); // 0 ≤ f < n/2
    int bad = 0;
    if (rnd.nextInt(4) == 0) {
      bad = rnd.nextInt(3) == 0 ? f + 1 : 1 + rnd.nextInt(Math.max(1, f));
      bad = Math.min(bad, n - 1);
      int[] perm = Bucketing.permutation(rnd, n);
      for (int t = 0; t < bad; t++) {
        float[] row = rows[perm[t]];
        int hits = 1 + rnd.nextInt(3);
        for (int h = 0; h < hits; h++) {
          row[rnd.nextInt(d)] = switch (rnd.nextInt(3)) {
            case 0 -> Float.NaN;
            case 1 -> Float.POSITIVE_INFINITY;
            default -> Float.NEGATIVE_INFINITY;
          };
        }
      }
    }
    boolean badF = rnd.nextInt(25) == 0;
    if (badF) {
      f = switch (rnd.nextInt(3)) {
        case 0 -> -1 - rnd.nextInt(3);
        case 1 -> (n + 1) / 2 + rnd.nextInt(Math.max(1, n / 2)); // f ≥ n/2 (may reach n)
        default -> n + rnd.nextInt(3);
      };
    }
    return new CorpusInput(seed, family, WorkerVectors.wrap(rows), f, bad, badF);
  }

  private static float[][] rows(SplittableRandom rnd, String family, int n, int d) {
    float[][] rows = new float[n][d];
    switch (family) {
      case "gaussian" -> fill(rows, (i, k) -> rnd.nextGaussian());
      case "outliers" -> {
        double far = Math.pow(10, 1 + rnd.nextInt(30));
        fill(rows, (i, k) -> rnd.nextGaussian() * (i % 4 == 3 ? far : 1));
      }
      case "ties" -> fill(rows, (i, k) -> rnd.nextInt(-3, 4));
      case "collinear" -> {
        double[] a = gaussian(rnd, d);
        double[] v = gaussian(rnd, d);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
          t[i] = rnd.nextInt(3) == 0 ? rnd.nextInt(-2, 3) : rnd.nextGaussian();
        }
        fill(rows, (i, k) -> a[k] + t[i] * v[k]);
      }
      case "offset" -> {
        double offset = (rnd.nextBoolean() ? 1 : -1) * Math.pow(10, rnd.nextInt(3, 31));
        double spread = Math.pow(10, -rnd.nextInt(2, 7));
        fill(rows, (i, k) -> offset * (1 + spread * rnd.nextGaussian()));
      }
      case "subnormal" -> fill(rows, (i, k) -> rnd.nextInt(4) == 0 ? Float.MIN_VALUE * rnd.nextInt(-8, 9)
          : Float.MIN_NORMAL * (rnd.nextDouble() - 0.5) * 2);
      case "mixed" -> {
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
          scale[i] = Math.pow(10, rnd.nextDouble(-5, 18));
        }
        fill(rows, (i, k) -> scale[i] * rnd.nextGaussian() / Math.sqrt(d));
      }
      case "huge" -> {
        // Values near the float range: |x − coordinate-wise median| beyond 3.4e38 (issue 11's example).
        fill(rows, (i, k) -> {
          double c = rnd.nextInt(3) == 0 ? -3e38 : rnd.nextDouble(2.5e38, 3.4e38);
          return rnd.nextInt(8) == 0 ? rnd.nextGaussian() * 1e37 : c;
        });
      }
      default -> throw new IllegalStateException(family);
    }
    return rows;
  }

  private interface Value {
    double at(int i, int k);
  }

  private static void fill(float[][] rows, Value v) {
    for (int i = 0; i < rows.length; i++) {
      for (int k = 0; k < rows[i].length; k++) {
        float x = (float) v.at(i, k);
        rows[i][k] = Float.isFinite(x) ? x : Math.copySign(Float.MAX_VALUE, x);
      }
    }
  }

  private static double[] gaussian(SplittableRandom rnd, int d) {
    double[] g = new double[d];
    for (int k = 0; k < d; k++) {
      g[k] = rnd.nextGaussian();
    }
    return g;
  }
}
