package io.byzcheck.kernels.sim.optim;

import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.Progress;
import io.byzcheck.kernels.sim.Session;
import io.byzcheck.kernels.sim.problem.ConjugateGradient;
import io.byzcheck.kernels.sim.problem.Objective;
import java.util.Optional;

/**
 * Cao &amp; Lai Algorithm 3, CNM: the server keeps a clean sample S₀; each round it accepts the workers'
 * gradients within ξ₁‖∇f̄⁽⁰⁾‖ of its own ∇f̄⁽⁰⁾ (eq. (19)) and averages them with it; workers then send
 * (Hⱼ + μI)⁻¹g, accepted within ξ₂‖H̃₀⁻¹g‖ of the server's H̃₀⁻¹g (eqs. (20)–(21)) and averaged with it
 * (eq. (22)); θ ← θ − G. Converges for any number of Byzantine workers (Theorem 2).
 */
public record ComparisonNewton(double xi1, double xi2, double mu, int iterations) implements Optimizer {
  private static final String WHO = "CNM (Cao & Lai Alg. 3)";


  public ComparisonNewton {
    Checks.positive(WHO, "ξ₁", xi1);
    Checks.positive(WHO, "ξ₂", xi2);
    Checks.nonNegative(WHO, "μ", mu);
    Checks.atLeast(WHO, "the number of iterations T", iterations, 1);
  }

  @Override
  public String name() {
    return "CNM (Cao & Lai Alg. 3)";
  }

  @Override
  public Trajectory run(Cluster cluster, double[] start, Progress progress) {
    Objective s0 = cluster.serverSample(name());
    Session session = cluster.start();
    int d = start.length;
    Recorder recorder = new Recorder(cluster, progress, iterations, start);
    ComparisonFilter filter = new ComparisonFilter();
    double[] g = new double[d];
    double[] serverDirection = new double[d];
    double[] direction = new double[d];
    double[] theta = recorder.iterate(start, 0, iterations, (t, current, next) -> {
      filter.filteredGradient(session, 2 * t - 1, s0, current, xi1, g);
      int excluded = filter.excluded;
      WorkerVectors directions = session.exchange(2 * t, d,
          (worker, out) -> worker.newtonDirection(current, g, mu, out),
          (worker, out) -> worker.localNewtonDirection(current, mu, out), Optional.empty(), 0);
      ConjugateGradient.solve(s0, current, mu, g, serverDirection);
      filter.average(directions, serverDirection, xi2, direction);
      Steps.descend(current, 1, direction, next);
      return new Recorder.Outcome(filter.accepted, Math.max(excluded, filter.excluded));
    });
    return recorder.finish(name(), theta);
  }
}
