package io.byzcheck.kernels.sim.problem;

import java.util.Optional;

/**
 * A learning problem as the simulator runs it: the training objective over all N samples (to be
 * sharded over the m workers), the population optimum θ* when it is known (synthetic problems),
 * and held-out data when accuracy is the measure (MNIST).
 *
 * @param name e.g. "least squares, Rademacher features (Yin Prop. 1)"
 * @param objective the empirical risk over every training sample
 * @param optimum θ*, the population minimiser, if known
 * @param test held-out samples, if any
 */
public record Problem(String name, Objective objective, Optional<double[]> optimum, Optional<Dataset> test) {
  public Problem {
    optimum.ifPresent(o -> objective.requireDimension(o));
  }

  public int dimension() {
    return objective.dimension();
  }
}
