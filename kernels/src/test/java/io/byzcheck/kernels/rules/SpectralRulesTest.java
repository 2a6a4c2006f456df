package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.kernels.Awkward;
import io.byzcheck.kernels.ByzantineInputException;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.reference.CovarianceAgnosticFilterReference;
import io.byzcheck.kernels.reference.MeanReference;
import io.byzcheck.kernels.reference.ReferenceRule;
import io.byzcheck.kernels.reference.SmallestMaximumEigenvalueAveragingReference;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The spectral rules of the EPFL group, SMEA (Allouah et al. 2023) and CAF (Allouah et al. 2025): cases worked by
 * hand from the definitions, the fast rules (n × n or |S| × |S| Gram spectra) against the references (d × d covariance
 * spectra) at awkward sizes (tagged: forced vector widths and the scalar path), and bad input.
 */
@Tag("vector-width")
class SpectralRulesTest {

  /** [[2, 1], [1, 2]]: eigenvalues 3 and 1, top eigenvector (1, 1)/√2; a diagonal matrix: its largest entry. */
  @Test
  void jacobiFindsTheLargestEigenpair() {
    double[] v = new double[2];
    assertThat(SymmetricEigen.top(new double[][] {{2, 1}, {1, 2}}, v)).isCloseTo(3, within(1e-15));
    assertThat(v[0]).isCloseTo(Math.sqrt(0.5), within(1e-15));
    assertThat(v[1]).isCloseTo(Math.sqrt(0.5), within(1e-15));
    assertThat(SymmetricEigen.top(new double[][] {{1, 0, 0}, {0, 5, 0}, {0, 0, -7}}, new double[3])).isEqualTo(5);
    // [[4, 1, 0], [1, 3, 1], [0, 1, 2]]: characteristic polynomial (3 − λ)(λ² − 6λ + 6), top 3 + √3.
    assertThat(SymmetricEigen.top(new double[][] {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}}, new double[3]))
        .isCloseTo(3 + Math.sqrt(3), within(1e-14));
  }

  /**
   * d = 1: λ_max(Σ_S) is S's variance. x = 0, 1, 2, 10, f = 1: {0, 1, 2} has variance 2/3, every other triple holds 10
   * and more: mean 1.
   */
  @Test
  void smeaInOneDimensionTakesTheSmallestVarianceSubset() {
    WorkerVectors x = WorkerVectors.wrap(new float[] {10}, new float[] {0}, new float[] {2}, new float[] {1});
    assertThat(new SmallestMaximumEigenvalueAveraging().aggregate(x, 1)).containsExactly(1f);
    assertThat(new SmallestMaximumEigenvalueAveragingReference().aggregateExact(x.toDoubles(), 1)).containsExactly(1.0);
  }

  /**
   * λ_max, not the trace: n = 5, f = 2, subsets of 3. The triangle t₁ = (1, 0), t₂,₃ = (−1/2, ±√3/2) (side √3) has
   * covariance ≈ I/2: λ_max = 1/2, trace 1. The collinear triple t₁, (2, 0), (3, 0) has covariance diag(2/3, 0):
   * λ_max = trace = 2/3. Every mixed triple spreads more than 1/2 along x (e.g. t₁, t₂, (2, 0): x-variance 1.06).
   * SMEA takes the triangle, mean (0, 0) (the float ±√3/2 cancel exactly); a smallest-total-variance rule would take
   * the line, (2, 0).
   */
  @Test
  void smeaMinimisesTheLargestEigenvalueNotTheTotalVariance() {
    float h = (float) (Math.sqrt(3) / 2);
    WorkerVectors x = WorkerVectors.wrap(new float[] {3, 0}, new float[] {-0.5f, h}, new float[] {2, 0},
        new float[] {1, 0}, new float[] {-0.5f, -h});
    float[] got = new SmallestMaximumEigenvalueAveraging().aggregate(x, 2);
    assertThat(got[0]).isCloseTo(0f, within(1e-7f));
    assertThat(got[1]).isCloseTo(0f, within(1e-7f));
    double[] ref = new SmallestMaximumEigenvalueAveragingReference().aggregateExact(x.toDoubles(), 2);
    assertThat(ref[0]).isCloseTo(0, within(1e-15));
    assertThat(ref[1]).isCloseTo(0, within(1e-15));
  }

  /**
   * Two tied subsets: (−1, 0), (0, 0), (1, 0), (0, 1) with f = 1. {(−1,0), (0,0), (0,1)} and its mirror {(0,0), (1,0),
   * (0,1)} both have λ_max = 1/3 (covariance [[2/9, 1/9], [1/9, 2/9]] up to the sign of the 1/9), the collinear triple
   * 2/3 and the other (−1,0), (1,0), (0,1) also 2/3. In the contents order (−1,0) &lt; (0,0) &lt; (0,1) &lt; (1,0) the first
   * is first: mean (−1/3, 1/3), whatever the workers' order.
   */
  @Test
  void smeaTiesGoToTheFirstSubsetInContentsOrder() {
    float[][] rows = {{-1, 0}, {0, 0}, {1, 0}, {0, 1}};
    float[][] shuffled = {{1, 0}, {0, 1}, {0, 0}, {-1, 0}};
    for (float[][] r : new float[][][] {rows, shuffled}) {
      float[] got = new SmallestMaximumEigenvalueAveraging().aggregate(WorkerVectors.wrap(r), 1);
      assertThat(got[0]).isCloseTo(-1f / 3, within(1e-7f));
      assertThat(got[1]).isCloseTo(1f / 3, within(1e-7f));
    }
    double[] ref = new SmallestMaximumEigenvalueAveragingReference().aggregateExact(WorkerVectors.wrap(shuffled)
        .toDoubles(), 1);
    assertThat(ref[0]).isCloseTo(-1.0 / 3, within(1e-15));
    assertThat(ref[1]).isCloseTo(1.0 / 3, within(1e-15));
  }

  /**
   * CAF at d = 1, x = 0, 1, 5, f = 1 (loop while Σc &gt; n − 2f = 1). Round 1: μ = 2, λ = 14/3, τ = 4, 1, 9 → c = 5/9,
   * 8/9, 0. Round 2: Σc = 13/9, μ = 8/13, λ = (5/9·64/169 + 8/9·25/169)/(13/9) = 40/169 (smaller: the candidate), τ over
   * the weighted workers 64/169, 25/169 → c = 0, 13/24: Σc ≤ 1, stop. Output 8/13. (ByzFL's code takes τ_max over all
   * workers, 5's (57/13)² included, and would go on.)
   */
  @Test
  void cafHandWorkedCase() {
    WorkerVectors x = WorkerVectors.wrap(new float[] {0}, new float[] {1}, new float[] {5});
    assertThat(new CovarianceAgnosticFilter().aggregate(x, 1)[0]).isCloseTo(8f / 13, within(1e-7f));
    assertThat(new CovarianceAgnosticFilterReference().aggregateExact(x.toDoubles(), 1)[0])
        .isCloseTo(8.0 / 13, within(1e-15));
  }

  /** f = 0: both rules keep every worker, the mean (CAF's loop never runs; SMEA's one subset is all). */
  @Test
  void withoutByzantineWorkersBothAreTheMean() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 200);
    for (int n = 1; n <= 7; n++) {
      WorkerVectors x = gaussian(rnd, n, 5, 0);
      double[] mean = new MeanReference().aggregateExact(x.toDoubles(), 0);
      float[] smea = new SmallestMaximumEigenvalueAveraging().aggregate(x, 0);
      float[] caf = new CovarianceAgnosticFilter().aggregate(x, 0);
      for (int k = 0; k < 5; k++) {
        assertThat((double) smea[k]).as("n=%d", n).isCloseTo(mean[k], within(1e-5));
        assertThat((double) caf[k]).as("n=%d", n).isCloseTo(mean[k], within(1e-5));
      }
    }
  }

  /** Identical honest workers and f far ones: exactly the honest vector (λ = 0 is reached and is the smallest). */
  @Test
  void identicalHonestWorkersAreReturnedExactly() {
    for (int f = 1; f <= 3; f++) {
      int n = 2 * f + 1;
      float[][] rows = new float[n][];
      for (int i = 0; i < n; i++) {
        rows[i] = i < n - f ? new float[] {0.1f, -3e7f, 5} : new float[] {1e30f * i, i, -1e29f};
      }
      WorkerVectors x = WorkerVectors.wrap(rows);
      assertThat(new SmallestMaximumEigenvalueAveraging().aggregate(x, f)).as("SMEA f=%d", f)
          .containsExactly(0.1f, -3e7f, 5);
      assertThat(new CovarianceAgnosticFilter().aggregate(x, f)).as("CAF f=%d", f).containsExactly(0.1f, -3e7f, 5);
    }
  }

  private static WorkerVectors gaussian(SplittableRandom rnd, int n, int d, double offset) {
    float[][] rows = new float[n][d];
    for (int i = 0; i < n; i++) {
      double scale = i % 3 == 2 ? 20 : 1; // a few far points
      for (int k = 0; k < d; k++) {
        rows[i][k] = (float) (offset + scale * rnd.nextGaussian());
      }
    }
    return WorkerVectors.wrap(rows);
  }

  private static void compare(AggregationRuleUnderTest rule, WorkerVectors x, int f, String what) {
    int d = x.d();
    WorkerVectors before = x.deepCopy();
    float[] got = rule.fast().aggregate(x, f);
    double[] want = rule.reference().aggregateExact(x.toDoubles(), f);
    double spread = 0;
    double[] centre = new MeanReference().aggregateExact(x.toDoubles(), 0);
    for (double[] row : x.toDoubles()) {
      spread = Math.max(spread, Math.sqrt(io.byzcheck.kernels.reference.Geometry.squaredDistance(row, centre)));
    }
    for (int k = 0; k < d; k++) {
      // Gaussian inputs: no ties between subsets or rounds; then a double combination rounded once.
      assertThat((double) got[k]).as("%s %s n=%d f=%d d=%d k=%d (seed %d)", rule.fast().name(), what, x.n(), f, d, k,
          Awkward.SEED).isCloseTo(want[k], within(1e-7 * spread + 4 * Math.ulp((float) Math.abs(want[k]))));
    }
    assertThat(x.sameContents(before)).as("%s modified its input", rule.fast().name()).isTrue();
  }

  private record AggregationRuleUnderTest(io.byzcheck.kernels.AggregationRule fast, ReferenceRule reference) {}

  /** Every n ≤ 9 and f &lt; n/2, d up to 33 (the references solve d × d covariances), with and without an offset. */
  @Test
  void fastRulesEqualTheReferences() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 201);
    AggregationRuleUnderTest[] rules = {
        new AggregationRuleUnderTest(new SmallestMaximumEigenvalueAveraging(),
            new SmallestMaximumEigenvalueAveragingReference()),
        new AggregationRuleUnderTest(new CovarianceAgnosticFilter(), new CovarianceAgnosticFilterReference())};
    for (AggregationRuleUnderTest rule : rules) {
      for (int n = 2; n <= 9; n++) {
        for (int f = 0; 2 * f < n; f++) {
          for (int d : new int[] {1, 2, 3, 5, 8, 17, 33}) {
            compare(rule, gaussian(rnd, n, d, 0), f, "gaussian");
          }
          compare(rule, gaussian(rnd, n, 7, 1e3), f, "offset 1e3");
        }
      }
    }
  }

  @Test
  void badInputIsNamed() {
    WorkerVectors four = Awkward.vectors(new SplittableRandom(7), 4, 3);
    assertThatThrownBy(() -> new SmallestMaximumEigenvalueAveraging().aggregate(four, 2))
        .hasMessage("SMEA (Allouah et al. 2023) needs f < n/2, got n = 4, f = 2");
    assertThatThrownBy(() -> new CovarianceAgnosticFilter().aggregate(four, 2))
        .hasMessage("CAF (Allouah et al. 2025) needs f < n/2, got n = 4, f = 2");
    WorkerVectors big = Awkward.vectors(new SplittableRandom(8), 40, 2);
    assertThatThrownBy(() -> new SmallestMaximumEigenvalueAveraging().aggregate(big, 10))
        .hasMessageStartingWith("SMEA (Allouah et al. 2023) needs C(n, f)·(n − f)³ ≤ 2·10⁸ (its exhaustive subset search), got n = 40, f = 10");
    // The stated limits: every f at n = 19, f = 3 at n = 30, f = 2 at n = 50 fit; n = 20 at f = 9, n = 30 at f = 4 and
    // n = 60 at f = 2 do not.
    double max = SmallestMaximumEigenvalueAveraging.MAX_WORK;
    for (int f = 0; f <= 9; f++) {
      assertThat(SmallestMaximumEigenvalueAveraging.work(19, f)).as("n = 19, f = %d", f).isLessThanOrEqualTo(max);
    }
    assertThat(SmallestMaximumEigenvalueAveraging.work(30, 3)).isLessThanOrEqualTo(max);
    assertThat(SmallestMaximumEigenvalueAveraging.work(50, 2)).isLessThanOrEqualTo(max);
    assertThat(SmallestMaximumEigenvalueAveraging.work(20, 9)).isGreaterThan(max);
    assertThat(SmallestMaximumEigenvalueAveraging.work(30, 4)).isGreaterThan(max);
    assertThat(SmallestMaximumEigenvalueAveraging.work(60, 2)).isGreaterThan(max);
    // NaN and ±∞ workers are excluded and charged to f; more than f is an error naming them.
    float[][] rows = new float[7][];
    SplittableRandom rnd = new SplittableRandom(9);
    for (int i = 0; i < 7; i++) {
      rows[i] = new float[] {(float) rnd.nextGaussian(), (float) rnd.nextGaussian()};
    }
    float[][] finite = {rows[0], rows[2], rows[3], rows[4], rows[6]};
    rows[1] = new float[] {Float.NaN, 0};
    rows[5] = new float[] {0, Float.POSITIVE_INFINITY};
    WorkerVectors bad = WorkerVectors.wrap(rows);
    for (io.byzcheck.kernels.AggregationRule r : new io.byzcheck.kernels.AggregationRule[] {
        new SmallestMaximumEigenvalueAveraging(), new CovarianceAgnosticFilter()}) {
      assertThat(r.aggregate(bad, 3)).as(r.name()).containsExactly(r.aggregate(WorkerVectors.wrap(finite), 1));
      assertThatThrownBy(() -> r.aggregate(bad, 1)).isInstanceOf(ByzantineInputException.class)
          .hasMessageContaining("workers [1, 5]");
      // Huge finite values: the double Gram holds them, the output stays finite.
      float[] out = r.aggregate(WorkerVectors.wrap(new float[] {3.4e38f, -3.4e38f}, new float[] {3.4e38f, -3.4e38f},
          new float[] {-3.4e38f, 3.4e38f}), 1);
      assertThat(out).as(r.name()).containsExactly(3.4e38f, -3.4e38f);
    }
  }
}
