package io.byzcheck.kernels.sim;

/** Told after each iteration of a long run, so that a console or a report can show progress. */
@FunctionalInterface
public interface Progress {
  Progress NONE = (done, total) -> { };

  void iteration(int done, int total);
}
