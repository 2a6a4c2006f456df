package io.byzcheck.properties.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.attack.SignFlipping;
import io.byzcheck.kernels.sim.optim.ByzantineSgd;
import io.byzcheck.kernels.sim.problem.AdditiveNoise;
import io.byzcheck.kernels.sim.problem.Problem;
import io.byzcheck.properties.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** properties/USAGE.md's optimizer example, as written there (fewer trials), and the same claim made too strong. */
class UsageExampleTest {
  private static final double[] MU = {3, -2, 1};
  private static final AdditiveNoise.Shape F = AdditiveNoise.quadratic(MU);
  private static final Problem PROBLEM = AdditiveNoise.problem(F, 3, 10_000, 1.0, 7);
  private static final ByzantineSgd MINE = ByzantineSgd.theoretical(10, 0.5, 10, 400, 1.0, 0.05, 1, 0);
  private static final MonteCarlo.Trial TRIAL = seed -> {
    Cluster c = Cluster.builder(PROBLEM).workers(10).byzantine(2, SignFlipping.signFlipping())
        .seed(seed).monitorEvery(400).build();
    return new double[] {F.value(MINE.run(c, new double[3]).output())};
  };

  private static StatisticalResult claim(double bound) {
    return StatisticalCheck.run(
        new StatisticalCheck.Subject("MY-CLAIM", "my optimizer", Map.of("m", 10, "q", 2),
            "f(x̄) − f* ≤ " + bound + " w.p. ≥ 0.95", "my paper, Theorem 1", "sign flipping"),
        List.of(Claims.exceedance("P(f(x̄) − f* > " + bound + ")", 0, bound, 0.05)), TRIAL, Plan.of(200, 42, 1e-3));
  }

  @Test
  void theDocumentedClaimHoldsAndATooStrongOneIsRefuted() {
    StatisticalResult ok = claim(0.5);
    assertThat(ok.verdict()).as(ok.summary()).isEqualTo(Verdict.HOLDS);
    // the average iterate of 400 steps from x₁ = 0 sits near μ but not at it: 10⁻⁶ is refuted
    StatisticalResult tooStrong = claim(1e-6);
    assertThat(tooStrong.verdict()).as(tooStrong.summary()).isEqualTo(Verdict.VIOLATED);
  }
}
