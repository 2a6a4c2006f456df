package io.byzcheck.properties.search;

/** What the worst-case search maximises: a violation ratio of an n × d input (left side / right side). */
@FunctionalInterface
public interface SearchObjective {
  /** The ratio at x (x holds float32 values); +∞ allowed. */
  double ratio(double[][] x);
}
