package io.byzcheck.properties.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.properties.Verdict;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The engine against values computed here independently (exact sums, closed forms), and its determinism. */
class EngineTest {

  /** P(Bin(n, p) ≥ k) by exact summation of the binomial terms in log space. */
  private static double tail(int n, int k, double p) {
    double s = 0;
    for (int j = k; j <= n; j++) {
      double logC = 0;
      for (int i = 1; i <= j; i++) {
        logC += Math.log(n - j + i) - Math.log(i);
      }
      s += Math.exp(logC + j * Math.log(p) + (n - j) * Math.log1p(-p));
    }
    return s;
  }

  @Test
  void binomialPValueIsTheExactUpperTail() {
    // P(Bin(20, 0.1) ≥ 5) = 0.0431745… (hand check: 1 − Σ_{j<5} C(20,j)0.1^j 0.9^{20−j})
    assertThat(ExactBinomial.pValue(20, 5, 0.1)).isCloseTo(tail(20, 5, 0.1), within(1e-12));
    assertThat(ExactBinomial.pValue(20, 5, 0.1)).isCloseTo(0.0431745, within(1e-6));
    assertThat(ExactBinomial.pValue(300, 30, 0.05)).isCloseTo(tail(300, 30, 0.05), within(1e-12));
    assertThat(ExactBinomial.pValue(50, 0, 0.05)).isEqualTo(1.0);
  }

  @Test
  void clopperPearsonWithNoFailuresIsTheClosedForm() {
    // k = 0: the upper bound solves (1 − p)^n = α
    for (int n : new int[] {10, 97, 1000}) {
      assertThat(ExactBinomial.upper(n, 0, 1e-3)).isCloseTo(1 - Math.pow(1e-3, 1.0 / n), within(1e-9));
    }
    // k = n: the lower bound solves p^n = α
    assertThat(ExactBinomial.lower(40, 40, 0.01)).isCloseTo(Math.pow(0.01, 1.0 / 40), within(1e-9));
    // the upper bound p_u at k solves P(Bin(n, p_u) ≤ k) = α
    double pu = ExactBinomial.upper(200, 7, 0.01);
    assertThat(1 - tail(200, 8, pu)).isCloseTo(0.01, within(1e-7));
  }

  @Test
  void criticalCountAndPowerMatchExactTails() {
    int n = 300;
    double delta = 0.05;
    double alpha = 1e-4;
    int kc = ExactBinomial.criticalCount(n, delta, alpha);
    assertThat(tail(n, kc, delta)).isLessThanOrEqualTo(alpha);
    assertThat(tail(n, kc - 1, delta)).isGreaterThan(alpha);
    double p = ExactBinomial.detectable(n, delta, alpha);
    assertThat(tail(n, kc, p)).isCloseTo(0.9, within(1e-6));
    assertThat(p).isGreaterThan(delta).isLessThan(1);
    // too few trials to reject anything: δ^n > α
    assertThat(ExactBinomial.detectable(2, 0.5, 1e-3)).isInfinite();
  }

  @Test
  void empiricalBernsteinRadiusIsMaurerPontil() {
    Moments m = new Moments(1000, 0.3, 0.04);
    double l = Math.log(2 / 0.01);
    assertThat(MeanTests.bernsteinRadius(m, 2, 0.01))
        .isCloseTo(Math.sqrt(2 * 0.04 * l / 1000) + 7 * 2 * l / (3 * 999), within(1e-15));
    // the p-value is the level at which the lower bound touches B
    double p = MeanTests.bernsteinPValue(m, 2, 0.1);
    assertThat(0.3 - MeanTests.bernsteinRadius(m, 2, p)).isCloseTo(0.1, within(1e-9));
    assertThat(MeanTests.bernsteinPValue(m, 2, 0.35)).isEqualTo(1.0);
  }

