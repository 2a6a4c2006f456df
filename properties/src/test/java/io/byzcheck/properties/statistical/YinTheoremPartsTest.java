package io.byzcheck.properties.statistical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.byzcheck.kernels.sim.problem.AdditiveNoise;
import io.byzcheck.kernels.sim.problem.Objective;
import io.byzcheck.kernels.sim.problem.Problem;
import io.byzcheck.properties.stats.Evaluation;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The pieces behind YIN-T2/T3/T5/T6, YIN-T7 and YIN-OBS1, each against a plain reference. */
class YinTheoremPartsTest {

  @Test
  void theShardWithItsNoiseMeanPrecomputedIsTheExactAdditiveNoiseLoss() {
    AdditiveNoise.Shape h = AdditiveNoise.cosine(new double[] {1, -0.5, 2}, 2);
    Problem exact = AdditiveNoise.problem(h, 3, 37, 0.7, 11);
    Objective fast = AdditiveNoiseShard.of(exact.objective(), h);
    SplittableRandom r = new SplittableRandom(3);
    // awkward shard sizes, as the cluster cuts them: 1, 7 and 73 of the 74 samples
    for (int size : new int[] {1, 7, 73}) {
      int[] pick = new int[size];
      for (int i = 0; i < size; i++) {
        pick[i] = r.nextInt(74);
      }
      Objective a = exact.objective().restrict(pick);
      Objective b = fast.restrict(pick);
      double[] theta = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
      double[] ga = new double[3];
      double[] gb = new double[3];
      a.gradient(theta, ga);
      b.gradient(theta, gb);
      for (int k = 0; k < 3; k++) {
        assertThat(gb[k]).as("gradient %d, |S| = %d", k, size).isCloseTo(ga[k], offset(1e-12));
      }
      assertThat(b.loss(theta)).as("loss, |S| = %d", size).isCloseTo(a.loss(theta), offset(1e-12));
    }
  }

  @Test
  void appendixGsTwoWorldsGiveMachinesTheSameLaw() {
    // (1−α)P₁ⁿ + αQ₁ = (1−α)P₂ⁿ + αQ₂: the machine means of the two worlds have one distribution. Compare their
    // empirical CDFs on 200 000 machines each at 9 points (Kolmogorov–Smirnov scale: 1.95·√(2/N) ≈ 0.0062 at 10⁻³).
    int n = 16;
    double sep = YinLowerBoundChecks.separation(n);
    double[] mu = {0, sep};
    double s = 1 / Math.sqrt(n);
    int machines = 200_000;
    double[][] x = new double[2][machines];
    for (int k = 0; k < 2; k++) {
      SplittableRandom r = new SplittableRandom(100 + k);
      for (int i = 0; i < machines; i++) {
        x[k][i] = HuberTwoPoint.localMean(r.nextDouble() < YinLowerBoundChecks.ALPHA, k, mu, s, r);
      }
    }
    for (int j = -4; j <= 4; j++) {
      double at = sep / 2 + j * 0.5 * s;
      double f0 = java.util.Arrays.stream(x[0]).filter(v -> v <= at).count() / (double) machines;
      double f1 = java.util.Arrays.stream(x[1]).filter(v -> v <= at).count() / (double) machines;
      assertThat(Math.abs(f0 - f1)).as("CDF at %s: %s vs %s", at, f0, f1).isLessThan(0.0062);
    }
    // and a world's normal machines alone are distinguishable: without the Byzantine Q the CDFs differ
    SplittableRandom r = new SplittableRandom(7);
    double below = 0;
    for (int i = 0; i < machines; i++) {
      below += HuberTwoPoint.localMean(false, 1, mu, s, r) <= sep / 2 ? 1 : 0;
    }
    assertThat(Math.abs(below / machines - 0.5)).isGreaterThan(0.05);
  }

  @Test
  void anOracleBeatsTheConstructionAndTheMedianDoesNot() {
    double median = 0;
    double oracle = 0;
    for (int i = 0; i < 300; i++) {
      median += YinLowerBoundChecks.trial(YinLowerBoundChecks.Estimator.MEDIAN, i)[0] / 300;
      oracle += YinLowerBoundChecks.trial(YinLowerBoundChecks.Estimator.ORACLE, i)[0] / 300;
    }
    assertThat(median).isGreaterThan(1);
    assertThat(oracle).isLessThan(1);
  }

