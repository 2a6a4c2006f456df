package io.byzcheck.kernels.vector;

import java.util.concurrent.ConcurrentHashMap;

/** Median and sorting networks per n, built once (the kernels for n beyond 32 interpret them). */
final class Networks {
  private static final ConcurrentHashMap<Integer, SelectionNetwork> MEDIANS = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<Integer, SelectionNetwork> SORTS = new ConcurrentHashMap<>();

  private Networks() {}

  static SelectionNetwork median(int n) {
    return MEDIANS.computeIfAbsent(n, SelectionNetwork::median);
  }

  static SelectionNetwork sort(int n) {
    return SORTS.computeIfAbsent(n, SelectionNetwork::sort);
  }
}