  @Test
  void momentsAreTheSampleMeanAndUnbiasedVariance() {
    double[][] obs = {{1}, {2}, {4}, {9}};
    Moments m = Moments.of(obs, 0, 4);
    assertThat(m.mean()).isEqualTo(4.0);
    assertThat(m.variance()).isCloseTo((9 + 4 + 0 + 25) / 3.0, within(1e-12));
    assertThatThrownBy(() -> Moments.of(new double[][] {{1}, {Double.NaN}}, 0, 2))
        .hasMessageContaining("non-finite");
  }

  private static final MonteCarlo.Trial NOISY = seed -> {
    SplittableRandom r = new SplittableRandom(seed);
    double s = 0;
    for (int i = 0; i < 1000; i++) {
      s += r.nextGaussian();
    }
    return new double[] {s, r.nextDouble() < 0.2 ? 1 : 0};
  };

  @Test
  void trialsAreBitIdenticalOnOneAndTwoThreads() {
    double[][] one = MonteCarlo.run(NOISY, 42, 0, 257, 1);
    double[][] two = MonteCarlo.run(NOISY, 42, 0, 257, 2);
    assertThat(two).isDeepEqualTo(one);
    // a later batch starts where the first stopped, with the same seeds as one long run
    double[][] tail = MonteCarlo.run(NOISY, 42, 200, 57, 2);
    for (int i = 0; i < 57; i++) {
      assertThat(tail[i]).isEqualTo(one[200 + i]);
    }
    StatisticalCheck.Subject s = new StatisticalCheck.Subject("T", "noise", Map.of(), "x", "c", "none");
    List<Claim> claims = List.of(Claims.meanAtMost("mean", 0, 5, Double.POSITIVE_INFINITY),
        Claims.failure("fails", 1, 0.3));
    StatisticalResult r1 = StatisticalCheck.run(s, claims, NOISY, new Plan(800, 4, 1, 7, 1e-3));
    StatisticalResult r2 = StatisticalCheck.run(s, claims, NOISY, new Plan(800, 4, 2, 7, 1e-3));
    assertThat(r2).usingRecursiveComparison().isEqualTo(r1);
  }

