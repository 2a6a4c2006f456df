package io.byzcheck.properties.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.properties.Verdict;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The slope fit and the rate test on synthetic errors of known slope, with negative controls. */
class SlopeFitTest {
  private static final double[] GRID = {16, 32, 64, 128, 256, 512};
  private static final StatisticalCheck.Subject SUBJECT = new StatisticalCheck.Subject("YIN-RATE-MED", "synthetic",
      Map.of(), "synthetic errors", "test", "none");

  /** error = 3·x^b·exp(σZ): E log error = log 3 + b·log x exactly. */
  private static RateCheck.PointTrial powerLaw(double b, double sigma) {
    return (j, seed) -> 3 * Math.pow(GRID[j], b) * Math.exp(sigma * new SplittableRandom(seed).nextGaussian());
  }

  private static double[][] sample(double b, double sigma, int perPoint, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] e = new double[GRID.length][perPoint];
    for (int j = 0; j < GRID.length; j++) {
      for (int i = 0; i < perPoint; i++) {
        e[j][i] = 3 * Math.pow(GRID[j], b) * Math.exp(sigma * r.nextGaussian());
      }
    }
    return e;
  }

  @Test
  void noiselessPowerLawGivesItsSlopeAndInterceptExactly() {
    double[][] e = new double[GRID.length][4];
    for (int j = 0; j < GRID.length; j++) {
      java.util.Arrays.fill(e[j], 3 * Math.pow(GRID[j], -0.5));
    }
    SlopeFit f = SlopeFit.independent(GRID, true, e);
    assertThat(f.slope()).isCloseTo(-0.5, within(1e-12));
    assertThat(f.intercept()).isCloseTo(Math.log(3), within(1e-12));
    assertThat(f.slopeError()).isEqualTo(0.0);
    assertThat(f.fitted(100)).isCloseTo(Math.log(3 * Math.pow(100, -0.5)), within(1e-12));
  }

  @Test
  void slopeErrorIsTheLinearCombinationsStandardError() {
    // Σ c² s²/N by hand for equal per-point spreads: s²/N / Σ(u − ū)²
    double[][] e = sample(-0.5, 0.4, 50, 1);
    SlopeFit f = SlopeFit.independent(GRID, true, e);
    double ubar = 0;
    for (double x : GRID) {
      ubar += Math.log(x) / GRID.length;
    }
    double sxx = 0;
    double var = 0;
    for (double x : GRID) {
      sxx += Math.pow(Math.log(x) - ubar, 2);
    }
    for (int j = 0; j < GRID.length; j++) {
      var += Math.pow((Math.log(GRID[j]) - ubar) / sxx, 2) * Math.pow(f.standardError()[j], 2);
    }
    assertThat(f.slopeError()).isCloseTo(Math.sqrt(var), within(1e-15));
    assertThat(f.degreesOfFreedom()).isBetween(49.0, 6 * 49.0);
  }

  @Test
  void intervalsCoverTheTrueSlopeAtTheirLevel() {
    // 400 fits; a 90 % two-sided interval misses about 40 times: P(Bin(400, 0.1) ∉ [22, 60]) < 0.002
    int misses = 0;
    for (int r = 0; r < 400; r++) {
      SlopeFit f = SlopeFit.independent(GRID, true, sample(-0.5, 0.5, 20, 100 + r));
      double q = f.quantile(0.95);
      if (Math.abs(f.slope() + 0.5) > q * f.slopeError()) {
        misses++;
      }
    }
    assertThat(misses).isBetween(22, 60);
  }

  @Test
  void theClaimedSlopeHoldsAndASteeperClaimIsRefuted() {
    StatisticalResult ok = RateCheck.run(SUBJECT, GRID, RateCheck.Claim.upper("n", -0.5, 0.1), powerLaw(-0.5, 0.4),
        40, 2, 7, 1e-4);
    assertThat(ok.verdict()).as(ok.summary()).isEqualTo(Verdict.HOLDS);
    assertThat(ok.rate().finding()).isEqualTo("as claimed (within τ)");
    assertThat(ok.lower()).isLessThan(-0.5);
    assertThat(ok.upper()).isGreaterThan(-0.5);
    // negative control: slope −1 claimed for data of slope −1/2
    StatisticalResult wrong = RateCheck.run(SUBJECT, GRID, RateCheck.Claim.upper("n", -1, 0.1), powerLaw(-0.5, 0.4),
        40, 2, 7, 1e-4);
    assertThat(wrong.verdict()).as(wrong.summary()).isEqualTo(Verdict.VIOLATED);
    assertThat(wrong.rate().finding()).isEqualTo("slower than claimed");
    assertThat(wrong.pValue()).isLessThan(1e-6);
  }

  @Test
  void aFlatFloorViolatesARateAndFasterDecayIsReportedNotFailed() {
    StatisticalResult flat = RateCheck.run(SUBJECT, GRID, RateCheck.Claim.upper("n", -0.5, 0.1), powerLaw(0, 0.4), 40,
        1, 8, 1e-4);
    assertThat(flat.verdict()).isEqualTo(Verdict.VIOLATED);
    StatisticalResult fast = RateCheck.run(SUBJECT, GRID, RateCheck.Claim.upper("n", -0.5, 0.1), powerLaw(-1, 0.4),
        40, 1, 8, 1e-4);
    assertThat(fast.verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(fast.rate().finding()).isEqualTo("faster than claimed");
  }

  @Test
  void aLowerBoundIsViolatedByAnEstimatorThatBeatsIt() {
    StatisticalResult beats = RateCheck.run(SUBJECT, GRID, RateCheck.Claim.lower("n", -0.5, 0.1), powerLaw(-1, 0.4),
        40, 2, 9, 1e-4);
    assertThat(beats.verdict()).isEqualTo(Verdict.VIOLATED);
    StatisticalResult sits = RateCheck.run(SUBJECT, GRID, RateCheck.Claim.lower("n", -0.5, 0.1), powerLaw(-0.5, 0.4),
        40, 2, 9, 1e-4);
    assertThat(sits.verdict()).isEqualTo(Verdict.HOLDS);
  }

  @Test
  void tooFewTrialsForTheSpreadIsInconclusive() {
    StatisticalResult r = RateCheck.run(SUBJECT, GRID, RateCheck.Claim.upper("n", -0.5, 0.1), powerLaw(-0.5, 3), 4, 1,
        10, 1e-4);
    assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(r.detectable()).isGreaterThan(0.1 + RateCheck.DEFAULT_MAX_EXCESS);
  }

  @Test
  void pairedContractionFitRecoversTheFactorAndRefutesASmallerOne() {
    // log e_t = t·log ρ + a per-run offset + noise: the offset cancels within a run
    double rho = 0.8;
    double[] t = {1, 2, 3, 4, 5, 6, 7, 8};
    MonteCarlo.Trial run = seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      double offset = r.nextGaussian();
      double[] e = new double[t.length];
      for (int j = 0; j < t.length; j++) {
        e[j] = Math.exp(offset + t[j] * Math.log(rho) + 0.05 * r.nextGaussian());
      }
      return e;
    };
    StatisticalResult holds = RateCheck.runPaired(SUBJECT, t, false, RateCheck.Claim.upper("t", Math.log(0.85), 0.01),
        run, 50, 2, 11, 1e-4);
    assertThat(holds.estimate()).isCloseTo(Math.log(rho), within(0.01));
    assertThat(holds.verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(holds.rate().finding()).isEqualTo("faster than claimed");
    StatisticalResult refuted = RateCheck.runPaired(SUBJECT, t, false,
        RateCheck.Claim.upper("t", Math.log(0.7), 0.01), run, 50, 2, 11, 1e-4);
    assertThat(refuted.verdict()).isEqualTo(Verdict.VIOLATED);
  }

  @Test
  void resultsAreIdenticalAtOneAndTwoThreads() {
    StatisticalResult a = RateCheck.run(SUBJECT, GRID, RateCheck.Claim.upper("n", -0.5, 0.1), powerLaw(-0.5, 0.4), 30,
        1, 12, 1e-4);
    StatisticalResult b = RateCheck.run(SUBJECT, GRID, RateCheck.Claim.upper("n", -0.5, 0.1), powerLaw(-0.5, 0.4), 30,
        2, 12, 1e-4);
    assertThat(a.estimate()).isEqualTo(b.estimate());
    assertThat(a.upper()).isEqualTo(b.upper());
  }

  @Test
  void badInputIsAClearError() {
    double[][] e = sample(-0.5, 0.4, 5, 3);
    e[2][1] = 0;
    assertThatThrownBy(() -> SlopeFit.independent(GRID, true, e)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("grid point 2, trial 1");
    assertThatThrownBy(() -> SlopeFit.independent(new double[] {1, 2}, true, new double[2][3]))
        .hasMessageContaining("≥ 3 grid points");
    assertThatThrownBy(() -> SlopeFit.independent(new double[] {4, 4, 4}, true, new double[][] {{1, 2}, {1, 2}, {1, 2}}))
        .hasMessageContaining("two distinct");
  }
}
