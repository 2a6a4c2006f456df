package io.byzcheck.kernels.rules;

/**
 * Agglomerative clustering with average linkage (UPGMA: Sokal &amp; Michener 1958; scikit-learn's
 * {@code AgglomerativeClustering(linkage="average")}) down to two clusters, the clustering of clipped clustering
 * (Li et al.; Blades' {@code Clippedclustering}). Every worker starts alone; the two clusters of smallest average
 * pairwise distance merge, the distance of a merged cluster following Lance–Williams,
 * d(A∪B, C) = (|A|·d(A, C) + |B|·d(B, C))/(|A| + |B|). Equal distances merge the pair whose first members come
 * first in {@code tie}'s order (contents, for the rules), so the clusters do not depend on the workers' order.
 * Shared by the fast rule and its reference: it acts on the n × n distances only, the O(n³) part of the rule
 * that does not touch the d coordinates.
 */
public final class AverageLinkage {
  private AverageLinkage() {}

  /**
   * The two clusters' labels (0 or 1; every worker in cluster 0 when n = 1), cluster 0 being the one holding the
   * worker first in {@code tie}'s order.
   */
  public static int[] twoClusters(double[][] distance, KrumScores.Tie tie) {
    int n = distance.length;
    double[][] dist = new double[n][n];
    for (int i = 0; i < n; i++) {
      dist[i] = distance[i].clone();
    }
    int[] size = new int[n];
    int[] root = new int[n]; // the cluster each worker is in (its representative)
    int[] first = new int[n]; // each cluster's first member in the tie order
    boolean[] alive = new boolean[n];
    for (int i = 0; i < n; i++) {
      size[i] = 1;
      root[i] = i;
      first[i] = i;
      alive[i] = true;
    }
    for (int clusters = n; clusters > 2; clusters--) {
      int bestA = -1;
      int bestB = -1;
      for (int a = 0; a < n; a++) {
        if (!alive[a]) {
          continue;
        }
        for (int b = a + 1; b < n; b++) {
          if (alive[b] && (bestA < 0 || better(dist, first, tie, a, b, bestA, bestB))) {
            bestA = a;
            bestB = b;
          }
        }
      }
      for (int c = 0; c < n; c++) {
        if (alive[c] && c != bestA && c != bestB) {
          double merged = (size[bestA] * dist[bestA][c] + size[bestB] * dist[bestB][c]) / (size[bestA] + size[bestB]);
          dist[bestA][c] = dist[c][bestA] = merged;
        }
      }
      size[bestA] += size[bestB];
      alive[bestB] = false;
      if (before(tie, first[bestB], first[bestA])) {
        first[bestA] = first[bestB];
      }
      for (int i = 0; i < n; i++) {
        if (root[i] == bestB) {
          root[i] = bestA;
        }
      }
    }
    int zero = -1;
    for (int c = 0; c < n; c++) {
      if (alive[c] && (zero < 0 || before(tie, first[c], first[zero]))) {
        zero = c;
      }
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = root[i] == zero ? 0 : 1;
    }
    return labels;
  }

  /** Whether the pair (a, b) merges before (c, e): smaller distance, then the earlier first members. */
  private static boolean better(double[][] dist, int[] first, KrumScores.Tie tie, int a, int b, int c, int e) {
    int cmp = Double.compare(dist[a][b], dist[c][e]);
    if (cmp != 0) {
      return cmp < 0;
    }
    int lowAB = before(tie, first[b], first[a]) ? first[b] : first[a];
    int highAB = lowAB == first[a] ? first[b] : first[a];
    int lowCE = before(tie, first[e], first[c]) ? first[e] : first[c];
    int highCE = lowCE == first[c] ? first[e] : first[c];
    if (lowAB != lowCE) {
      return before(tie, lowAB, lowCE);
    }
    return before(tie, highAB, highCE);
  }

  /** Worker a before worker b in the tie order, then by index. */
  static boolean before(KrumScores.Tie tie, int a, int b) {
    int c = tie.compare(a, b);
    return c != 0 ? c < 0 : a < b;
  }
}
