package io.byzcheck.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.byzcheck.kernels.sim.attack.AttackContext;
import io.byzcheck.kernels.sim.attack.FallOfEmpires;
import io.byzcheck.kernels.sim.attack.LabelFlipping;
import io.byzcheck.kernels.sim.attack.LittleIsEnough;
import io.byzcheck.kernels.sim.optim.ByzantineSgd;
import io.byzcheck.kernels.sim.problem.Dataset;
import io.byzcheck.theory.alistarh.ByzantineSgdThresholds;
import io.byzcheck.theory.resam.Attacks;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The simulator (kernels) and the theory module encode some of the same formulas independently: ALI-ALG1's
 * thresholds and RES-ATK's attacks. Two implementations, held equal.
 */
class SimulatorMatchesTheoryTest {

  @Test
  void byzantineSgdThresholdsAreAliAlg1s() {
    for (int m : new int[] {5, 20, 100}) {
      for (int t : new int[] {10, 1000}) {
        double[] sim = ByzantineSgd.thresholds(m, 3, t, 0.5, 0.01);
        ByzantineSgdThresholds theory = ByzantineSgdThresholds.of(m, t, 0.01, 3, 0.5);
        assertThat(sim[0]).isCloseTo(theory.thresholdA(), offset(1e-9 * theory.thresholdA()));
        assertThat(sim[1]).isCloseTo(theory.thresholdB(), offset(1e-9 * theory.thresholdB()));
      }
    }
  }

  @Test
  void alieZIsResAtks() {
    for (int[] mq : new int[][] {{50, 10}, {20, 4}, {11, 3}, {5, 2}}) {
      assertThat(LittleIsEnough.baruchZ(mq[0], mq[1])).isCloseTo(Attacks.alieZMax(mq[0], mq[1]), offset(1e-7));
    }
  }

  @Test
  void empireAndLittleSendWhatResAtkSays() {
    double[][] honest = {{1, -2, 4}, {3, 0, 4}, {2, 5, 10}};
    double[] mean = {2, 1, 6};
    double[] std = new double[3];
    for (int k = 0; k < 3; k++) {
      for (double[] h : honest) {
        std[k] += (h[k] - mean[k]) * (h[k] - mean[k]) / 3;
      }
      std[k] = Math.sqrt(std[k]);
    }
    AttackContext c = new AttackContext(honest, new double[1][3], new double[1][3], new float[4][], new int[] {3},
        Optional.empty(), 1, new SplittableRandom(1), 1);
    new FallOfEmpires(Attacks.EMPIRE_ZETA).forge(c);
    assertThat(c.out()[0]).containsExactly(Attacks.empire(mean), offset(1e-12));
    LittleIsEnough.fixed(Attacks.LITTLE_ZETA).forge(c);
    assertThat(c.out()[0]).containsExactly(Attacks.little(mean, std), offset(1e-12));
  }

  @Test
  void labelFlippingIsResAtks() {
    double[] labels = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    Dataset flipped = LabelFlipping.reversed(10).poison(new Dataset(new double[10], 10, 1, labels), new SplittableRandom(1));
    for (int y = 0; y < 10; y++) {
      assertThat(flipped.targets()[y]).isEqualTo(Attacks.flipLabel(y));
    }
  }
}
