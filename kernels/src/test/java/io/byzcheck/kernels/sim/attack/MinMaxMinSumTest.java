package io.byzcheck.kernels.sim.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Min-Max and Min-Sum (Shejwalkar &amp; Houmansadr 2021): hand-worked γ, and the constraint tight at the γ found. */
class MinMaxMinSumTest {

  private static AttackContext context(double[][] honest, int byzantine) {
    int d = honest[0].length;
    float[][] messages = new float[honest.length + byzantine][];
    int[] byz = new int[byzantine];
    for (int i = 0; i < honest.length; i++) {
      messages[i] = new float[d];
      for (int k = 0; k < d; k++) {
        messages[i][k] = (float) honest[i][k];
      }
    }
    for (int b = 0; b < byzantine; b++) {
      byz[b] = honest.length + b;
    }
    return new AttackContext(honest, new double[byzantine][d], new double[byzantine][d], messages, byz,
        Optional.empty(), byzantine, new SplittableRandom(1), 1);
  }

  /**
   * Honest 1, 2, 3: ḡ = 2, p = +1 (unit vector), m = 2 − γ. Min-Max: the farthest honest vector is 3, (1 + γ)² ≤
   * max_{i,j} = 4, so γ = 1 and m = 1. Min-Sum: Σ (2 − γ − xᵢ)² = 2 + 3γ²; the authors' code bounds it by the
   * smallest honest sum (2, at x = 2): γ = 0; the paper's text by the largest (5): γ = 1.
   */
  @Test
  void handWorkedGammas() {
    double[][] h = {{1}, {2}, {3}};
    AttackContext c = context(h, 2);
    MinMax.of(Perturbation.UNIT_VECTOR).forge(c);
    assertThat(c.out()[0][0]).isCloseTo(1, offset(2e-5));
    assertThat(c.out()[1][0]).isEqualTo(c.out()[0][0]);
    assertThat(c.out()[0][0]).isGreaterThanOrEqualTo(1); // a success, never beyond the constraint
    MinSum.authorsCode(Perturbation.UNIT_VECTOR).forge(c);
    assertThat(c.out()[0][0]).isCloseTo(2, offset(2e-5));
    MinSum.paperText(Perturbation.UNIT_VECTOR).forge(c);
    assertThat(c.out()[0][0]).isCloseTo(1, offset(2e-5));
  }

  @Test
  void directions() {
    double[][] h = {{1, -10}, {3, -20}, {5, -30}};
    double[] mean = {3, -20};
    assertThat(Perturbation.UNIT_VECTOR.of(h, mean)).containsExactly(3 / Math.sqrt(409), -20 / Math.sqrt(409));
    assertThat(Perturbation.SIGN.of(h, mean)).containsExactly(1, -1);
    // Sample standard deviations (1/(|H| − 1)): √(8/2) = 2 and √(200/2) = 10.
    assertThat(Perturbation.STD.of(h, mean)).containsExactly(2, 10);
    assertThat(Perturbation.UNIT_VECTOR.of(h, new double[] {0, 0})).containsExactly(0, 0);
  }

  /** Random honest sets: at the γ found the constraint holds, and 10τ further it fails (the search is tight). */
  @Test
  void theGammaFoundIsTheLargestThatPasses() {
    SplittableRandom rnd = new SplittableRandom(16);
    for (int trial = 0; trial < 60; trial++) {
      int n = 3 + rnd.nextInt(8);
      int d = 1 + rnd.nextInt(6);
      double[][] h = new double[n][d];
      for (double[] row : h) {
        for (int k = 0; k < d; k++) {
          row[k] = 0.5 + rnd.nextGaussian();
        }
      }
      for (Perturbation p : Perturbation.values()) {
        AttackContext c = context(h, 2);
        double[] mean = c.honestMean();
        double[] dir = p.of(h, mean);
        MinMax.of(p).forge(c);
        double gamma = gammaOf(c.out()[0], mean, dir);
        double maxPair = 0;
        for (double[] a : h) {
          for (double[] b : h) {
            maxPair = Math.max(maxPair, GammaSearch.squaredDistance(a, b));
          }
        }
        assertThat(maxDistance(h, GammaSearch.candidate(mean, dir, gamma))).as("trial %d %s", trial, p)
            .isLessThanOrEqualTo(maxPair * (1 + 1e-12));
        assertThat(maxDistance(h, GammaSearch.candidate(mean, dir, gamma + 10 * GammaSearch.THRESHOLD)))
            .as("trial %d %s: γ = %s not the largest", trial, p, gamma).isGreaterThan(maxPair);
      }
    }
  }

  private static double maxDistance(double[][] h, double[] m) {
    double worst = 0;
    for (double[] x : h) {
      worst = Math.max(worst, GammaSearch.squaredDistance(m, x));
    }
    return worst;
  }

  /** γ from m = ḡ − γp, read off the largest |p| coordinate. */
  private static double gammaOf(double[] m, double[] mean, double[] p) {
    int k = 0;
    for (int j = 1; j < p.length; j++) {
      if (Math.abs(p[j]) > Math.abs(p[k])) {
        k = j;
      }
    }
    return (mean[k] - m[k]) / p[k];
  }
}
