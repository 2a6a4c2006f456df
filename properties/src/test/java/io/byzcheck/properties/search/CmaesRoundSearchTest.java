package io.byzcheck.properties.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;
import io.byzcheck.kernels.rules.Mean;
import io.byzcheck.kernels.sim.attack.AttackContext;
import io.byzcheck.kernels.sim.attack.LittleIsEnough;
import io.byzcheck.kernels.sim.attack.WorstAttack;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The simulator's worst attack driven by the engine's CMA-ES, on one round against the server's rule. */
class CmaesRoundSearchTest {
  private static final int N = 7;
  private static final int F = 2;
  private static final int D = 5;

  private static AttackContext round(AggregationRule rule, long seed) {
    SplittableRandom rnd = new SplittableRandom(1616);
    double[][] honest = new double[N - F][D];
    float[][] messages = new float[N][];
    for (int i = 0; i < N - F; i++) {
      messages[i] = new float[D];
      for (int k = 0; k < D; k++) {
        honest[i][k] = 1 + rnd.nextGaussian();
        messages[i][k] = (float) honest[i][k];
      }
    }
    return new AttackContext(honest, new double[F][D], new double[F][D], messages, new int[] {5, 6},
        Optional.of(rule), F, new SplittableRandom(seed), 1);
  }

  private static double damageOfSent(AttackContext c) {
    return c.damage(c.out()[0], c.honestMean());
  }

  /**
   * Against the mean the damage grows with the length, so the search must reach the family's far end: the longest
   * vector is 64·S, which moves the mean by (f/n)·64·S·‖Σaⱼuⱼ‖ ≥ (2/7)·64·S at one unit weight. The start (length S)
   * gives (2/7)·S: a search that did nothing would fail by a factor of 32.
   */
  @Test
  void findsTheFarEndAgainstTheMean() {
    AttackContext c = round(new Mean(), 3);
    new WorstAttack(new CmaesRoundSearch(), 40).forge(c);
    double spread = 0;
    double[] mean = c.honestMean();
    for (double[] h : c.honest()) {
      double s = 0;
      for (int k = 0; k < D; k++) {
        s += (h[k] - mean[k]) * (h[k] - mean[k]);
      }
      spread = Math.max(spread, Math.sqrt(s));
    }
    assertThat(damageOfSent(c)).isGreaterThan(0.5 * 2.0 / 7 * 64 * spread);
  }

  /** Against the median it does at least as well as ALIE with z = 1 on the same round, and replays from its seed. */
  @Test
  void beatsLittleAgainstTheMedianAndReplays() {
    AttackContext little = round(new CoordinateWiseMedian(), 4);
    LittleIsEnough.fixed(1).forge(little);
    AttackContext worst = round(new CoordinateWiseMedian(), 4);
    new WorstAttack(new CmaesRoundSearch(), 60).forge(worst);
    assertThat(damageOfSent(worst)).isGreaterThanOrEqualTo(damageOfSent(little));
    AttackContext again = round(new CoordinateWiseMedian(), 4);
    new WorstAttack(new CmaesRoundSearch(), 60).forge(again);
    assertThat(again.out()[0]).containsExactly(worst.out()[0]);
  }
}
