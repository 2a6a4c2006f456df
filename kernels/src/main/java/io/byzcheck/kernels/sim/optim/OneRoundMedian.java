package io.byzcheck.kernels.sim.optim;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;
import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.Progress;
import io.byzcheck.kernels.sim.Session;
import java.util.Optional;

/**
 * Yin et al. Algorithm 2, the robust one-round algorithm: every worker sends its local ERM
 * argmin_w F_i(w) (computed from {@code start}), the server returns their coordinate-wise median
 * (any rule can replace it, e.g. the mean for the non-robust one-round baseline of Zhang et al.).
 */
public record OneRoundMedian(AggregationRule rule, Tolerance declaredF) implements Optimizer {

  public OneRoundMedian() {
    this(new CoordinateWiseMedian(), Tolerance.largest());
  }

  @Override
  public String name() {
    return "one-round (Yin Alg. 2) with " + rule.name();
  }

  @Override
  public Trajectory run(Cluster cluster, double[] start, Progress progress) {
    Session session = cluster.start();
    int d = start.length;
    int f = declaredF.f(cluster.workers());
    Recorder recorder = new Recorder(cluster, progress, 1, start);
    WorkerVectors messages = session.exchange(1, d, (worker, out) -> System.arraycopy(worker.localMinimiser(start), 0,
        out, 0, d), Optional.of(rule), f);
    float[] w = new float[d];
    int excluded = Session.aggregate(rule, messages, f, w);
    double[] output = new double[d];
    for (int k = 0; k < d; k++) {
      output[k] = w[k];
    }
    recorder.record(1, output, cluster.workers() - excluded, excluded);
    return recorder.finish(name(), output);
  }
}
