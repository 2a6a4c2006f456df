package io.byzcheck.kernels.sim;

/**
 * Thrown by {@link Session#exchange} when an honest worker's message leaves the float32 range (or is
 * NaN): θ has diverged, which is an outcome of the run (the mean under attack does this), not a
 * Byzantine fault to be counted against f. Optimizers catch it and end their trajectory there.
 */
public final class RunDiverged extends RuntimeException {
  private final int worker;

  RunDiverged(int worker, int round) {
    super("honest worker " + worker + " sent a non-finite message in exchange " + round + ": the run diverged", null,
        false, false);
    this.worker = worker;
  }

  public int worker() {
    return worker;
  }
}
