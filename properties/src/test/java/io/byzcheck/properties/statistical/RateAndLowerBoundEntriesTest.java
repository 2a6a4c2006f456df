package io.byzcheck.properties.statistical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.kernels.sim.problem.Dataset;
import io.byzcheck.kernels.sim.problem.Problem;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The ALI-T34, ALI-T35, RES-C1 and ALI-T43/T44 entries: each ID has a check and a negative control in the catalogue
 * (their verdicts run in {@link StatisticalCatalogueTest}), and the two objectives they add agree with the plain
 * definitions they shortcut.
 */
class RateAndLowerBoundEntriesTest {
  private static final List<StatisticalEntry> ENTRIES = StatisticalCatalogue.entries(StatisticalBudget.CI);

  @TestFactory
  Stream<DynamicTest> everyNewRateAndLowerBoundIdHasACheckAndAControl() {
    return Stream.of("ALI-T34", "ALI-T35", "RES-C1", "ALI-T43", "ALI-T44", "CAO-T1").map(id -> DynamicTest.dynamicTest(id, () -> {
      assertThat(ENTRIES.stream().filter(e -> e.id().equals(id) && !e.control()).count()).isGreaterThanOrEqualTo(1);
      assertThat(ENTRIES.stream().filter(e -> e.id().equals(id) && e.control()).count()).isGreaterThanOrEqualTo(1);
      assertThat(StatisticalCatalogue.RATE_IDS.contains(id) || StatisticalCatalogue.LOWER_BOUND_IDS.contains(id))
          .as("%s is listed for the report and the coverage table", id).isTrue();
    }));
  }

  @Test
  void mnmsContractionClaimIsTheoremOnesFactorAtItsSampleSizeConditions() {
    // (34) at Δ₂ = h/(24C_α), Δ₃ = hh′/(3MC_α): the three terms are ηh/(9M), η/3 and η/3, so ρ = 1 − η/3 + ηh/(9M)
    double eta = CaoContractionChecks.ETA;
    double ratio = CaoContractionChecks.H / CaoContractionChecks.M_HESSIAN;
    assertThat(CaoContractionChecks.theoremFactor()).isCloseTo(1 - eta / 3 + eta * ratio / 9, within(1e-12));
    assertThat(ENTRIES.stream().filter(e -> e.name().startsWith("CAO-T1 MNM contraction")).map(StatisticalEntry::control))
        .containsExactlyInAnyOrder(false, true);
  }

  @Test
  void theEpochShiftKeepsItsFractionOfEachEpochsThresholdB() {
    int m = 40;
    int t1 = 512;
    double delta = 0.1;
    EpochShift a = new EpochShift(new double[] {3, 4}, m, t1, 0.5, 1, delta, 0.9);
    // 𝔗_B = 4𝒱√(T·log(16mT/δ)) (ALI-ALG1), written out here rather than taken from ByzantineSgd
    java.util.function.IntToDoubleFunction expected = t -> 0.9 * 4 * Math.sqrt(t * Math.log(16.0 * m * t / delta)) / t;
    assertThat(a.shift(1)).isCloseTo(expected.applyAsDouble(t1), within(1e-12));
    assertThat(a.shift(t1)).isCloseTo(expected.applyAsDouble(t1), within(1e-12));
    assertThat(a.shift(t1 + 1)).isCloseTo(expected.applyAsDouble(2 * t1), within(1e-12));
    assertThat(a.shift(3 * t1)).isCloseTo(expected.applyAsDouble(2 * t1), within(1e-12));
    assertThat(a.shift(3 * t1 + 1)).isCloseTo(expected.applyAsDouble(4 * t1), within(1e-12));
    assertThat(a.direction()).containsExactly(new double[] {0.6, 0.8}, within(1e-15));
  }

