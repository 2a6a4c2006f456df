package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.kernels.Awkward;
import io.byzcheck.kernels.ByzantineInputException;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.reference.WeightedReference;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The weighted rules: integer weights equal the unweighted rule on repeated rows, the fast rules equal the
 * references on real weights, the cap, and bad weights.
 */
class WeightedRulesTest {

  /** Row i repeated w[i] times. */
  static WorkerVectors repeated(WorkerVectors x, int[] w) {
    List<float[]> rows = new ArrayList<>();
    for (int i = 0; i < x.n(); i++) {
      for (int r = 0; r < w[i]; r++) {
        rows.add(x.row(i));
      }
    }
    return WorkerVectors.wrap(rows.toArray(float[][]::new));
  }

  static double[] doubles(int[] w) {
    double[] d = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      d[i] = w[i];
    }
    return d;
  }

  /**
   * Uncapped, integer weights 1…4 (some 0): the weighted median and mean are the unweighted ones on the rows
   * repeated; the weighted β-trimmed mean is Yin's trmean_β on them whenever βW is an integer.
   */
  @Test
  void integerWeightsEqualTheRuleOnRepeatedRows() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 170);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + rnd.nextInt(9);
      int d = 1 + rnd.nextInt(20);
      WorkerVectors x = Awkward.vectors(rnd, n, d);
      int[] w = new int[n];
      int total = 0;
      for (int i = 0; i < n; i++) {
        w[i] = rnd.nextInt(5);
        total += w[i];
      }
      if (total == 0) {
        w[0] = 1;
        total = 1;
      }
      WorkerVectors rep = repeated(x, w);
      String at = String.format("trial %d n=%d d=%d w=%s (seed %d)", trial, n, d, java.util.Arrays.toString(w),
          Awkward.SEED);
      assertThat(new WeightedCoordinateWiseMedian(WeightCap.none()).aggregate(x, doubles(w), 0)).as(at)
          .containsExactly(new CoordinateWiseMedian().aggregate(rep, 0));
      float[] mean = new WeightedMean(WeightCap.none()).aggregate(x, doubles(w), 0);
      float[] plain = new Mean().aggregate(rep, 0);
      for (int k = 0; k < d; k++) {
        assertThat(mean[k]).as(at).isCloseTo(plain[k], within(2 * Math.ulp(plain[k]) + 1e-30f));
      }
      int t = rnd.nextInt((total - 1) / 2 + 1); // βW = t, an integer, t ≤ (W − 1)/2
      double beta = (double) t / total;
      float[] trimmed = new WeightedTrimmedMean(beta, WeightCap.none()).aggregate(x, doubles(w), 0);
      float[] yin = CoordinateWiseTrimmedMean.byFraction(beta).aggregate(rep, 0);
      double[] ref = WeightedReference.trimmedMean(x.toDoubles(), doubles(w), beta);
      for (int k = 0; k < d; k++) {
        double scale = 0;
        for (int i = 0; i < n; i++) {
          scale = Math.max(scale, Math.abs(x.row(i)[k]));
        }
        // Yin's rule sums in float with an anchor, ours in double: both within a few ulps of the scale.
        double tol = 4 * total * Math.ulp((float) scale);
        assertThat((double) trimmed[k]).as(at + " β=" + beta).isCloseTo(yin[k], within(tol));
        assertThat((double) trimmed[k]).as(at + " β=" + beta + " (reference)").isCloseTo(ref[k], within(tol));
      }
    }
  }

  /** Real weights (no ties in mass, no cap binding): the fast rules against the references. */
  @Test
  void fastRulesEqualTheReferencesOnRealWeights() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 171);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + rnd.nextInt(12);
      int d = 1 + rnd.nextInt(17);
      WorkerVectors x = Awkward.vectors(rnd, n, d);
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        w[i] = rnd.nextDouble(0.1, 10);
      }
      double beta = rnd.nextDouble(0, 0.49);
      double[][] xd = x.toDoubles();
      String at = String.format("trial %d n=%d d=%d (seed %d)", trial, n, d, Awkward.SEED);
      float[] med = new WeightedCoordinateWiseMedian(WeightCap.none()).aggregate(x, w, 0);
      float[] mean = new WeightedMean(WeightCap.none()).aggregate(x, w, 0);
      float[] trm = new WeightedTrimmedMean(beta, WeightCap.none()).aggregate(x, w, 0);
      double[] refMed = WeightedReference.median(xd, w);
      double[] refMean = WeightedReference.mean(xd, w);
      double[] refTrm = WeightedReference.trimmedMean(xd, w, beta);
      for (int k = 0; k < d; k++) {
        double scale = 0;
        for (double[] row : xd) {
          scale = Math.max(scale, Math.abs(row[k]));
        }
        double tol = 1e-6 * scale + 1e-30;
        assertThat((double) med[k]).as(at).isCloseTo(refMed[k], within(tol));
        assertThat((double) mean[k]).as(at).isCloseTo(refMean[k], within(tol));
        assertThat((double) trm[k]).as(at + " β=" + beta).isCloseTo(refTrm[k], within(tol));
      }
    }
  }

  /**
   * Five honest workers with 100 samples each and one claiming 10⁹ for a vector at 1000: uncapped it owns the
   * mean; capped at 2× the median weight (100) it weighs 200 of 700.
   */
  @Test
  void theCapLimitsALyingWorker() {
    float[][] rows = {{0}, {0}, {0}, {0}, {0}, {1000}};
    double[] w = {100, 100, 100, 100, 100, 1e9};
    WorkerVectors x = WorkerVectors.wrap(rows);
    assertThat(new WeightedMean(WeightCap.none()).aggregate(x, w, 1)[0]).isGreaterThan(999);
    assertThat(new WeightedMean(WeightCap.medianTimes(2)).aggregate(x, w, 1)[0])
        .isCloseTo(1000f * 200 / 700, within(1e-3f));
    // The median by mass: uncapped the liar holds more than half the mass; capped, 200 of 700 is not.
    assertThat(new WeightedCoordinateWiseMedian(WeightCap.none()).aggregate(x, w, 1)).containsExactly(1000);
    assertThat(new WeightedCoordinateWiseMedian(WeightCap.medianTimes(2)).aggregate(x, w, 1)).containsExactly(0);
    // The trimmed mean's βW ≥ f·max w: β = 0.3 of 700 = 210 covers the liar's capped 200.
    assertThat(new WeightedTrimmedMean(0.3, WeightCap.medianTimes(2)).aggregate(x, w, 1)).containsExactly(0);
  }

  @Test
  void badWeightsAndParametersAreNamed() {
    WorkerVectors x = Awkward.vectors(new SplittableRandom(5), 4, 3);
    WeightedMean mean = new WeightedMean(WeightCap.medianTimes(3));
    assertThatThrownBy(() -> mean.aggregate(x, new double[] {1, -1, 1, 1}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WMean(cap 3×med) needs finite weights ≥ 0, got worker = 1, weight = -1.0");
    assertThatThrownBy(() -> mean.aggregate(x, new double[] {1, Double.NaN, 1, 1}, 0))
        .hasMessageContaining("finite weights ≥ 0");
    assertThatThrownBy(() -> mean.aggregate(x, new double[] {1, Double.POSITIVE_INFINITY, 1, 1}, 0))
        .hasMessageContaining("finite weights ≥ 0");
    assertThatThrownBy(() -> mean.aggregate(x, new double[] {0, 0, 0, 0}, 0))
        .hasMessageContaining("a positive, finite total weight after the cap");
    // More than half the weights 0: the median weight is 0, so the cap zeroes every weight.
    assertThatThrownBy(() -> mean.aggregate(x, new double[] {0, 0, 0, 5}, 0))
        .hasMessageContaining("a positive, finite total weight after the cap (cap 3×med), got total = 0.0");
    assertThatThrownBy(() -> mean.aggregate(x, new double[] {1, 1, 1}, 0))
        .hasMessage("WMean(cap 3×med) needs one weight per worker, got weights = 3, n = 4");
    assertThatThrownBy(() -> WeightCap.medianTimes(0.5)).hasMessage("weight cap needs c ≥ 1 (cap = c·median weight), got c = 0.5");
    assertThatThrownBy(() -> new WeightedTrimmedMean(0.5, WeightCap.none())).hasMessageContaining("β ∈ [0, 1/2)");
    assertThatThrownBy(() -> new WeightedCoordinateWiseMedian(WeightCap.none()).aggregate(x, new double[] {1, 1, 1, 1}, 2))
        .hasMessageContaining("f < n/2");
    assertThatThrownBy(() -> new WeightedTrimmedMean(0.1, WeightCap.none()).aggregate(x, new double[] {1, 1, 1, 1}, 1))
        .hasMessageContaining("βW ≥ f·max w");
  }

  /** A NaN worker is excluded with its weight and charged to f; more than f such workers is an error. */
  @Test
  void nonFiniteWorkersAreExcludedWithTheirWeights() {
    float[][] rows = {{1, 2}, {Float.NaN, 0}, {3, 4}, {5, 6}};
    double[] w = {1, 1000, 2, 1};
    WorkerVectors x = WorkerVectors.wrap(rows);
    WorkerVectors finite = WorkerVectors.wrap(rows[0], rows[2], rows[3]);
    WeightedMean mean = new WeightedMean(WeightCap.medianTimes(2));
    assertThat(mean.aggregate(x, w, 1)).containsExactly(mean.aggregate(finite, new double[] {1, 2, 1}, 0));
    assertThatThrownBy(() -> mean.aggregate(x, w, 0)).isInstanceOf(ByzantineInputException.class)
        .hasMessageContaining("workers [1]");
  }
}
