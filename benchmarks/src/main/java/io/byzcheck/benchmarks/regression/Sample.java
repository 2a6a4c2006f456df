package io.byzcheck.benchmarks.regression;

import java.util.Map;

/**
 * One benchmark at one parameter set, as the verdicts see it: its per-fork times and, fork by fork,
 * the ratio of each to the physical yardstick's time at the same (n, d) in the same run.
 *
 * @param key benchmark and parameters, e.g. "KrumBenchmark.aggregate [d=1000000, n=15]"
 * @param forkScores the mean time of each fork's measurement iterations, in {@code unit}
 * @param ratios fork i's time over the yardstick's fork i (independent pairs: different JVMs)
 */
record Sample(String key, String benchmark, Map<String, String> params, String unit, double[] forkScores,
    double[] ratios) {

  /** The geometric mean of the per-fork ratios. */
  double ratio() {
    return Math.exp(Stats.mean(Stats.logs(ratios)));
  }

  /** The worker count the yardstick is matched on: n, or m (workers of the GD step), or MDA's workers. */
  String n() {
    return first("n", "m", "workers");
  }

  /** The dimension the yardstick is matched on: d, or the references' dRef. */
  String d() {
    return first("d", "dRef");
  }

  private String first(String... names) {
    for (String name : names) {
      if (params.containsKey(name)) {
        return params.get(name);
      }
    }
    return null;
  }
}
