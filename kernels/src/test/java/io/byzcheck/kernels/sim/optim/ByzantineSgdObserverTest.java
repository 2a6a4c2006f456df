package io.byzcheck.kernels.sim.optim;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.Progress;
import io.byzcheck.kernels.sim.attack.SignFlipping;
import io.byzcheck.kernels.sim.problem.AdditiveNoise;
import io.byzcheck.kernels.sim.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByzantineSgdObserverTest {
  @Test
  void theObserverSeesEveryRoundAndChangesNothing() {
    Problem p = AdditiveNoise.problem(AdditiveNoise.quadratic(new double[] {1, 2}), 2, 200, 0.5, 1);
    Cluster c = Cluster.builder(p).workers(6).byzantine(1, new SignFlipping("×20", 20)).seed(9).build();
    ByzantineSgd alg = ByzantineSgd.theoretical(6, 0.3, 5, 40, 0.5, 0.1, 1, 0);
    List<Integer> rounds = new ArrayList<>();
    int[] byzantineDropped = {0};
    Trajectory watched = alg.run(c, new double[2], Progress.NONE, (k, x, grads, good) -> {
      rounds.add(k);
      assertThat(grads).hasNumberOfRows(6);
      for (int i = 0; i < 6; i++) {
        byzantineDropped[0] += c.isByzantine(i) && !good[i] ? 1 : 0;
      }
    });
    assertThat(rounds).hasSize(40).startsWith(1, 2).endsWith(40);
    assertThat(byzantineDropped[0]).isPositive(); // the ×20 flipper is far outside 4𝒱 of the median
    assertThat(watched.output()).isEqualTo(alg.run(c, new double[2]).output());
  }
}
