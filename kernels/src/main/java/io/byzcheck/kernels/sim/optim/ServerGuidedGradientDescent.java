package io.byzcheck.kernels.sim.optim;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.FiniteWorkers;
import io.byzcheck.kernels.ServerGuidedRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.rules.FlTrust;
import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.Progress;
import io.byzcheck.kernels.sim.Session;
import io.byzcheck.kernels.sim.problem.Objective;
import java.util.Optional;

/**
 * Gradient descent whose server guides its rule with its own gradient on its clean sample S₀ (the sample Cao &amp;
 * Lai's CNM keeps, {@link Cluster#serverSample}): each round the workers send ∇f̄⁽ʲ⁾(θ), the server computes
 * g₀ = ∇f̄⁽⁰⁾(θ) on S₀, aggregates g = F(messages; g₀) and steps θ ← θ − η·g. With {@link FlTrust} this is FLTrust
 * (Cao et al. 2021, Alg. 1) with one local step per round, where a worker's model update is −η times its gradient.
 * An omniscient attack is shown the rule with this round's g₀.
 *
 * @param rule the server-guided rule
 * @param declaredF the f the non-finite screen allows, as a function of m
 * @param stepSize η
 * @param iterations T
 */
public record ServerGuidedGradientDescent(ServerGuidedRule rule, Tolerance declaredF, double stepSize, int iterations)
    implements Optimizer {
  private static final String WHO = "server-guided gradient descent";

  public ServerGuidedGradientDescent {
    Checks.positive(WHO, "step size η", stepSize);
    Checks.atLeast(WHO, "the number of iterations T", iterations, 1);
  }

  /** FLTrust with one local gradient step per round. */
  public static ServerGuidedGradientDescent flTrust(double stepSize, int iterations) {
    return new ServerGuidedGradientDescent(new FlTrust(), Tolerance.largest(), stepSize, iterations);
  }

  @Override
  public String name() {
    return "GD guided by the server's S₀ gradient with " + rule.name();
  }

  @Override
  public Trajectory run(Cluster cluster, double[] start, Progress progress) {
    Objective s0 = cluster.serverSample(name());
    Session session = cluster.start();
    int d = start.length;
    int f = declaredF.f(cluster.workers());
    Recorder recorder = new Recorder(cluster, progress, iterations, start);
    double[] server = new double[d];
    float[] g0 = new float[d];
    float[] g = new float[d];
    AggregationRule shown = rule.withServerVector("the server's S₀ gradient", x -> g0);
    double[] w = recorder.iterate(start, 0, iterations, (t, theta, next) -> {
      s0.gradient(theta, server);
      for (int k = 0; k < d; k++) {
        g0[k] = (float) server[k];
      }
      WorkerVectors messages = session.exchange(t, d, (worker, out) -> worker.gradient(theta, out),
          Optional.of(shown), f);
      FiniteWorkers screened = FiniteWorkers.screen(messages, f, g);
      rule.aggregate(screened.vectors(), g0, screened.f(), g);
      Steps.descend(theta, stepSize, g, next);
      int excluded = screened.excluded().length;
      return new Recorder.Outcome(cluster.workers() - excluded, excluded);
    });
    return recorder.finish(name(), w);
  }
}
