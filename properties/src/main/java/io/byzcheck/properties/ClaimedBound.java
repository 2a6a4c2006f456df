package io.byzcheck.properties;

import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;

/**
 * A claimed resilience coefficient λ(n, f, d) with where it comes from, e.g. one of RESAM Table 1's
 * ({@code ResilienceCoefficient::coordinateWiseMedian}) or a user's own ({@link #uncited}). The check
 * carries the {@link Bound}, citation included, into its {@link CheckResult}.
 */
@FunctionalInterface
public interface ClaimedBound {
  Bound lambda(int n, int f, int d);

  /** A plain coefficient λ(n, f, d), without a citation. */
  @FunctionalInterface
  interface Coefficient {
    double at(int n, int f, int d);
  }

  /** The paper key of claims that come from no paper. */
  String UNCITED = "own";

  /** A λ with no paper behind it (a user's own claim), cited under {@code id} as "claimed by the caller". */
  static ClaimedBound uncited(String id, Coefficient lambda) {
    Citation citation = new Citation(id, UNCITED, "claimed by the caller");
    return (n, f, d) -> Bound.of(lambda.at(n, f, d), citation);
  }
}
