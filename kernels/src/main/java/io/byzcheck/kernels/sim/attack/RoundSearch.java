package io.byzcheck.kernels.sim.attack;

import java.util.function.ToDoubleFunction;

/**
 * The per-round maximiser {@link WorstAttack} delegates to. The kernels ship without the verification engine, so
 * the engine implements this (properties' {@code CmaesRoundSearch}, CMA-ES as in its worst-case search) and a
 * caller hands it in.
 */
@FunctionalInterface
public interface RoundSearch {

  /**
   * A point of the box [−1, 1]^k (k = start.length) with the largest {@code damage} found within {@code evaluations}
   * calls, from {@code start}, every random choice drawn from {@code seed}.
   */
  double[] maximise(ToDoubleFunction<double[]> damage, double[] start, int evaluations, long seed);
}