  @Test
  void theAlphaDesignIsolatesTheAlphaSquaredTermWithOneFirstEpochForEveryAlpha() {
    RestartRateChecks.Design d = RestartAlphaChecks.design();
    assertThat(RestartAlphaChecks.claimedSlope(d)).isEqualTo(-2);
    double[] x = d.grid();
    for (int j = 1; j < x.length; j++) {
      assertThat(x[j]).isGreaterThan(x[j - 1]);
    }
    // the invariant T₁ ≥ 32α²𝒱²C/(σD)² at the largest α (σ = 1, 𝒱 = 1, D = 1/2), C at the schedule's last epoch
    double alpha = (double) RestartAlphaChecks.Q[0] / RestartAlphaChecks.M;
    long last = (long) d.firstEpoch() << d.restarts();
    double needed = 32 * alpha * alpha * Math.log(16.0 * RestartAlphaChecks.M * last / 0.1) / 0.25;
    assertThat((double) d.firstEpoch()).isGreaterThanOrEqualTo(needed).isLessThan(2 * needed);
  }

  @Test
  void theLipschitzDesignInMIsolatesTheNoiseTermWithOneFirstEpochForEveryM() {
    RestartRateChecks.Design d = RestartRateChecks.lipschitzInM();
    assertThat(RestartRateChecks.claimedSlope(d)).isEqualTo(-1);
    double[] m = d.grid();
    // 𝒱²/m ≥ 2G² (G = 1) at the grid's top: the noise term, not G²/(σε), sets T at every m
    assertThat(d.noise() * d.noise() / m[m.length - 1]).isGreaterThanOrEqualTo(2);
    // epoch 0's x̄, off by ≈ 𝒱/√(mT₁) (curvature 1 at μ), stays well inside the next ball (radius D/√2) at the least m
    assertThat(d.noise() / Math.sqrt(m[0] * d.firstEpoch())).isLessThan(d.diameter() / Math.sqrt(2) / 3);
    assertThat(RestartRateChecks.lipschitzControlInM().grid()).containsExactly(m);
  }

  @Test
  void theExactShapeObjectiveEqualsTheFullGradientOfItsNoisySamples() {
    Problem p = ResamRateChecks.problem(7);
    ResamRateChecks.ExactShape exact = (ResamRateChecks.ExactShape) p.objective();
    double[] theta = {0.3, -1.2, 2.5};
    double[] fast = new double[3];
    double[] full = new double[3];
    exact.gradient(theta, fast);
    exact.noisy().gradient(theta, full);
    for (int k = 0; k < 3; k++) {
      assertThat(fast[k]).isCloseTo(full[k], within(1e-9));
    }
    assertThat(exact.loss(theta)).isCloseTo(exact.noisy().loss(theta), within(1e-9));
    assertThat(exact.restrict(new int[] {0, 1}).samples()).isEqualTo(2);
  }

  @Test
  void theLinearEstimatorIsTheMeanSampleTimesX() {
    double[] z = new double[101];
    SplittableRandom r = new SplittableRandom(3);
    double mean = 0;
    for (int i = 0; i < z.length; i++) {
      z[i] = 0.5 + r.nextGaussian();
      mean += z[i] / z.length;
    }
    LinearSamples f = new LinearSamples(new Dataset(z, z.length, 1, new double[z.length]));
    double[] g = new double[1];
    f.gradient(new double[] {0.7}, g);
    assertThat(g[0]).isCloseTo(mean, within(1e-12));
    assertThat(f.loss(new double[] {0.7})).isCloseTo(0.7 * mean, within(1e-12));
    f.restrict(new int[] {4}).gradient(new double[] {0.7}, g);
    assertThat(g[0]).isEqualTo(z[4]);
  }