  @Test
  void aLowerBoundOnAMeanIsRejectedOnlyBelowIt() {
    double[][] above = new double[400][1];
    double[][] below = new double[400][1];
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 400; i++) {
      above[i][0] = 1.2 + 0.3 * r.nextGaussian();
      below[i][0] = 0.8 + 0.3 * r.nextGaussian();
    }
    MeanAtLeast claim = new MeanAtLeast("ratio", 0, 1);
    Evaluation ok = claim.evaluate(above, 400, 1e-4);
    Evaluation bad = claim.evaluate(below, 400, 1e-4);
    assertThat(ok.pValue()).isGreaterThan(0.5);
    assertThat(ok.tightness()).isCloseTo(1.2, offset(0.05));
    assertThat(ok.informative()).isTrue();
    // se = 0.3/20 = 0.015, t quantiles ≈ 3.75 and 1.28: a mean of 1 − 0.075 is detected, B/c ≈ 1.08
    assertThat(ok.detectable()).isCloseTo(1 / (1 - 5.03 * 0.015), offset(0.01));
    assertThat(bad.pValue()).isLessThan(1e-6);
    assertThatThrownBy(() -> new MeanAtLeast("x", 0, 0)).hasMessageContaining("B > 0");
  }

  @Test
  void everyIdOfTheGroupHasACheckAndAControlAndIsCountedAsARate() {
    java.util.List<StatisticalEntry> entries = YinTheoremEntries.entries(StatisticalBudget.CI);
    for (String id : YinTheoremEntries.IDS) {
      assertThat(entries.stream().filter(e -> e.id().equals(id) && !e.control()).count()).as(id).isPositive();
      assertThat(entries.stream().filter(e -> e.id().equals(id) && e.control()).count()).as(id).isPositive();
      assertThat(StatisticalCatalogue.RATE_IDS).contains(id);
    }
    assertThat(entries).allMatch(e -> YinTheoremEntries.IDS.contains(e.id()) && e.name().startsWith(e.id()));
    assertThat(entries.stream().map(StatisticalEntry::name).distinct().count()).isEqualTo(entries.size());
  }

  @Test
  void theTheoremsIterationsGrowWithNAndTheirConditionsHold() {
    for (YinTheoremChecks.Theorem th : java.util.List.of(YinTheoremChecks.T2, YinTheoremChecks.T3, YinTheoremChecks.T5,
        YinTheoremChecks.T6)) {
      int previous = 0;
      for (int n : YinTheoremChecks.NS) {
        int t = th.iterations(n);
        assertThat(t).as("%s at n = %d", th.id(), n).isGreaterThanOrEqualTo(previous).isPositive();
        previous = t;
      }
      assertThat(th.claimedSlope()).as(th.id()).isEqualTo(-0.5);
    }
    assertThat(YinTheoremChecks.T2.epsilon()).isPositive();
    assertThat(YinOneRoundChecks.claimedSlope("n")).isEqualTo(-0.5);
    assertThat(YinOneRoundChecks.claimedSlope("m")).isEqualTo(-0.5);
    assertThat(YinOneRoundChecks.epsilon()).isPositive();
    assertThat(YinOneRoundChecks.explicitBound()).isPositive();
  }

  @Test
  void theRateDesignsIsolateTheirTermAndTheAlphaDesignIsFittedInItsInverse() {
    assertThat(YinRateChecks.claimedSlope(YinRateChecks.medianInN())).isEqualTo(-0.5);
    assertThat(YinRateChecks.claimedSlope(YinRateChecks.medianInM())).isEqualTo(-0.5);
    YinRateChecks.Design a = YinRateChecks.medianInAlpha();
    // α/√n has exponent +1 in α, so −1 in 1/α; the grid runs from large α to small so that 1/α increases
    assertThat(YinRateChecks.claimedSlope(a)).isEqualTo(-1);
    double[] x = a.x();
    for (int j = 1; j < x.length; j++) {
      assertThat(x[j]).isGreaterThan(x[j - 1]);
    }
    assertThat(x[0]).isCloseTo(1 / a.grid().getFirst().alpha(), org.assertj.core.api.Assertions.within(1e-12));
    YinRateChecks.admissible(a);
  }
}
