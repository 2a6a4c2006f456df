package io.byzcheck.kernels.reference;

/** Lexicographic enumeration of the m-subsets of {0, …, n−1}, in place (for brute-force references and checks). */
public final class Subsets {
  private Subsets() {}

  /** The first subset {0, …, m−1}. */
  public static int[] first(int m) {
    int[] s = new int[m];
    for (int i = 0; i < m; i++) {
      s[i] = i;
    }
    return s;
  }

  /** Advances s to the next m-subset of [0, n) in lexicographic order; false when s was the last. */
  public static boolean next(int[] s, int n) {
    int m = s.length;
    int i = m - 1;
    while (i >= 0 && s[i] == n - m + i) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    s[i]++;
    for (int j = i + 1; j < m; j++) {
      s[j] = s[j - 1] + 1;
    }
    return true;
  }
}
