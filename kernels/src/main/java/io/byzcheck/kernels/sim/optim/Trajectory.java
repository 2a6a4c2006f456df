package io.byzcheck.kernels.sim.optim;

import java.util.List;
import java.util.OptionalInt;

/**
 * What a run returns: the recorded iterations and the algorithm's output (the last iterate, the
 * average iterate of ByzantineSGD, RESAM's random iterate, …), or the iteration at which θ left the
 * finite doubles (the last iterate's loss and error are then ∞, the output is the last finite θ).
 */
public record Trajectory(String algorithm, List<Iterate> iterates, double[] output, OptionalInt divergedAt) {
  public Trajectory {
    iterates = List.copyOf(iterates);
    output = output.clone();
  }

  @Override
  public double[] output() {
    return output.clone();
  }

  public Iterate last() {
    return iterates.getLast();
  }

  public boolean diverged() {
    return divergedAt.isPresent();
  }

  /** ‖θ_T − θ*‖ of the last recorded iterate (∞ if the run diverged). */
  public double finalError() {
    return last().error().orElseThrow(() -> new IllegalStateException(
        "the problem has no known optimum; use the loss or a test accuracy"));
  }
}
