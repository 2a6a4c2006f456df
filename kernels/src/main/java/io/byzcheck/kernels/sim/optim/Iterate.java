package io.byzcheck.kernels.sim.optim;

import java.util.OptionalDouble;

/**
 * One recorded iteration of a run.
 *
 * @param t the iteration (0 = the starting point)
 * @param loss the empirical risk over all clean training samples at θ_t
 * @param gradientNorm ‖∇F̂(θ_t)‖ over all clean training samples
 * @param error ‖θ_t − θ*‖ when the problem's optimum is known
 * @param accepted workers whose messages the server used this round (all finite ones for a rule)
 * @param excluded workers excluded for non-finite messages this round
 */
public record Iterate(int t, double loss, double gradientNorm, OptionalDouble error, int accepted, int excluded) {}
