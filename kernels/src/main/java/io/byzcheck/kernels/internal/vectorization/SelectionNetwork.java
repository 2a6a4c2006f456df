package io.byzcheck.kernels.internal.vectorization;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A compare-exchange network that places chosen order statistics of n values at their sorted
 * positions. Built from Batcher's odd-even merge sort (Knuth, TAOCP 5.3.4, Algorithm M) and pruned
 * backwards from the wanted outputs, so a comparator survives only if one of its outputs is still
 * read; where only its min (or max) is read, only that side is computed.
 *
 * <p>This is the plan both median kernels execute: {@link ScalarCoordinateKernels} interprets it per
 * coordinate and the generated {@code PanamaMedianNetworks} unrolls it into straight-line vector
 * code, one register per worker.
 */
final class SelectionNetwork {
  /** Largest n with a generated straight-line network. */
  public static final int MAX_GENERATED_N = 32;

  private final int n;
  private final int[] lo;
  private final int[] hi;
  private final boolean[] keepMin;
  private final boolean[] keepMax;
  private final int[] outputs;

  private SelectionNetwork(int n, int[] lo, int[] hi, boolean[] keepMin, boolean[] keepMax, int[] outputs) {
    this.n = n;
    this.lo = lo;
    this.hi = hi;
    this.keepMin = keepMin;
    this.keepMax = keepMax;
    this.outputs = outputs;
  }

  /** The sorted positions holding the median: {n/2} for odd n, {n/2 − 1, n/2} for even n. */
  public static int[] medianPositions(int n) {
    return (n & 1) == 1 ? new int[] {n / 2} : new int[] {n / 2 - 1, n / 2};
  }

  /** The pruned network that selects the median position(s) of n values. */
  public static SelectionNetwork median(int n) {
    return select(n, medianPositions(n));
  }

  /** The full sorting network on n values (every position selected, nothing pruned). */
  public static SelectionNetwork sort(int n) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return select(n, all);
  }

  /** The pruned network that selects the given sorted positions of n values. */
  public static SelectionNetwork select(int n, int... positions) {
    return select(n, 1, positions);
  }

  /**
   * What is left of {@link #select(int, int...)} once every run of {@code run} consecutive inputs
   * (run a power of two: inputs [0, run), [run, 2·run), …, the last run possibly shorter) is already
   * sorted: Batcher's merges of those runs, pruned for the positions. Batcher's network is block-recursive:
   * its stages below {@code run} compare only within runs, and all they achieve is to sort each run;
   * the kernels sort the runs with the generated straight-line code instead and interpret only these
   * merges (the values come out the same; equal values, e.g. −0.0 and 0.0, may trade places).
   */
  public static SelectionNetwork afterSortedRuns(int n, int run, int... positions) {
    if (run < 1 || Integer.bitCount(run) != 1) {
      throw new IllegalArgumentException("sorted runs must have a power-of-two length, got " + run);
    }
    return select(n, run, positions);
  }

  private static SelectionNetwork select(int n, int firstStage, int... positions) {
    if (n < 1) {
      throw new IllegalArgumentException("a network needs n ≥ 1, got " + n);
    }
    List<int[]> sort = batcherSort(n, firstStage);
    BitSet live = new BitSet(n);
    for (int p : positions) {
      if (p < 0 || p >= n) {
        throw new IllegalArgumentException("position " + p + " is outside [0, " + n + ")");
      }
      live.set(p);
    }
    List<int[]> kept = new ArrayList<>();
    List<boolean[]> sides = new ArrayList<>();
    for (int c = sort.size() - 1; c >= 0; c--) {
      int a = sort.get(c)[0];
      int b = sort.get(c)[1];
      boolean needMin = live.get(a);
      boolean needMax = live.get(b);
      if (needMin || needMax) {
        kept.add(0, sort.get(c));
        sides.add(0, new boolean[] {needMin, needMax});
        live.set(a);
        live.set(b);
      }
    }
    int m = kept.size();
    int[] lo = new int[m];
    int[] hi = new int[m];
    boolean[] keepMin = new boolean[m];
    boolean[] keepMax = new boolean[m];
    for (int c = 0; c < m; c++) {
      lo[c] = kept.get(c)[0];
      hi[c] = kept.get(c)[1];
      keepMin[c] = sides.get(c)[0];
      keepMax[c] = sides.get(c)[1];
    }
    return new SelectionNetwork(n, lo, hi, keepMin, keepMax, positions.clone());
  }

  /**
   * Batcher's odd-even merge sort for any n: the comparators of the network for the next power of
   * two, minus those touching an index ≥ n (those inputs act as +∞ and never move).
   */
  static List<int[]> batcherSort(int n) {
    return batcherSort(n, 1);
  }

  /** The comparators of {@link #batcherSort(int)} from the merge stage of runs of length p on (p a power of two). */
  static List<int[]> batcherSort(int n, int firstStage) {
    List<int[]> out = new ArrayList<>();
    for (int p = firstStage; p < n; p <<= 1) {
      for (int k = p; k >= 1; k >>= 1) {
        for (int j = k % p; j + k < n; j += 2 * k) {
          for (int i = 0; i < Math.min(k, n - j - k); i++) {
            if ((i + j) / (2 * p) == (i + j + k) / (2 * p)) {
              out.add(new int[] {i + j, i + j + k});
            }
          }
        }
      }
    }
    return out;
  }

  public int n() {
    return n;
  }

  /** Number of comparators. */
  public int size() {
    return lo.length;
  }

  public int lo(int c) {
    return lo[c];
  }

  public int hi(int c) {
    return hi[c];
  }

  /** Whether comparator c's min output is read later (or is an output). */
  public boolean keepsMin(int c) {
    return keepMin[c];
  }

  /** Whether comparator c's max output is read later (or is an output). */
  public boolean keepsMax(int c) {
    return keepMax[c];
  }

  /** The sorted positions this network selects. */
  public int[] outputs() {
    return outputs.clone();
  }

  /** Runs the network in place on x[0..n); afterwards x[p] holds the p-th smallest for each output p. */
  public void apply(float[] x) {
    for (int c = 0; c < lo.length; c++) {
      float a = x[lo[c]];
      float b = x[hi[c]];
      if (b < a) {
        x[lo[c]] = b;
        x[hi[c]] = a;
      }
    }
  }
}
