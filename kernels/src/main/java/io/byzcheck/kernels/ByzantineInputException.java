package io.byzcheck.kernels;

import java.util.Arrays;

/**
 * The input contradicts the threat model: more workers sent non-finite values than the f
 * Byzantine workers the caller declared (ARCHITECTURE.md, "Byzantine inputs are data").
 */
public final class ByzantineInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int[] faultyWorkers;
  private final int f;

  public ByzantineInputException(int[] faultyWorkers, int f) {
    super(faultyWorkers.length + " workers sent non-finite values (NaN or ±∞), more than f = " + f
        + " Byzantine workers allow: workers " + Arrays.toString(faultyWorkers));
    this.faultyWorkers = faultyWorkers.clone();
    this.f = f;
  }

  /** Indices (0-based, in input order) of the workers with a non-finite coordinate. */
  public int[] faultyWorkers() {
    return faultyWorkers.clone();
  }

  public int declaredF() {
    return f;
  }
}
