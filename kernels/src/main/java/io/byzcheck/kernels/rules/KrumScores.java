package io.byzcheck.kernels.rules;

import java.util.Arrays;

/**
 * Krum scores from squared distances: score(i) = sum of the {@code neighbours} smallest ‖xᵢ − xⱼ‖²,
 * j ≠ i (Blanchard et al. 2017 use n − f − 2 neighbours; RESAM's Krum* uses n − f − 1). Shared by
 * the fast rules and the references so both rank identically; ties go to the lower index.
 */
public final class KrumScores {
  private KrumScores() {}

  public static double[] of(double[][] squaredDistances, int neighbours) {
    int n = squaredDistances.length;
    double[] scores = new double[n];
    double[] others = new double[n - 1];
    for (int i = 0; i < n; i++) {
      for (int j = 0, t = 0; j < n; j++) {
        if (j != i) {
          others[t++] = squaredDistances[i][j];
        }
      }
      Arrays.sort(others);
      double s = 0;
      for (int t = 0; t < neighbours; t++) {
        s += others[t];
      }
      scores[i] = s;
    }
    return scores;
  }

  /** Indices of the q smallest scores, ties to the lower index, in increasing score order. */
  public static int[] best(double[] scores, int q) {
    Integer[] idx = new Integer[scores.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> scores[a] != scores[b] ? Double.compare(scores[a], scores[b]) : Integer.compare(a, b));
    int[] out = new int[q];
    for (int t = 0; t < q; t++) {
      out[t] = idx[t];
    }
    return out;
  }
}
