package io.byzcheck.kernels;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The weighted median and trimmed mean by mass written plainly from the rules' definitions
 * ({@code WeightedCoordinateWiseMedian}, {@code WeightedTrimmedMean}; Yin et al. 2018 Def. 1 and 2 by mass), for
 * bit-exact comparison with every kernel: the order is a library stable sort of the workers by value compared with
 * {@code <} (so −0.0 and 0.0 tie and keep worker order), not the kernels' insertion sort or ranks; the arithmetic
 * after it is the definitions' own sequence of double operations (the rules' results depend on it bit for bit).
 * Also the awkward inputs the weighted tests share.
 */
public final class WeightedDefinition {
  private WeightedDefinition() {}

  /** Workers of column k in the definitions' order. */
  private static Integer[] order(float[][] rows, int k) {
    Integer[] o = new Integer[rows.length];
    for (int i = 0; i < o.length; i++) {
      o[i] = i;
    }
    // Arrays.sort on objects is stable (a merge sort): ties stay in worker order.
    Arrays.sort(o, (a, b) -> rows[a][k] < rows[b][k] ? -1 : rows[a][k] > rows[b][k] ? 1 : 0);
    return o;
  }

  /** Σᵢ wᵢ in worker order. */
  public static double total(double[] w) {
    double t = 0;
    for (double v : w) {
      t += v;
    }
    return t;
  }

  /** Per coordinate: the midpoint, in double, of the first sorted value whose running mass is ≥ W/2 and of the first &gt; W/2. */
  public static float[] median(float[][] rows, double[] w) {
    double half = total(w) / 2;
    float[] out = new float[rows[0].length];
    for (int k = 0; k < out.length; k++) {
      double cum = 0;
      float lo = Float.NaN;
      float hi = Float.NaN;
      boolean haveLo = false;
      for (int i : order(rows, k)) {
        cum += w[i];
        if (!haveLo && cum >= half) {
          lo = rows[i][k];
          haveLo = true;
        }
        if (cum > half) {
          hi = rows[i][k];
          break;
        }
      }
      out[k] = (float) (((double) lo + hi) / 2);
    }
    return out;
  }

  /** Per coordinate: mass trim peeled off the bottom, then the top, and Σ rest·value in sorted order over kept. */
  public static float[] trimmedMean(float[][] rows, double[] w, double trim, double kept) {
    int n = rows.length;
    float[] out = new float[rows[0].length];
    for (int k = 0; k < out.length; k++) {
      Integer[] o = order(rows, k);
      double[] rest = new double[n];
      for (int j = 0; j < n; j++) {
        rest[j] = w[o[j]];
      }
      double left = trim;
      for (int j = 0; j < n && left > 0; j++) {
        double take = Math.min(left, rest[j]);
        rest[j] -= take;
        left -= take;
      }
      left = trim;
      for (int j = n - 1; j >= 0 && left > 0; j--) {
        double take = Math.min(left, rest[j]);
        rest[j] -= take;
        left -= take;
      }
      double sum = 0;
      for (int j = 0; j < n; j++) {
        sum += rest[j] * rows[o[j]][k];
      }
      out[k] = (float) (sum / kept);
    }
    return out;
  }

  /** The value kinds of {@link #rows}. */
  public static final String[] KINDS = {"mixed", "ties", "signed zeros", "subnormals", "huge", "equal rows"};

  /**
   * n rows of dimension d of one kind: mixed scales ({@link Awkward#vectors}); small integers (ties); ±0.0 with a few
   * ±1; subnormals and ±0.0; ±3.4e38 with small honest values (Byzantine extremes); every row the same.
   */
  public static float[][] rows(SplittableRandom rnd, String kind, int n, int d) {
    if (kind.equals("mixed")) {
      WorkerVectors x = Awkward.vectors(rnd, n, d);
      float[][] r = new float[n][];
      for (int i = 0; i < n; i++) {
        r[i] = x.row(i);
      }
      return r;
    }
    float[][] r = new float[n][d];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        r[i][k] = switch (kind) {
          case "ties" -> rnd.nextInt(-2, 3);
          case "signed zeros" -> switch (rnd.nextInt(5)) {
            case 0 -> 1f;
            case 1 -> -1f;
            case 2 -> -0f;
            default -> 0f;
          };
          case "subnormals" -> switch (rnd.nextInt(4)) {
            case 0 -> rnd.nextBoolean() ? 0f : -0f;
            case 1 -> Float.MIN_VALUE * rnd.nextInt(-3, 4);
            default -> (float) (Float.MIN_NORMAL * rnd.nextDouble(-1, 1));
          };
          case "huge" -> rnd.nextInt(3) == 0 ? (rnd.nextBoolean() ? Float.MAX_VALUE : -Float.MAX_VALUE)
              * (float) rnd.nextDouble(0.88, 1) : (float) rnd.nextGaussian();
          case "equal rows" -> i == 0 ? (float) rnd.nextGaussian() : r[0][k];
          default -> throw new IllegalArgumentException(kind);
        };
      }
    }
    return r;
  }

  /** The weight kinds of {@link #weights}. */
  public static final String[] WEIGHTS = {"equal", "integers", "real", "dominant", "zeros", "dyadic"};

  /**
   * n weights ≥ 0 with a positive total: all 1; sample counts 60 … 100 (the benchmark's); real in [0.1, 10); one
   * worker holding most of the mass; integers 1 … 3 with 0.0 or −0.0 on every third worker (a weight ≥ 0 the cap lets through); multiples
   * of 1/8.
   */
  public static double[] weights(SplittableRandom rnd, String kind, int n) {
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = switch (kind) {
        case "equal" -> 1;
        case "integers" -> 60 + rnd.nextInt(41);
        case "real" -> rnd.nextDouble(0.1, 10);
        case "dominant" -> i == n / 2 ? 1000 * n : rnd.nextDouble(0.5, 2);
        // Zeros on a third of the workers at most, so that the median weight (and the cap) stays positive.
        case "zeros" -> i % 3 == 1 ? (rnd.nextBoolean() ? 0.0 : -0.0) : rnd.nextInt(1, 4);
        case "dyadic" -> rnd.nextInt(1, 80) / 8.0;
        default -> throw new IllegalArgumentException(kind);
      };
    }
    if (!(total(w) > 0)) {
      w[0] = 1;
    }
    return w;
  }
}
