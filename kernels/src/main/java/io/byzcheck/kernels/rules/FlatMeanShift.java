package io.byzcheck.kernels.rules;

import java.util.Arrays;

/**
 * SignGuard's clustering of the workers' sign features (Xu et al. 2022, §IV-B; the authors' code runs
 * scikit-learn's {@code MeanShift(bandwidth=estimate_bandwidth(quantile=0.5), bin_seeding=True,
 * cluster_all=False)}), made deterministic and stated here:
 * <ol>
 *   <li>bandwidth h = the mean over the points of the distance to their ⌊n/2⌋-th nearest point, the point itself
 *       counted first (scikit-learn's {@code estimate_bandwidth} at quantile 0.5, on every point);</li>
 *   <li>from every point (not from a grid of bins: a deviation), the flat-kernel mean shift m ← mean of the points
 *       within distance h of m, until m moves by at most 10⁻³·h or 300 steps (scikit-learn's stopping rule);</li>
 *   <li>modes sorted by how many points lie within h of them (more first, then lexicographically), a mode kept
 *       unless within h of one kept before it (scikit-learn's de-duplication);</li>
 *   <li>each point goes to its nearest kept mode if that is within h (the first kept on equal distances), else it
 *       is an outlier ({@code cluster_all=False}); the largest cluster is returned (the first kept on equal
 *       sizes).</li>
 * </ol>
 * Every step depends on the set of points only, not their order, except through exact ties between modes. When
 * h = 0 (more than half the points coincide) the clusters are the groups of equal points. Shared by the fast rule
 * and its reference: it runs on n points of dimension 3, not on the d coordinates.
 */
public final class FlatMeanShift {
  private static final int MAX_STEPS = 300;

  private FlatMeanShift() {}

  /** Which points are in the largest cluster. */
  public static boolean[] largestCluster(double[][] points) {
    int n = points.length;
    int dim = points[0].length;
    double h = bandwidth(points);
    double[][] modes = new double[n][];
    for (int s = 0; s < n; s++) {
      double[] m = points[s].clone();
      for (int step = 0; step < MAX_STEPS; step++) {
        double[] next = new double[dim];
        int count = 0;
        for (double[] p : points) {
          if (distance(p, m) <= h) {
            count++;
            for (int k = 0; k < dim; k++) {
              next[k] += p[k];
            }
          }
        }
        for (int k = 0; k < dim; k++) {
          next[k] /= count; // count ≥ 1: the shift never leaves the hull of the points within h
        }
        boolean done = distance(next, m) <= 1e-3 * h;
        m = next;
        if (done) {
          break;
        }
      }
      modes[s] = m;
    }
    int[] intensity = new int[n];
    Integer[] order = new Integer[n];
    for (int s = 0; s < n; s++) {
      order[s] = s;
      for (double[] p : points) {
        if (distance(p, modes[s]) <= h) {
          intensity[s]++;
        }
      }
    }
    Arrays.sort(order, (a, b) -> intensity[a] != intensity[b] ? Integer.compare(intensity[b], intensity[a])
        : Arrays.compare(modes[a], modes[b]));
    double[][] kept = new double[n][];
    int keptCount = 0;
    for (int s : order) {
      boolean near = false;
      for (int t = 0; t < keptCount && !near; t++) {
        near = distance(kept[t], modes[s]) <= h;
      }
      if (!near) {
        kept[keptCount++] = modes[s];
      }
    }
    int[] label = new int[n];
    int[] size = new int[keptCount];
    for (int i = 0; i < n; i++) {
      label[i] = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int t = 0; t < keptCount; t++) {
        double e = distance(points[i], kept[t]);
        if (e <= h && e < best) {
          best = e;
          label[i] = t;
        }
      }
      if (label[i] >= 0) {
        size[label[i]]++;
      }
    }
    int largest = 0;
    for (int t = 1; t < keptCount; t++) {
      if (size[t] > size[largest]) {
        largest = t;
      }
    }
    boolean[] in = new boolean[n];
    for (int i = 0; i < n; i++) {
      in[i] = label[i] == largest;
    }
    return in;
  }

  /** h: the mean distance to the ⌊n/2⌋-th nearest point, the point itself first (at least the first: itself). */
  static double bandwidth(double[][] points) {
    int n = points.length;
    int k = Math.max(1, n / 2);
    double sum = 0;
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        d[j] = distance(points[i], points[j]);
      }
      Arrays.sort(d);
      sum += d[k - 1];
    }
    return sum / n;
  }

  private static double distance(double[] a, double[] b) {
    return Math.sqrt(io.byzcheck.kernels.reference.Geometry.squaredDistance(a, b));
  }
}
