package io.byzcheck.properties;

/** A claimed resilience coefficient λ(n, f, d), e.g. one of RESAM Table 1's or a user's own. */
@FunctionalInterface
public interface ClaimedBound {
  double lambda(int n, int f, int d);
}