  @Test
  void theLowerBoundsSuccessBoundIsLeCamsPhiOfC() {
    // c = 1: Φ(1) = 0.8413447…, and T equals the theorems' 𝒱²-term with hidden constant 1
    assertThat(LowerBoundChecks.successBound()).isCloseTo(0.8413447, within(1e-6));
    for (int j = 0; j < 3; j++) {
      int t43 = LowerBoundChecks.samples(true, j);
      int t44 = LowerBoundChecks.samples(false, j);
      assertThat(t43 / LowerBoundChecks.boundTerm(io.byzcheck.theory.alistarh.LowerBounds.convex(), true, t43))
          .isCloseTo(1, within(1e-9));
      assertThat(t44 / LowerBoundChecks.boundTerm(io.byzcheck.theory.alistarh.LowerBounds.stronglyConvex(), false,
          t44)).isCloseTo(1, within(1e-9));
    }
  }

  @Test
  void theAlphaTermsConstantIsTheInverseNormalOverAlphaSquared() {
    // a = 𝒱Φ⁻¹(1/(2(1 − α)))/√T, so T over the α²-term α²𝒱²D²/ε² (ε = aD) is (Φ⁻¹(1/1.9)/0.05)² ≈ 1.743 at every T
    double z = org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
        .inverseCumulativeProbability(1 / (2 * (1 - 0.05)));
    for (int j = 0; j < 3; j++) {
      for (boolean convex : new boolean[] {true, false}) {
        int t = LowerBoundChecks.samples(convex, j);
        assertThat(t / LowerBoundChecks.alphaTerm(convex, t)).isCloseTo(z * z / (0.05 * 0.05), within(1e-9));
      }
    }
    assertThat(z * z / (0.05 * 0.05)).isCloseTo(1.743, within(1e-3));
  }

  @Test
  void huberBlocksHaveOneLawInBothWorldsAndNormalBlocksDoNot() {
    // Blocks of t = 4 samples at the construction's separation: the block means' empirical CDFs of the two worlds
    // agree within the Kolmogorov–Smirnov scale 1.95·√(2/N) ≈ 0.0087 (N = 100 000, 10⁻³) at 9 points, the residuals
    // keep the per-sample variance 𝒱²(t − 1)/t; without the contamination the worlds differ at the midpoint.
    int t = 4;
    double a = LowerBoundChecks.halfSeparation(t);
    double[] mu = {-a, a};
    int blocks = 100_000;
    double[][] means = new double[2][blocks];
    double[] out = new double[t];
    double residual = 0;
    for (int k = 0; k < 2; k++) {
      SplittableRandom r = new SplittableRandom(40 + k);
      for (int i = 0; i < blocks; i++) {
        HuberTwoPoint.block(r.nextDouble() < LowerBoundChecks.ALPHA, k, mu, 1, t, r, out, 0);
        double m = (out[0] + out[1] + out[2] + out[3]) / t;
        means[k][i] = m;
        for (double v : out) {
          residual += (v - m) * (v - m) / (2.0 * blocks * (t - 1));
        }
      }
    }
    for (int j = -4; j <= 4; j++) {
      double at = j * 0.25;
      double f0 = java.util.Arrays.stream(means[0]).filter(v -> v <= at).count() / (double) blocks;
      double f1 = java.util.Arrays.stream(means[1]).filter(v -> v <= at).count() / (double) blocks;
      assertThat(Math.abs(f0 - f1)).as("CDF at %s: %s vs %s", at, f0, f1).isLessThan(0.0087);
    }
    assertThat(residual).isCloseTo(1, within(0.01));
    double[] z0 = HuberTwoPoint.samples(2000, t, 0, 0, mu, 1, new SplittableRandom(5));
    double[] z1 = HuberTwoPoint.samples(2000, t, 0, 1, mu, 1, new SplittableRandom(6));
    double m0 = java.util.Arrays.stream(z0).average().orElseThrow();
    double m1 = java.util.Arrays.stream(z1).average().orElseThrow();
    // the pooled means sit at ∓a with standard error 1/√8000 = 0.011, and 2a = 0.066 apart
    assertThat(m1 - m0).isCloseTo(2 * a, within(0.05));
    assertThat(m1 - m0).isGreaterThan(0.02);
  }
}
