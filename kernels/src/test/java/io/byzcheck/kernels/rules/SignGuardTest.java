package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.kernels.Awkward;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.reference.SignGuardReference;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** SignGuard (Xu et al. 2022): a case worked by hand, the mean shift, fast = reference, bad input. */
@Tag("vector-width")
class SignGuardTest {

  private static float[] constant(int d, float v) {
    float[] r = new float[d];
    Arrays.fill(r, v);
    return r;
  }

  /**
   * d = 10 (a block of m = 1 coordinate, wherever the seed puts it: every worker is constant), x = 1, 1.1, 0.9
   * (honest), −1 (sign-flipped), 50 (scaled) in every coordinate. Norms √10·(1, 1.1, 0.9, 1, 50), median M = √10:
   * S₁ = (0.1M, 3M) drops the 50s. Sign features: (1, 0, 0) four times, (0, 0, 1) once; the bandwidth is the mean
   * distance to the 2nd nearest point, (0 + 0 + 0 + 0 + √2)/5, so the mean shift keeps two modes and S₂ = the four
   * positive ones. S = {1, 1.1, 0.9}; 1.1 is clipped to M, i.e. to 1: the mean is 2.9/3 per coordinate.
   */
  @Test
  void handWorkedCase() {
    WorkerVectors x = WorkerVectors.wrap(constant(10, 1), constant(10, 1.1f), constant(10, 0.9f), constant(10, -1),
        constant(10, 50));
    for (long seed = 0; seed < 5; seed++) {
      double[] ref = new SignGuardReference(seed).aggregateExact(x.toDoubles(), 2);
      float[] got = SignGuard.seeded(seed).aggregate(x, 2);
      for (int k = 0; k < 10; k++) {
        assertThat(ref[k]).isCloseTo((2 + (double) 0.9f) / 3, within(1e-12));
        assertThat((double) got[k]).isCloseTo(ref[k], within(1e-6));
      }
    }
  }

  /** The bandwidth of five points: mean distance to the ⌊5/2⌋ = 2nd nearest, the point itself first. */
  @Test
  void bandwidthIsTheMeanDistanceToTheMedianNeighbour() {
    double[][] p = {{0, 0, 0}, {1, 0, 0}, {3, 0, 0}, {6, 0, 0}, {10, 0, 0}};
    // 2nd nearest (self first): 1, 1, 2, 3, 4.
    assertThat(FlatMeanShift.bandwidth(p)).isCloseTo(11.0 / 5, within(1e-15));
  }

  /**
   * EXT-SIGNGUARD-NOLAMBDA's instance: identical honest x and Byzantine x/2 (same signs, half the norm, inside
   * S₁, unclipped): the output ((n − f)x + f·x/2)/n is not x although diam S = 0.
   */
  @Test
  void identicalHonestWorkersAreNotReturnedWhenByzantinesScaleThem() {
    int n = 7;
    int f = 3;
    float[][] rows = new float[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = i < n - f ? new float[] {2, -4, 6} : new float[] {1, -2, 3};
    }
    float[] got = SignGuard.seeded(11).aggregate(WorkerVectors.wrap(rows), f);
    assertThat((double) got[0]).isCloseTo((4 * 2 + 3 * 1) / 7.0, within(1e-6));
    assertThat((double) got[1]).isCloseTo((4 * -4 + 3 * -2) / 7.0, within(1e-6));
  }

  @Test
  void fastRuleFiltersAndAveragesWhatTheDefinitionDoes() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 190);
    for (int n = 1; n <= 19; n += 3) {
      for (int d : Awkward.dimensions()) {
        long seed = n * 101L + d;
        FastAgainstReference.compare(SignGuard.seeded(seed), new SignGuardReference(seed),
            FastAgainstReference.gaussian(rnd, n, d, 0.3), n / 3, "gaussian");
      }
    }
    FastAgainstReference.compare(SignGuard.seeded(5), new SignGuardReference(5),
        FastAgainstReference.gaussian(rnd, 13, 100_003, 0.1), 4, "large d");
  }

  /** More than half the workers send zero: M = 0, S₁ is empty and the output is the zero vector (stated policy). */
  @Test
  void anEmptySelectionGivesTheZeroVector() {
    WorkerVectors x = WorkerVectors.wrap(new float[2], new float[2], new float[] {1, 2}, new float[2]);
    assertThat(SignGuard.seeded(1).aggregate(x, 1)).containsExactly(0, 0);
  }

  /** The clean round's non-finite check rides on another pass: it must see every position. */
  @Test
  void aNonFiniteValueAtAnyPositionIsScreened() {
    FastAgainstReference.nonFiniteAtEveryPositionIsScreened(SignGuard.seeded(3), Awkward.SEED + 165);
  }

  @Test
  void nonFiniteWorkersAreExcludedAndChargedToF() {
    FastAgainstReference.nonFiniteWorkersAreExcludedAndChargedToF(SignGuard.seeded(3), Awkward.SEED + 191);
  }

  @Test
  void hugeValuesStayFinite() {
    FastAgainstReference.hugeValuesStayFinite(SignGuard.seeded(4), new SignGuardReference(4));
  }
}
