package io.byzcheck.kernels.sim;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.FiniteWorkers;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.sim.attack.AttackContext;
import io.byzcheck.kernels.sim.worker.HonestWorker;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One run on a {@link Cluster}: the workers with their generators and momenta, the attack's and the
 * server's generators, all split from the cluster's seed in a fixed order, so that a run is bit-for-bit
 * reproducible.
 */
public final class Session {
  private final Cluster cluster;
  private final HonestWorker[] workers;
  private final int[] byzantineWorkers;
  private final SplittableRandom attackRng;
  private final SplittableRandom serverRng;
  // Reused by every exchange so that a long run does not allocate m·d per round; valid until the next exchange.
  private double[][] computed;
  private double[][] forged;
  private float[][] wire;

  Session(Cluster cluster) {
    this.cluster = cluster;
    SplittableRandom root = new SplittableRandom(cluster.seed() ^ 0x9E3779B97F4A7C15L);
    workers = new HonestWorker[cluster.workers()];
    for (int j = 0; j < workers.length; j++) {
      workers[j] = new HonestWorker(cluster.shard(j), root.split());
    }
    attackRng = root.split();
    serverRng = root.split();
    byzantineWorkers = new int[cluster.byzantineCount()];
    for (int j = 0, b = 0; j < workers.length; j++) {
      if (cluster.isByzantine(j)) {
        byzantineWorkers[b++] = j;
      }
    }
  }

  public Cluster cluster() {
    return cluster;
  }

  public int workers() {
    return workers.length;
  }

  /** The server's own generator (e.g. RESAM's random output iterate). */
  public SplittableRandom serverRandom() {
    return serverRng;
  }

  /** What every worker computes when it follows the protocol. */
  @FunctionalInterface
  public interface WorkerTask {
    void compute(HonestWorker worker, double[] out);
  }

  /**
   * One exchange: every worker computes {@code task}; the Byzantine workers' results become their
   * "own" messages, from which the attack forges what they actually send.
   *
   * @param rule the server's rule, shown to an omniscient attack; empty for filtering algorithms
   * @return the m messages in worker order, as float32 (the wire format of the rules), valid until the
   *     session's next exchange (their storage is reused)
   * @throws RunDiverged if an honest message is not finite in float32
   */
  public WorkerVectors exchange(int round, int dimension, WorkerTask task, Optional<AggregationRule> rule,
      int declaredF) {
    return exchange(round, dimension, task, task, rule, declaredF);
  }

  /**
   * As {@link #exchange(int, int, WorkerTask, Optional, int)}, with the Byzantine workers' "own" message
   * computed by {@code byzantineTask}: Cao &amp; Lai's attackers compute their Newton direction "based on
   * [their] local data" (§V-A), from their own gradient rather than the broadcast one.
   */
  public WorkerVectors exchange(int round, int dimension, WorkerTask task, WorkerTask byzantineTask,
      Optional<AggregationRule> rule, int declaredF) {
    int m = workers.length;
    int q = byzantineWorkers.length;
    if (computed == null || computed[0].length != dimension) {
      computed = new double[m][dimension];
      forged = new double[q][dimension];
      wire = new float[m][dimension];
    }
    double[][] honest = new double[m - q][];
    double[][] own = new double[q][];
    float[][] messages = new float[m][];
    for (int j = 0, h = 0, b = 0; j < m; j++) {
      double[] out = computed[j];
      if (cluster.isByzantine(j)) {
        byzantineTask.compute(workers[j], out);
        own[b++] = out;
      } else {
        task.compute(workers[j], out);
        honest[h++] = out;
        if (!Vectors.toFiniteFloats(out, wire[j])) {
          throw new RunDiverged(j, round);
        }
        messages[j] = wire[j];
      }
    }
    if (q > 0) {
      cluster.attack().forge(new AttackContext(honest, own, forged, messages, byzantineWorkers.clone(), rule, declaredF,
          attackRng, round));
      for (int b = 0; b < q; b++) {
        messages[byzantineWorkers[b]] = Vectors.toFloats(forged[b], wire[byzantineWorkers[b]]);
      }
    }
    return WorkerVectors.wrap(messages);
  }

  /**
   * Aggregates with the shared non-finite policy and reports how many workers were excluded
   * ({@link FiniteWorkers}): the rule sees the finite workers and f minus the excluded count.
   */
  public static int aggregate(AggregationRule rule, WorkerVectors messages, int declaredF, float[] out) {
    FiniteWorkers screened = FiniteWorkers.screen(messages, declaredF, out);
    rule.aggregate(screened.vectors(), screened.f(), out);
    return screened.excluded().length;
  }
}
