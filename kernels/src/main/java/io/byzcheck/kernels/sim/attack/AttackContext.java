package io.byzcheck.kernels.sim.attack;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.WorkerVectors;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One round as the colluding Byzantine workers see it.
 *
 * @param honest the honest workers' messages of this round
 * @param own what each Byzantine worker would have sent had it followed the protocol
 * @param out where the attack writes one message per Byzantine worker, every coordinate (the buffers are reused)
 * @param messages all m messages in worker order, as the server will see them (honest rows filled)
 * @param byzantineWorkers the Byzantine workers' positions in {@code messages}
 * @param rule the server's aggregation rule, when it uses one (filters such as CNM's do not)
 * @param declaredF the f the server's rule is told
 * @param rng the attack's own generator (seeded from the run's seed)
 * @param round the iteration, from 1
 */
public record AttackContext(double[][] honest, double[][] own, double[][] out, float[][] messages,
    int[] byzantineWorkers, Optional<AggregationRule> rule, int declaredF, SplittableRandom rng, int round) {

  public int dimension() {
    return out.length > 0 ? out[0].length : honest[0].length;
  }

  /** Coordinate-wise mean of the honest messages (the attacks' ḡ_t, RESAM App. D.1). */
  public double[] honestMean() {
    double[] mean = new double[dimension()];
    for (double[] h : honest) {
      for (int k = 0; k < mean.length; k++) {
        mean[k] += h[k] / honest.length;
      }
    }
    return mean;
  }

  /** Coordinate-wise standard deviation of the honest messages (population form, 1/|H|). */
  public double[] honestStd() {
    double[] mean = honestMean();
    double[] std = new double[mean.length];
    for (double[] h : honest) {
      for (int k = 0; k < std.length; k++) {
        double r = h[k] - mean[k];
        std[k] += r * r / honest.length;
      }
    }
    for (int k = 0; k < std.length; k++) {
      std[k] = Math.sqrt(std[k]);
    }
    return std;
  }

  /** Every Byzantine worker sends {@code message}. */
  public void sendAll(double[] message) {
    for (double[] o : out) {
      System.arraycopy(message, 0, o, 0, o.length);
    }
  }

  /**
   * ‖F(x) − ḡ‖ when every Byzantine worker sends {@code candidate}: the damage an adaptive attack
   * maximises. A candidate that makes the rule reject the round counts as no damage.
   */
  public double damage(double[] candidate, double[] honestMean) {
    AggregationRule f = rule.orElseThrow(() -> new IllegalStateException(
        "an adaptive attack needs the server's aggregation rule; this algorithm filters without one"));
    float[] c = new float[candidate.length];
    for (int k = 0; k < c.length; k++) {
      c[k] = (float) candidate[k];
    }
    float[][] rows = messages.clone();
    for (int b : byzantineWorkers) {
      rows[b] = c;
    }
    float[] aggregate = new float[c.length];
    try {
      f.aggregate(WorkerVectors.wrap(rows), declaredF, aggregate);
    } catch (RuntimeException rejected) {
      return 0;
    }
    double s = 0;
    for (int k = 0; k < c.length; k++) {
      double r = aggregate[k] - honestMean[k];
      s += r * r;
    }
    return Math.sqrt(s);
  }
}
