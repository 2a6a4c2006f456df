package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.kernels.Awkward;
import io.byzcheck.kernels.ByzantineInputException;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.reference.Geometry;
import io.byzcheck.kernels.reference.WeightedReference;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The weighted geometric median and weighted Krum*: integer weights equal the unweighted rules on repeated rows, the
 * fast rules equal the references on real weights, cases worked by hand, the cap, and bad weights.
 */
class WeightedDistanceRulesTest {
  private static final double GAP = 1e-7;

  private static double objective(double[][] x, double[] w, float[] z) {
    double[] zd = new double[z.length];
    for (int k = 0; k < z.length; k++) {
      zd[k] = z[k];
    }
    return objective(x, w, zd);
  }

  private static double objective(double[][] x, double[] w, double[] z) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += w[i] * Math.sqrt(Geometry.squaredDistance(x[i], z));
    }
    return s;
  }

  /** The objective's slack for a float output: Σw·(rounding of z) ≤ W·√d·ulp(max |z|). */
  private static double floatSlack(double[] w, float[] z) {
    double m = 0;
    for (float v : z) {
      m = Math.max(m, Math.abs(v));
    }
    return java.util.Arrays.stream(w).sum() * Math.sqrt(z.length) * Math.ulp((float) m);
  }

  private static WorkerVectors gaussian(SplittableRandom rnd, int n, int d) {
    float[][] rows = new float[n][d];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        rows[i][k] = (float) ((i % 4 == 3 ? 30 : 1) * rnd.nextGaussian());
      }
    }
    return WorkerVectors.wrap(rows);
  }

  /**
   * Hand-worked: d = 1 the weighted median by mass. x = 0, 1, 10 with weights 1, 1, 3: mass 3 of 5 at 10, so 10 is the
   * minimiser of z ↦ |z| + |z − 1| + 3|z − 10| (slope −5 left of 0, −3 on (0, 1), −1 on (1, 10), +5 beyond). In 2-d,
   * three points with a weight above half the total: that point ((3, 4) with 5 of 7; Vardi–Zhang's test ‖r̃‖ ≤ η holds).
   */
  @Test
  void weightedGeometricMedianHandWorked() {
    WeightedGeometricMedian wgm = new WeightedGeometricMedian(GAP, WeightCap.none());
    WorkerVectors x = WorkerVectors.wrap(new float[] {0}, new float[] {1}, new float[] {10});
    assertThat(wgm.aggregate(x, new double[] {1, 1, 3}, 0)).containsExactly(10f);
    WorkerVectors y = WorkerVectors.wrap(new float[] {0, 0}, new float[] {3, 4}, new float[] {-6, 8});
    assertThat(wgm.aggregate(y, new double[] {1, 5, 1}, 0)).containsExactly(3f, 4f);
    double[] ref = WeightedReference.geometricMedian(y.toDoubles(), new double[] {1, 5, 1});
    assertThat(ref[0]).isCloseTo(3, within(1e-9));
    assertThat(ref[1]).isCloseTo(4, within(1e-9));
    // Unit weights on four corners of a square: the centre.
    WorkerVectors sq = WorkerVectors.wrap(new float[] {0, 0}, new float[] {2, 0}, new float[] {0, 2}, new float[] {2, 2});
    float[] c = wgm.aggregate(sq, new double[] {1, 1, 1, 1}, 1);
    assertThat(c[0]).isCloseTo(1f, within(1e-3f));
    assertThat(c[1]).isCloseTo(1f, within(1e-3f));
  }

  /**
   * Hand-worked Krum*: x = 0, 1, 2, 10 with weights 1, 1, 1, 2, f = 1: W = 5, F = 2 (the heaviest), neighbour mass
   * W − F − 1 = 2. Scores: 0 → 1 + 4 = 5; 1 → 1 + 1 = 2; 2 → 1 + 4 = 5; 10 → its own extra mass 1 at 0, then 64: 64
   * (unweighted, with 2 neighbours, 64 + 81). The pick: 1.
   */
  @Test
  void weightedKrumHandWorked() {
    WorkerVectors x = WorkerVectors.wrap(new float[] {10}, new float[] {2}, new float[] {0}, new float[] {1});
    double[] w = {2, 1, 1, 1};
    assertThat(WeightedReference.krumScores(x.toDoubles(), w, 2)).containsExactly(64, 5, 5, 2);
    assertThat(new WeightedKrum(WeightCap.none()).aggregate(x, w, 1)).containsExactly(1f);
    assertThat(WeightedReference.krum(x.toDoubles(), w, 2)).containsExactly(1.0);
    assertThat(WeightedKrum.byzantineMass(w, 1)).isEqualTo(2);
  }

  /** Uncapped integer weights 0…4: the rules equal GM and Krum* on the rows repeated wᵢ times (Krum* with f = F). */
  @Test
  void integerWeightsEqualTheRuleOnRepeatedRows() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 210);
    int compared = 0;
    for (int trial = 0; trial < 120; trial++) {
      int n = 2 + rnd.nextInt(7);
      int d = 1 + rnd.nextInt(12);
      WorkerVectors x = gaussian(rnd, n, d);
      int[] w = new int[n];
      int total = 0;
      for (int i = 0; i < n; i++) {
        w[i] = rnd.nextInt(5);
        total += w[i];
      }
      if (total < 2) {
        w[0] += 2;
        total += 2;
      }
      WorkerVectors rep = WeightedRulesTest.repeated(x, w);
      String at = String.format("trial %d n=%d d=%d w=%s (seed %d)", trial, n, d, java.util.Arrays.toString(w),
          Awkward.SEED);
      double[] wd = WeightedRulesTest.doubles(w);
      float[] wgm = new WeightedGeometricMedian(GAP, WeightCap.none()).aggregate(x, wd, 0);
      float[] gm = GeometricMedian.certified(GAP).aggregate(rep, 0);
      // Both certified to a relative objective gap of 1e−7: their objectives agree to about that.
      double[][] xd = x.toDoubles();
      double a = objective(xd, wd, wgm);
      double b = objective(xd, wd, gm);
      assertThat(a).as(at).isCloseTo(b, within(2 * GAP * b + floatSlack(wd, wgm) + floatSlack(wd, gm)));
      int f = rnd.nextInt((n + 1) / 2);
      double byz = WeightedKrum.byzantineMass(wd, f);
      if (2 * byz < total) {
        assertThat(new WeightedKrum(WeightCap.none()).aggregate(x, wd, f)).as(at + " f=" + f)
            .containsExactly(Krum.star().aggregate(rep, (int) byz));
        compared++;
      }
    }
    assertThat(compared).as("Krum* comparisons made").isGreaterThan(40);
  }

  /** Real weights: the fast rules against the references (objective for the median, the same pick for Krum*). */
  @Test
  void fastRulesEqualTheReferencesOnRealWeights() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 211);
    for (int trial = 0; trial < 150; trial++) {
      int n = 1 + rnd.nextInt(12);
      int d = 1 + rnd.nextInt(40);
      WorkerVectors x = gaussian(rnd, n, d);
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        w[i] = rnd.nextDouble(0.1, 10);
      }
      double[][] xd = x.toDoubles();
      String at = String.format("trial %d n=%d d=%d (seed %d)", trial, n, d, Awkward.SEED);
      float[] wgm = new WeightedGeometricMedian(GAP, WeightCap.none()).aggregate(x, w, 0);
      double[] ref = WeightedReference.geometricMedian(xd, w);
      double b = objective(xd, w, ref);
      assertThat(objective(xd, w, wgm)).as(at).isCloseTo(b, within(GAP * b + floatSlack(w, wgm) + 1e-300));
      int f = rnd.nextInt((n + 1) / 2);
      double byz = WeightedKrum.byzantineMass(w, f);
      if (2 * byz < java.util.Arrays.stream(w).sum()) {
        double[] pick = WeightedReference.krum(xd, w, byz);
        float[] got = new WeightedKrum(WeightCap.none()).aggregate(x, w, f);
        for (int k = 0; k < d; k++) {
          assertThat((double) got[k]).as(at + " f=" + f).isEqualTo(pick[k]);
        }
      }
    }
  }

  /** A worker claiming 10⁹ samples: uncapped it is the median; capped at 2× the median weight, the honest majority is. */
  @Test
  void theCapLimitsALyingWorker() {
    WorkerVectors x = WorkerVectors.wrap(new float[] {0, 0}, new float[] {0, 0}, new float[] {0, 0},
        new float[] {1000, 1000});
    double[] w = {100, 100, 100, 1e9};
    assertThat(new WeightedGeometricMedian(GAP, WeightCap.none()).aggregate(x, w, 1)).containsExactly(1000f, 1000f);
    assertThat(new WeightedGeometricMedian(GAP, WeightCap.medianTimes(2)).aggregate(x, w, 1)).containsExactly(0f, 0f);
    // Krum*: uncapped F = 10⁹ ≥ W/2, an error; capped F = 200 < W/2 = 250, neighbour mass 49: the honest point.
    assertThatThrownBy(() -> new WeightedKrum(WeightCap.none()).aggregate(x, w, 1))
        .hasMessage("WKrum*(uncapped) needs Byzantine mass F < W/2 (F = the f largest capped weights), got F = 1.0E9, W = 1.0000003E9");
    assertThat(new WeightedKrum(WeightCap.medianTimes(2)).aggregate(x, w, 1)).containsExactly(0f, 0f);
  }

  @Test
  void badWeightsAndInputAreNamed() {
    WorkerVectors x = Awkward.vectors(new SplittableRandom(11), 4, 3);
    WeightedRule[] rules = {new WeightedGeometricMedian(GAP, WeightCap.medianTimes(3)), new WeightedKrum(WeightCap.medianTimes(3))};
    for (WeightedRule r : rules) {
      assertThatThrownBy(() -> r.aggregate(x, new double[] {1, -1, 1, 1}, 0))
          .hasMessage(r.name() + " needs finite weights ≥ 0, got worker = 1, weight = -1.0");
      assertThatThrownBy(() -> r.aggregate(x, new double[] {1, Double.NaN, 1, 1}, 0))
          .hasMessageContaining("finite weights ≥ 0");
      assertThatThrownBy(() -> r.aggregate(x, new double[] {1, 1, Double.NEGATIVE_INFINITY, 1}, 0))
          .hasMessageContaining("finite weights ≥ 0");
      assertThatThrownBy(() -> r.aggregate(x, new double[] {0, 0, 0, 0}, 0))
          .hasMessageContaining("a positive, finite total weight after the cap");
      assertThatThrownBy(() -> r.aggregate(x, new double[] {1, 1, 1, 1}, 2)).hasMessageContaining("f < n/2");
      // A NaN worker is excluded with its weight and charged to f.
      WorkerVectors bad = WorkerVectors.wrap(x.row(0), new float[] {Float.NaN, 0, 0}, x.row(2), x.row(3));
      WorkerVectors finite = WorkerVectors.wrap(x.row(0), x.row(2), x.row(3));
      assertThat(r.aggregate(bad, new double[] {1, 5, 2, 1}, 1)).as(r.name())
          .containsExactly(r.aggregate(finite, new double[] {1, 2, 1}, 0));
      assertThatThrownBy(() -> r.aggregate(bad, new double[] {1, 5, 2, 1}, 0)).isInstanceOf(ByzantineInputException.class)
          .hasMessageContaining("workers [1]");
    }
    assertThatThrownBy(() -> new WeightedGeometricMedian(0, WeightCap.none()))
        .hasMessage("WGM needs the relative objective gap > 0 and finite, got the relative objective gap = 0.0");
  }
}
