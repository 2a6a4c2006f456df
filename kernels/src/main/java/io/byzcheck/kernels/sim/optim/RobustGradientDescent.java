package io.byzcheck.kernels.sim.optim;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;
import io.byzcheck.kernels.rules.CoordinateWiseTrimmedMean;
import io.byzcheck.kernels.rules.Mean;
import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.Progress;
import io.byzcheck.kernels.sim.Session;
import java.util.Optional;

/**
 * Yin et al. Algorithm 1, robust distributed gradient descent: each round the workers send full local
 * gradients, the server aggregates them with the coordinate-wise median (Option I) or the β-trimmed
 * mean (Option II) — or any rule — and steps w ← Π_W(w − η·g), W the ℓ₂ ball of the given radius
 * around 0 (∞ for ℝᵈ).
 *
 * @param rule the aggregation rule
 * @param declaredF the f the rule is told, as a function of m
 * @param stepSize η
 * @param iterations T
 * @param radius radius of W (Double.POSITIVE_INFINITY for no projection)
 */
public record RobustGradientDescent(AggregationRule rule, Tolerance declaredF, double stepSize, int iterations,
    double radius) implements Optimizer {
  private static final String WHO = "robust gradient descent (Yin et al. Alg. 1)";


  private static final double[] CENTRE_OF_W = new double[0];

  public RobustGradientDescent {
    Checks.positive(WHO, "step size η", stepSize);
    Checks.atLeast(WHO, "the number of iterations T", iterations, 1);
    if (!(radius > 0)) {
      throw new IllegalArgumentException("the radius of W must be > 0 (∞ for ℝᵈ), got " + radius);
    }
  }

  /** Option I: coordinate-wise median. */
  public static RobustGradientDescent median(double stepSize, int iterations) {
    return new RobustGradientDescent(new CoordinateWiseMedian(), Tolerance.largest(), stepSize, iterations, Double.POSITIVE_INFINITY);
  }

  /** Option II: β-trimmed mean (Yin Def. 2). */
  public static RobustGradientDescent trimmedMean(double beta, double stepSize, int iterations) {
    return new RobustGradientDescent(CoordinateWiseTrimmedMean.byFraction(beta), Tolerance.fraction(beta), stepSize, iterations,
        Double.POSITIVE_INFINITY);
  }

  /** Vanilla distributed gradient descent, the unprotected baseline. */
  public static RobustGradientDescent mean(double stepSize, int iterations) {
    return new RobustGradientDescent(new Mean(), Tolerance.of(0), stepSize, iterations, Double.POSITIVE_INFINITY);
  }

  /** The same algorithm projected onto the ball of the given radius. */
  public RobustGradientDescent projectedOnto(double ballRadius) {
    return new RobustGradientDescent(rule, declaredF, stepSize, iterations, ballRadius);
  }

  @Override
  public String name() {
    return "robust GD (Yin Alg. 1) with " + rule.name();
  }

  /**
   * One iteration: the workers' gradients at w, their aggregate into {@code g}, and
   * next = Π_W(w − η·g). Public so that a benchmark can time exactly one step.
   *
   * @return the number of workers excluded for non-finite messages
   */
  public int step(Session session, int t, double[] w, int f, float[] g, double[] next) {
    WorkerVectors messages = session.exchange(t, w.length, (worker, out) -> worker.gradient(w, out), Optional.of(rule),
        f);
    int excluded = Session.aggregate(rule, messages, f, g);
    Steps.descend(w, stepSize, g, next);
    Steps.projectOntoBall(next, CENTRE_OF_W, radius);
    return excluded;
  }

  @Override
  public Trajectory run(Cluster cluster, double[] start, Progress progress) {
    Session session = cluster.start();
    int d = start.length;
    int f = declaredF.f(cluster.workers());
    Recorder recorder = new Recorder(cluster, progress, iterations, start);
    float[] g = new float[d];
    double[] w = recorder.iterate(start, 0, iterations, (t, theta, next) -> {
      int excluded = step(session, t, theta, f, g, next);
      return new Recorder.Outcome(cluster.workers() - excluded, excluded);
    });
    return recorder.finish(name(), w);
  }
}
