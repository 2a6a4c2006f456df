package io.byzcheck.kernels.sim.optim;

import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.Progress;
import io.byzcheck.kernels.sim.Session;
import io.byzcheck.kernels.sim.problem.Objective;
import java.util.Optional;

/**
 * The robust gradient method Cao &amp; Lai compare with (their ref. [40], §V): the server accepts the
 * gradients within ξ‖∇f̄⁽⁰⁾‖ of its own gradient on S₀, averages them with it, and steps θ ← θ − η·g.
 * The first half of CNM without the Newton exchange.
 */
public record ComparisonGradientDescent(double xi, double stepSize, int iterations) implements Optimizer {

  public ComparisonGradientDescent {
    Steps.requirePositive(xi, "ξ");
    Steps.requirePositive(stepSize, "step size η");
    Steps.requireIterations(iterations);
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
    double[] theta = start.clone();
    double[] reference = new double[d];
    double[] g = new double[d];
    theta = recorder.iterate(theta, 0, iterations, (t, current, next) -> {
      WorkerVectors gradients = session.exchange(t, d, (worker, out) -> worker.gradient(current, out),
          Optional.empty(), 0);
      s0.gradient(current, reference);
      filter.average(gradients, reference, xi, g);
      Steps.descend(current, stepSize, g, next);
      return new Recorder.Outcome(filter.accepted, filter.excluded);
    });
    return recorder.finish(name(), theta);
  }
}
