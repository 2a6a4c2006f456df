package io.byzcheck.kernels.sim.optim;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.rules.GeometricMedian;
import io.byzcheck.kernels.rules.Mean;
import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.Progress;
import io.byzcheck.kernels.sim.Session;
import java.util.Optional;

/**
 * Cao &amp; Lai's two-exchange approximate Newton method with pluggable aggregations (§II, eqs. (8)–(11)):
 * workers send ∇f̄⁽ʲ⁾(θ), the server forms g = Aggre₁(…) and broadcasts it, workers send
 * (Hⱼ + μI)⁻¹g, the server forms G = Aggre₂(…) and steps θ ← θ − η·G.
 * GIANT (Algorithm 1, Wang et al.) uses the mean twice; MNM (Algorithm 2) the geometric median twice
 * (eqs. (12), (16)). Byzantine workers base their second message on their own Newton direction
 * (Hⱼ + μI)⁻¹∇f̄⁽ʲ⁾, as Cao &amp; Lai's attackers do (§V-A).
 */
public record ApproximateNewton(String label, AggregationRule gradientRule, AggregationRule directionRule,
    Tolerance declaredF, double stepSize, double mu, int iterations) implements Optimizer {
  private static final String WHO = "approximate Newton (Cao & Lai §II)";


  public ApproximateNewton {
    Checks.positive(WHO, "step size η", stepSize);
    Checks.atLeast(WHO, "the number of iterations T", iterations, 1);
    Checks.nonNegative(WHO, "μ", mu);
  }

  /** GIANT (Cao &amp; Lai Algorithm 1): means. */
  public static ApproximateNewton giant(double stepSize, int iterations) {
    return new ApproximateNewton("GIANT", new Mean(), new Mean(), Tolerance.of(0), stepSize, 0, iterations);
  }

  /** MNM (Cao &amp; Lai Algorithm 2): geometric medians, certified to the given relative gap. */
  public static ApproximateNewton medianNewton(double stepSize, int iterations, double relativeGap) {
    GeometricMedian gm = GeometricMedian.certified(relativeGap);
    return new ApproximateNewton("MNM", gm, gm, Tolerance.largest(), stepSize, 0, iterations);
  }

  @Override
  public String name() {
    return label + " (Cao & Lai)";
  }

  @Override
  public Trajectory run(Cluster cluster, double[] start, Progress progress) {
    Session session = cluster.start();
    int d = start.length;
    int f = declaredF.f(cluster.workers());
    Recorder recorder = new Recorder(cluster, progress, iterations, start);
    float[] g = new float[d];
    float[] direction = new float[d];
    double[] theta = recorder.iterate(start, 0, iterations, (t, current, next) -> {
      WorkerVectors gradients = session.exchange(2 * t - 1, d, (worker, out) -> worker.gradient(current, out),
          Optional.of(gradientRule), f);
      int excluded = Session.aggregate(gradientRule, gradients, f, g);
      double[] broadcast = new double[d];
      for (int k = 0; k < d; k++) {
        broadcast[k] = g[k];
      }
      WorkerVectors directions = session.exchange(2 * t, d,
          (worker, out) -> worker.newtonDirection(current, broadcast, mu, out),
          (worker, out) -> worker.localNewtonDirection(current, mu, out), Optional.of(directionRule), f);
      excluded = Math.max(excluded, Session.aggregate(directionRule, directions, f, direction));
      Steps.descend(current, stepSize, direction, next);
      return new Recorder.Outcome(cluster.workers() - excluded, excluded);
    });
    return recorder.finish(name(), theta);
  }
}
