package io.byzcheck.benchmarks;

import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;
import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.Session;
import io.byzcheck.kernels.sim.optim.RobustGradientDescent;
import io.byzcheck.kernels.sim.problem.Problems;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One iteration of median GD (Yin Algorithm 1, Option I) with m = 50 workers on least squares with
 * d = 10⁵: {@link #step} is the whole iteration (50 local gradients, the exchange, the median, the
 * update); {@link #medianOnly} is the aggregation of the same round's messages. Their ratio is the share
 * of the iteration spent aggregating. The regression tool reads both against the yardstick at n = m, d.
 */
public class MedianGradientDescentStepBenchmark extends Settings {
  @Param({"50"})
  public int m;

  @Param({"100000"})
  public int d;

  /** Samples per worker: each local gradient reads them twice (Xθ, then Xᵀr). */
  @Param({"8"})
  public int samplesPerWorker;

  private final RobustGradientDescent medianGd = RobustGradientDescent.median(0.01, 1);
  private final CoordinateWiseMedian median = new CoordinateWiseMedian();
  private Session session;
  private double[] w;
  private double[] next;
  private float[] g;
  private WorkerVectors round;
  private int f;

  @Setup
  public void setUp() {
    Cluster cluster = Cluster.builder(Problems.leastSquaresGaussian(m * samplesPerWorker, d, 1, 42)).workers(m).seed(42)
        .build();
    session = cluster.start();
    w = new double[d];
    next = new double[d];
    g = new float[d];
    f = (m - 1) / 2;
    round = session.exchange(1, d, (worker, out) -> worker.gradient(w, out), Optional.of(median), f);
  }

  @Benchmark
  public double[] step() {
    medianGd.step(session, 1, w, f, g, next);
    return next;
  }

  @Benchmark
  public float[] medianOnly() {
    median.aggregate(round, f, g);
    return g;
  }
}
