package io.byzcheck.kernels.rules;

import java.util.Arrays;

/**
 * Krum scores from squared distances: score(i) = sum of the {@code neighbours} smallest ‖xᵢ − xⱼ‖²,
 * j ≠ i (Blanchard et al. 2017 use n − f − 2 neighbours; RESAM's Krum* uses n − f − 1). Shared by
 * the fast rules and the references so both rank identically.
 *
 * <p>Ties. Equal scores are ordered by a {@link Tie} on the workers themselves; the rules and the
 * references pass {@link #byContents}, the lexicographic order of the vectors' coordinates, so the
 * selected vectors (and their average) do not depend on the order in which the workers are listed:
 * workers that still tie are identical vectors, interchangeable in the output. The index order is
 * only the last resort (and the tie of the index-only overloads).
 */
public final class KrumScores {
  private KrumScores() {}

  /** Orders two tied workers; negative when a comes first. */
  @FunctionalInterface
  public interface Tie {
    int compare(int a, int b);
  }

  /** Lexicographic order of the rows' coordinates (Float.compare per coordinate): independent of worker order. */
  public static Tie byContents(float[][] rows) {
    return (a, b) -> Arrays.compare(rows[a], rows[b]);
  }

  /** As {@link #byContents(float[][])} for double rows (same order on float values widened to double). */
  public static Tie byContents(double[][] rows) {
    return (a, b) -> Arrays.compare(rows[a], rows[b]);
  }

  private static final Tie BY_INDEX = (a, b) -> 0;

  public static double[] of(double[][] squaredDistances, int neighbours) {
    int n = squaredDistances.length;
    return of(squaredDistances, neighbours, new double[n], new double[n]);
  }

  /** Scores into {@code scores} (length n), with {@code scratch} (length ≥ n − 1); no allocation. */
  public static double[] of(double[][] squaredDistances, int neighbours, double[] scores, double[] scratch) {
    int n = squaredDistances.length;
    for (int i = 0; i < n; i++) {
      double[] row = squaredDistances[i];
      for (int j = 0, t = 0; j < n; j++) {
        if (j != i) {
          scratch[t++] = row[j];
        }
      }
      insertionSort(scratch, n - 1); // Arrays.sort allocates beyond ~44 elements
      double s = 0;
      for (int t = 0; t < neighbours; t++) {
        s += scratch[t];
      }
      scores[i] = s;
    }
    return scores;
  }

  private static void insertionSort(double[] a, int len) {
    for (int i = 1; i < len; i++) {
      double v = a[i];
      int j = i - 1;
      while (j >= 0 && Double.compare(a[j], v) > 0) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }

  /** Indices of the q smallest scores, ties to the lower index, in increasing score order. */
  public static int[] best(double[] scores, int q) {
    return best(scores, q, BY_INDEX);
  }

  /** Indices of the q smallest scores, ties by {@code tie} then index, in increasing score order. */
  public static int[] best(double[] scores, int q, Tie tie) {
    int[] order = new int[scores.length];
    rank(scores, tie, order);
    return Arrays.copyOf(order, q);
  }

  /**
   * All indices by increasing score, ties by {@code tie} then index, into {@code order}: an insertion
   * sort (n is at most a few hundred and usually the input is nearly ordered), no allocation.
   */
  public static int[] rank(double[] scores, Tie tie, int[] order) {
    int n = scores.length;
    for (int i = 0; i < n; i++) {
      int v = order[i] = i;
      int j = i - 1;
      while (j >= 0 && before(scores, tie, v, order[j])) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = v;
    }
    return order;
  }

  private static boolean before(double[] scores, Tie tie, int a, int b) {
    int c = Double.compare(scores[a], scores[b]);
    if (c == 0) {
      c = tie.compare(a, b);
    }
    return c != 0 ? c < 0 : a < b;
  }
}
