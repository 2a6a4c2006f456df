package io.byzcheck.kernels.sim.optim;

import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.Progress;
import io.byzcheck.kernels.sim.RunDiverged;
import io.byzcheck.kernels.sim.Vectors;
import io.byzcheck.kernels.sim.problem.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Builds a {@link Trajectory}: evaluates θ_t on the clean training data every k iterations (the
 * cluster's monitor period) and at the last, and tells the progress listener. A run whose θ leaves
 * the finite doubles (the mean under attack does) stops there and is marked as diverged, with ∞ (never
 * NaN) as its loss and error.
 */
final class Recorder {
  private final Cluster cluster;
  private final Progress progress;
  private final int total;
  private final List<Iterate> iterates = new ArrayList<>();
  private final double[] gradient;
  private int divergedAt = -1;

  Recorder(Cluster cluster, Progress progress, int total, double[] start) {
    this.cluster = cluster;
    this.progress = progress;
    this.total = total;
    this.gradient = new double[start.length];
    cluster.problem().objective().requireDimension(start);
    if (!allFinite(start)) {
      throw new IllegalArgumentException("the starting point has a non-finite coordinate");
    }
    iterates.add(evaluate(0, start, cluster.workers(), 0));
  }

  /** Records iteration t (1-based) after the server's update; false if θ diverged and the run must stop. */
  boolean record(int t, double[] theta, int accepted, int excluded) {
    if (!allFinite(theta)) {
      diverged(t);
      return false;
    }
    if (t % cluster.monitorEvery() == 0 || t == total) {
      iterates.add(evaluate(t, theta, accepted, excluded));
    }
    progress.iteration(t, total);
    return true;
  }

  /** Records that iteration t could not complete because θ diverged (an honest message overflowed). */
  void diverged(int t) {
    divergedAt = t;
    iterates.add(new Iterate(t, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
        cluster.problem().optimum().isPresent() ? OptionalDouble.of(Double.POSITIVE_INFINITY) : OptionalDouble.empty(),
        0, 0));
    progress.iteration(total, total);
  }

  /** What one iteration did, for the trajectory. */
  record Outcome(int accepted, int excluded) {}

  /** One iteration of an algorithm: writes θ_{t+1} into {@code next}. */
  @FunctionalInterface
  interface Step {
    Outcome apply(int t, double[] theta, double[] next);
  }

  /**
   * Runs iterations {@code from + 1 … from + count} from θ = {@code start}, recording each; stops early
   * when θ diverges (see {@link #diverged()}). Returns the last finite θ.
   */
  double[] iterate(double[] start, int from, int count, Step step) {
    double[] theta = start.clone();
    for (int t = from + 1; t <= from + count; t++) {
      try {
        double[] next = new double[theta.length];
        Outcome o = step.apply(t, theta, next);
        if (!record(t, next, o.accepted(), o.excluded())) {
          break;
        }
        theta = next;
      } catch (RunDiverged e) {
        diverged(t);
        break;
      }
    }
    return theta;
  }

  boolean diverged() {
    return divergedAt >= 0;
  }

  Trajectory finish(String algorithm, double[] output) {
    return new Trajectory(algorithm, iterates, output, divergedAt < 0 ? OptionalInt.empty() : OptionalInt.of(divergedAt));
  }

  private Iterate evaluate(int t, double[] theta, int accepted, int excluded) {
    Objective objective = cluster.problem().objective();
    objective.gradient(theta, gradient);
    OptionalDouble error = cluster.problem().optimum().map(o -> OptionalDouble.of(Vectors.distance(theta, o)))
        .orElse(OptionalDouble.empty());
    return new Iterate(t, objective.loss(theta), Vectors.norm(gradient), error, accepted, excluded);
  }

  private static boolean allFinite(double[] theta) {
    for (double v : theta) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }
}
