package io.byzcheck.kernels.internal.vectorization;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Networks per n, built once. The kernels for n beyond 32 sort each run of 32 workers with the generated
 * code and interpret only Batcher's remaining merges ({@link SelectionNetwork#afterSortedRuns}).
 */
final class Networks {
  /** Length of the runs the generated sorting networks handle. */
  static final int RUN = SelectionNetwork.MAX_GENERATED_N;

  private static final ConcurrentHashMap<Integer, SelectionNetwork> MEDIAN_MERGES = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<Integer, SelectionNetwork> SORT_MERGES = new ConcurrentHashMap<>();

  private Networks() {}

  /** The merges that place the median position(s) once every run of 32 is sorted. */
  static SelectionNetwork medianMerge(int n) {
    return MEDIAN_MERGES.computeIfAbsent(n, Networks::buildMedianMerge);
  }

  /** The merges that finish sorting once every run of 32 is sorted. */
  static SelectionNetwork sortMerge(int n) {
    return SORT_MERGES.computeIfAbsent(n, Networks::buildSortMerge);
  }

  private static SelectionNetwork buildMedianMerge(int n) {
    return SelectionNetwork.afterSortedRuns(n, RUN, SelectionNetwork.medianPositions(n));
  }

  private static SelectionNetwork buildSortMerge(int n) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return SelectionNetwork.afterSortedRuns(n, RUN, all);
  }
}
