package io.byzcheck.kernels.sim.optim;

import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.Progress;

/** One of the papers' distributed algorithms; any aggregation rule plugs into those that take one. */
public interface Optimizer {
  /** Name as in the papers, e.g. "median GD (Yin Alg. 1, Option I)". */
  String name();

  /** Runs from {@code start}, deterministic given the cluster's seed. */
  Trajectory run(Cluster cluster, double[] start, Progress progress);

  default Trajectory run(Cluster cluster, double[] start) {
    return run(cluster, start, Progress.NONE);
  }
}
