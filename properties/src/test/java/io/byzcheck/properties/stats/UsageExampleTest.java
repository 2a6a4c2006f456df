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

  /** "my estimator": the sample mean of n draws of N(0, I₃); its error ‖x̄‖ falls exactly as n^{−1/2}. */
  private static double myEstimatorError(int n, long seed) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    double s = 0;
    for (int k = 0; k < 3; k++) {
      double m = 0;
      for (int i = 0; i < n; i++) {
        m += r.nextGaussian() / n;
      }
      s += m * m;
    }
    return Math.sqrt(s);
  }

  private static StatisticalResult rate(double claimed) {
    double[] n = {16, 32, 64, 128, 256};
    RateCheck.PointTrial trial = (j, seed) -> myEstimatorError((int) n[j], seed);
    return RateCheck.run(new StatisticalCheck.Subject("MY-RATE", "my estimator", Map.of(), "error against n",
        "my paper, Theorem 2", "none"), n, RateCheck.Claim.upper("n", claimed, 0.1), trial, 100, 2, 42, 1e-3);
  }

  @Test
  void aClaimedRateHoldsAndASteeperOneIsRefuted() {
    StatisticalResult ok = rate(-0.5);
    assertThat(ok.verdict()).as(ok.summary()).isEqualTo(Verdict.HOLDS);
    StatisticalResult steeper = rate(-1);
    assertThat(steeper.verdict()).as(steeper.summary()).isEqualTo(Verdict.VIOLATED);
  }
}