  @Test
  void trueClaimsHoldAndFalseOnesAreViolated() {
    StatisticalCheck.Subject s = new StatisticalCheck.Subject("T", "noise", Map.of(), "x", "c", "none");
    Plan plan = new Plan(2000, 4, 2, 11, 1e-3);
    StatisticalResult ok = StatisticalCheck.run(s, List.of(Claims.failure("p=0.2 ≤ 0.3", 1, 0.3)), NOISY, plan);
    assertThat(ok.verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(ok.trials()).isLessThan(2000); // certified early: the CP upper bound fell below 0.3
    StatisticalResult bad = StatisticalCheck.run(s, List.of(Claims.failure("p=0.2 ≤ 0.1", 1, 0.1)), NOISY, plan);
    assertThat(bad.verdict()).isEqualTo(Verdict.VIOLATED);
    assertThat(bad.pValue()).isLessThanOrEqualTo(1e-3);
    // E[s] = 0, sd √1000 ≈ 31.6: a claim E ≤ −5 is refuted, E = 0 is not
    StatisticalResult meanBad = StatisticalCheck.run(s,
        List.of(Claims.meanEquals("E = 20", 0, 20)), NOISY, plan);
    assertThat(meanBad.verdict()).isEqualTo(Verdict.VIOLATED);
    StatisticalResult meanOk = StatisticalCheck.run(s, List.of(Claims.meanEquals("E = 0.001", 0, 0.001)), NOISY, plan);
    assertThat(meanOk.verdict()).isNotEqualTo(Verdict.VIOLATED);
  }

  @Test
  void theTruncatedMeanTestRejectsHeavyTailsThatDefeatTheTTest() {
    // X = 4·10⁶ w.p. 0.8, 10³⁰ w.p. 0.01, else 0: E[X] ≈ 10²⁸ ≫ B = 10⁶, but with k giants among n trials the t
    // statistic is only about √k ≈ 2 — the t-test cannot reject; min(X, 10B) has mean ≈ 3.3B and is rejected
    MonteCarlo.Trial heavy = seed -> {
      double u = new SplittableRandom(seed).nextDouble();
      return new double[] {u < 0.8 ? 4e6 : u < 0.81 ? 1e30 : 0};
    };
    StatisticalCheck.Subject s = new StatisticalCheck.Subject("T", "heavy", Map.of(), "x", "c", "none");
    Plan plan = new Plan(400, 1, 2, 5, 1e-4);
    StatisticalResult t = StatisticalCheck.run(s, List.of(Claims.meanAtMost("t", 0, 1e6, Double.POSITIVE_INFINITY)),
        heavy, plan);
    StatisticalResult cut = StatisticalCheck.run(s, List.of(Claims.nonNegativeMeanAtMost("cut", 0, 1e6, 10)), heavy,
        plan);
    assertThat(t.verdict()).isNotEqualTo(Verdict.VIOLATED);
    assertThat(cut.verdict()).isEqualTo(Verdict.VIOLATED);
    // and a true claim on a light tail is not rejected by it: E[U] = 0.5 ≤ 0.6
    StatisticalResult ok = StatisticalCheck.run(s, List.of(Claims.nonNegativeMeanAtMost("ok", 0, 0.6, 10)),
        seed -> new double[] {new SplittableRandom(seed).nextDouble()}, new Plan(4000, 4, 2, 5, 1e-4));
    assertThat(ok.verdict()).isEqualTo(Verdict.HOLDS);
  }

  @Test
  void aCheckThatCannotDetectAnythingIsInconclusive() {
    StatisticalCheck.Subject s = new StatisticalCheck.Subject("T", "noise", Map.of(), "x", "c", "none");
    // 16 trials, δ = 0.01 at level 1e-6: even P(fail) = 1 gives 0.01^16 > 1e-6? no: 1e-32 — but P(fail) = 0.5 is
    // needed to reach 0.9 power only with far more trials; with δ = 0.6 no p ≤ 1 is detectable at 16 trials.
    StatisticalResult r = StatisticalCheck.run(s, List.of(Claims.failure("weak", 1, 0.6)), NOISY,
        new Plan(16, 1, 1, 3, 1e-6));
    assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(r.detectable()).isInfinite();
  }

  @Test
  void holmRejectsStepDown() {
    // family 0.05 over 4 checks: thresholds 0.0125, 0.0167, 0.025, 0.05 for the sorted p-values
    StatisticalResult base = StatisticalCheck.run(new StatisticalCheck.Subject("T", "s", Map.of(), "x", "c", "none"),
        List.of(Claims.failure("f", 1, 0.3)), NOISY, new Plan(16, 1, 1, 1, 0.0125));
    List<StatisticalResult> rs = List.of(p(base, 0.01), p(base, 0.04), p(base, 0.015), p(base, 0.3));
    List<StatisticalResult> out = new ErrorBudget(0.05, 4).holm(rs);
    assertThat(out).extracting(StatisticalResult::verdict)
        .containsExactly(Verdict.VIOLATED, Verdict.HOLDS, Verdict.VIOLATED, Verdict.HOLDS);
    // 0.04 > 0.025 stops the procedure, though 0.04 ≤ 0.05
    assertThat(out.get(1).level()).isCloseTo(0.025, within(1e-12));
  }

  private static StatisticalResult p(StatisticalResult r, double p) {
    return new StatisticalResult(r.id(), r.subject(), r.parameters(), r.experiment(), r.estimate(), r.lower(),
        r.upper(), r.bound(), r.citation(), r.tightness(), r.trials(), r.plannedTrials(), r.seed(), r.method(),
        r.level(), p, r.detectable(), Verdict.HOLDS, r.worstAttack(), r.parts(), r.sample(), false);
  }
}
