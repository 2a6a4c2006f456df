package io.byzcheck.theory;

import java.util.List;

/**
 * A number a paper promises, with its source and the assumptions under which it holds.
 * Never NaN and never negative: invalid parameters are rejected before a Bound is made.
 */
public record Bound(double value, Citation citation, List<String> assumptions) {
  public Bound {
    if (Double.isNaN(value) || value < 0) {
      throw new IllegalStateException("a bound must be a non-negative number, got " + value + " for " + citation);
    }
    assumptions = List.copyOf(assumptions);
  }

  public static Bound of(double value, Citation citation, String... assumptions) {
    return new Bound(value, citation, List.of(assumptions));
  }
}
