package io.byzcheck.kernels.sim.optim;

import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.Progress;
import io.byzcheck.kernels.sim.Session;
import io.byzcheck.kernels.sim.problem.Objective;

/**
 * The robust gradient method Cao &amp; Lai compare with (their ref. [40], §V): the server accepts the
 * gradients within ξ‖∇f̄⁽⁰⁾‖ of its own gradient on S₀, averages them with it, and steps θ ← θ − η·g.
 * The first half of CNM without the Newton exchange.
 */
public record ComparisonGradientDescent(double xi, double stepSize, int iterations) implements Optimizer {
  private static final String WHO = "comparison gradient descent (Cao & Lai §V)";


  public ComparisonGradientDescent {
    Checks.positive(WHO, "ξ", xi);
    Checks.positive(WHO, "step size η", stepSize);
    Checks.atLeast(WHO, "the number of iterations T", iterations, 1);
  }

  @Override
  public String name() {
    return "robust GD with server sample (Cao & Lai ref. [40])";
  }

  @Override
  public Trajectory run(Cluster cluster, double[] start, Progress progress) {
    Objective s0 = cluster.serverSample(name());
    Session session = cluster.start();
    int d = start.length;
    Recorder recorder = new Recorder(cluster, progress, iterations, start);
    ComparisonFilter filter = new ComparisonFilter();
    double[] g = new double[d];
    double[] theta = recorder.iterate(start, 0, iterations, (t, current, next) -> {
      filter.filteredGradient(session, t, s0, current, xi, g);
      Steps.descend(current, stepSize, g, next);
      return new Recorder.Outcome(filter.accepted, filter.excluded);
    });
    return recorder.finish(name(), theta);
  }
}
