package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.reference.CentredClippingReference;
import io.byzcheck.kernels.reference.Geometry;
import io.byzcheck.kernels.reference.GeometricMedianReference;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The examples of issue 11, one test each, every one failing on the code before the fix (noted per
 * test). Tagged: they run at every forced vector width and on the scalar path, since defect 1 is a
 * vector-path defect.
 */
@Tag("vector-width")
class Issue11RegressionTest {

  /** n = 3, d = 16: the rows c·(1, …, 1) for c = 3e38, 2.9e38, −3e38 (|x − median| exceeds the float range). */
  private static WorkerVectors huge(int d) {
    float[][] rows = new float[3][d];
    float[] c = {3e38f, 2.9e38f, -3e38f};
    for (int i = 0; i < 3; i++) {
      java.util.Arrays.fill(rows[i], c[i]);
    }
    return WorkerVectors.wrap(rows);
  }

  /** Every coordinate of got equals want (rounded from the hand-derived double). */
  private static void assertAll(float[] got, double want, String what) {
    for (int k = 0; k < got.length; k++) {
      assertThat(got[k]).as("%s, coordinate %d of d = %d", what, k, got.length).isEqualTo((float) want);
    }
  }

  private static final int[] HUGE_D = {16, 17, 33, 64, 100};

  /**
   * Krum* with f = 0 scores each row by its squared distances to the n − f − 1 = 2 others: 2.9e38 is nearest
   * to both (1e37 and 5.9e38 away) and wins. Before: 3e38 on the vector path.
   */
  @Test
  void krumStarPicksTheMiddleRowOfHugeValues() {
    for (int d : HUGE_D) {
      assertAll(Krum.star().aggregate(huge(d), 0), 2.9e38f, "Krum*");
    }
  }

  /** Multi-Krum*₂: the two best scores are 2.9e38 and 3e38; their average is 2.95e38. Before: 0. */
  @Test
  void multiKrumAveragesTheTwoBestHugeRows() {
    for (int d : HUGE_D) {
      assertAll(Krum.multiStar(2).aggregate(huge(d), 0), ((double) 3e38f + 2.9e38f) / 2, "Multi-Krum*_2");
    }
  }

  /**
   * NNM∘Mean, f = 1: each row becomes the average of its 2 nearest (itself included): 2.95e38, 2.95e38 and
   * (−3e38 + 2.9e38)/2; their mean is 1.95e38. Before: 1.9666666e38 on the vector path.
   */
  @Test
  void nnmThenMeanMixesHugeRowsCorrectly() {
    double a = 3e38f;
    double b = 2.9e38f;
    double c = -3e38f;
    double want = ((a + b) / 2 + (a + b) / 2 + (b + c) / 2) / 3;
    for (int d : HUGE_D) {
      assertAll(new NearestNeighbourMixing().then(new Mean()).aggregate(huge(d), 1), want, "NNM∘Mean");
    }
  }

  /** Centred clipping against the coordinate reference (finite, within 1e−6 relative). Before: NaN everywhere. */
  @Test
  void centredClippingOfHugeRowsIsFiniteAndRight() {
    for (int d : HUGE_D) {
      WorkerVectors x = huge(d);
      float[] got = CentredClipping.fromZero(1e38, 3).aggregate(x, 1);
      double[] want = new CentredClippingReference(1e38, 3, null).aggregateExact(x.toDoubles(), 1);
      for (int k = 0; k < d; k++) {
        assertThat(Float.isFinite(got[k])).as("CC coordinate %d of d = %d is %s", k, d, got[k]).isTrue();
        assertThat((double) got[k]).as("CC d = %d", d).isCloseTo(want[k],
            org.assertj.core.api.Assertions.within(1e-6 * Math.abs(want[k]) + 1e30));
      }
    }
  }

  /** MDA with f = 0 keeps all three rows: their mean (3e38 + 2.9e38 − 3e38)/3. Before: NullPointerException. */
  @Test
  void mdaOfHugeRowsIsTheirMean() {
    for (int d : HUGE_D) {
      assertAll(new MinimumDiameterAveraging().aggregate(huge(d), 0), ((double) 3e38f + 2.9e38f - 3e38f) / 3, "MDA");
    }
  }

  /** Three collinear points: the geometric median is the middle one, 2.9e38. Before: "stalled at Infinity". */
  @Test
  void geometricMedianOfHugeCollinearRowsIsTheMiddleOne() {
    for (int d : HUGE_D) {
      assertAll(GeometricMedian.certified(1e-6).aggregate(huge(d), 1), 2.9e38f, "GM");
    }
  }

  /**
   * Issue 11.2: n = 5, d = 17, rows of norms about 8.4e17, 1e−4, 1.4e−4, 5e14, 1.4e3 in random directions.
   * The certified rule must return an answer certified to the request (checked here with an independent
   * objective: within the request of the reference's, which is computed in coordinates). Before:
   * "stalled at 7.0e−4 … request 1e−02 or more" on every path.
   */
  @Test
  void geometricMedianCertifiesMixedScaleRows() {
    double[] norms = {8.4e17, 1e-4, 1.4e-4, 5e14, 1.4e3};
    for (long seed = 1; seed <= 20; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      float[][] rows = new float[5][17];
      for (int i = 0; i < 5; i++) {
        double[] g = new double[17];
        double s = 0;
        for (int k = 0; k < 17; k++) {
          g[k] = rnd.nextGaussian();
          s += g[k] * g[k];
        }
        for (int k = 0; k < 17; k++) {
          rows[i][k] = (float) (norms[i] * g[k] / Math.sqrt(s));
        }
      }
      WorkerVectors x = WorkerVectors.wrap(rows);
      for (double gap : new double[] {1e-2, 1e-6}) {
        float[] out = new float[17];
        Weiszfeld.Solution sol = GeometricMedian.certified(gap).solve(x, 2, out);
        assertThat(sol.relativeGapBound()).as("seed %d gap %s", seed, gap).isLessThanOrEqualTo(gap);
        double[][] xd = x.toDoubles();
        double[] z = new double[17];
        for (int k = 0; k < 17; k++) {
          z[k] = out[k];
        }
        double ref = Geometry.sumOfDistances(xd, new GeometricMedianReference().aggregateExact(xd, 2));
        // The float rounding of z adds at most n·‖z − fl(z)‖ to the objective.
        double rounding = 5 * Math.sqrt(17) * Math.ulp(Geometry.norm(z));
        assertThat(Geometry.sumOfDistances(xd, z)).as("GM objective, seed %d gap %s", seed, gap)
            .isLessThanOrEqualTo(ref * (1 + gap) + rounding);
      }
    }
  }

  /**
   * The full corpus's two GM failures (mixed scales, n = 5): at 20261184856397 two rows 0.0014 apart among rows
   * of norms up to 10⁸ made the Gram's cosine form of ‖r‖² come out at −1.7, clamped to 0: a certified gap of
   * 0 at an objective 4.5·10⁻⁶ above the optimum (every path); 20261184873144 failed only in a warmed JVM,
   * when the Gram's lane sums changed order under C2. Now the certificate carries the Gram's rounding and the
   * lanes are summed in one order: every one of 3000 calls (interpreted, then compiled) must return the same
   * bits, with an objective within 10⁻⁶ of the best of the reference, the data points and the coordinate-wise
   * median.
   */
  @Test
  void geometricMedianCertificateHoldsOnTheCorpusMixedScaleCases() {
    for (long seed : new long[] {20261184856397L, 20261184873144L}) {
      CorpusInput in = CorpusInput.of(seed, 100_003);
      double[][] xd = in.x().toDoubles();
      double best = Math.min(bestCheapObjective(xd),
          Geometry.sumOfDistances(xd, new GeometricMedianReference().aggregateExact(xd, in.f())));
      float[] first = null;
      for (int call = 0; call < 3000; call++) {
        float[] out = GeometricMedian.certified(1e-6).aggregate(in.x(), in.f());
        if (first == null) {
          first = out;
          assertObjectiveWithinTheGapOf(best, xd, out, seed);
        } else if (!java.util.Arrays.equals(out, first)) {
          throw new AssertionError("corpus input " + seed + ": call " + call + " returned other bits than call 0");
        }
      }
    }
  }

  /**
   * The full corpus's three GM "certified relative gap stalled" crashes (mixed scales): at 973873e (before the GM
   * certificate work) 20261184790276 and 20261184835492 threw on every path, 20261184864907 on the scalar path. Now each returns an answer certified to 10⁻⁶ (20261184790276 by the localised data-point
   * certificate, 20261184864907 on the Gram, 20261184835492 by the clustered data-point certificate: a row of a
   * tight cluster of norms ≤ 61 next to rows of norms 7·10¹⁰ … 9·10¹⁷), whose objective, checked in coordinates
   * on the finite rows, is within 10⁻⁶ of the best data point or coordinate-wise median. A fourth, 20261184817168
   * (n = 10, d = 46, f = 4, mixed scales), threw "stalled at Infinity after 19 Weiszfeld iterations … at best
   * 1.1e-5" on the default (512-bit) path in the full corpus at 2b8e46d, just before the clustered certificate;
   * with it, it is certified on all five paths.
   */
  @ParameterizedTest(name = "corpus input {0}")
  @ValueSource(longs = {20261184790276L, 20261184864907L, 20261184835492L, 20261184817168L})
  void geometricMedianCertifiesTheCorpusStalls(long seed) {
    CorpusInput in = CorpusInput.of(seed, 100_003);
    int d = in.x().d();
    float[] out = new float[d];
    Weiszfeld.Solution sol = GeometricMedian.certified(1e-6).solve(in.x(), in.f(), out);
    assertThat(sol.relativeGapBound()).as("corpus input %d", seed).isLessThanOrEqualTo(1e-6);
    double[][] xd = io.byzcheck.kernels.FiniteWorkers.screen(in.x(), in.f()).vectors().toDoubles();
    assertObjectiveWithinTheGapOf(bestCheapObjective(xd), xd, out, seed);
  }

  /** The smallest Σ‖xᵢ − z‖ over the cheap candidates z: the data points and the coordinate-wise median. */
  private static double bestCheapObjective(double[][] xd) {
    double best = Geometry.sumOfDistances(xd,
        new io.byzcheck.kernels.reference.CoordinateWiseMedianReference().aggregateExact(xd, 0));
    for (double[] row : xd) {
      best = Math.min(best, Geometry.sumOfDistances(xd, row));
    }
    return best;
  }

  /** GM's objective at out, in coordinates, within the 10⁻⁶ gap of best (plus the rounding of out itself). */
  private static void assertObjectiveWithinTheGapOf(double best, double[][] xd, float[] out, long seed) {
    int d = out.length;
    double[] z = new double[d];
    for (int k = 0; k < d; k++) {
      z[k] = out[k];
    }
    double rounding = xd.length * Math.sqrt(d) * Math.ulp(Geometry.norm(z));
    assertThat(Geometry.sumOfDistances(xd, z)).as("GM objective, corpus input %d", seed)
        .isLessThanOrEqualTo(best * (1 + 1e-6) + rounding);
  }

  /** The exact mean of the column, correctly rounded to float (BigDecimal, then one rounding). */
  static float exactMean(float[][] rows, int k) {
    BigDecimal s = BigDecimal.ZERO;
    for (float[] row : rows) {
      s = s.add(new BigDecimal(row[k]));
    }
    return s.divide(BigDecimal.valueOf(rows.length), new MathContext(400)).floatValue();
  }

  private static float[][] identical(int n, int d, float v) {
    float[][] rows = new float[n][d];
    for (float[] row : rows) {
      java.util.Arrays.fill(row, v);
    }
    return rows;
  }

  private static void assertCorrectlyRounded(AggregationRule rule, float[][] rows, int f) {
    float[] got = rule.aggregate(WorkerVectors.wrap(rows), f);
    for (int k = 0; k < got.length; k++) {
      float want = exactMean(rows, k);
      assertThat(got[k]).as("%s n=%d d=%d k=%d: %s ulps off", rule.name(), rows.length, got.length, k,
          (got[k] - want) / Math.ulp(want)).isEqualTo(want);
    }
  }

  /** 33 rows of 0.1f: the mean is 0.1f. Before: 0.09999998 (3 ulps low). */
  @Test
  void meanOfIdenticalRowsIsThatRow() {
    for (int d : new int[] {1, 7, 16, 17, 64, 67, 1000}) {
      for (int n : new int[] {3, 15, 33, 64}) {
        assertCorrectlyRounded(new Mean(), identical(n, d, 0.1f), 0);
      }
    }
  }

  /** 1 + 10⁻³·N(0, 1) at n = 15, and subnormals: correctly rounded in every coordinate. Before: 2.6 and up to 8 ulps. */
  @Test
  void meanIsCorrectlyRoundedOnPrecisionCases() {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int n : new int[] {15, 33}) {
      float[][] rows = new float[n][20_003];
      float[][] sub = new float[n][1003];
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < rows[i].length; k++) {
          rows[i][k] = (float) (1 + 1e-3 * rnd.nextGaussian());
        }
        for (int k = 0; k < sub[i].length; k++) {
          sub[i][k] = (float) (Float.MIN_NORMAL * rnd.nextDouble());
        }
      }
      assertCorrectlyRounded(new Mean(), rows, 0);
      assertCorrectlyRounded(new Mean(), sub, 0);
    }
  }

  /**
   * The mean's rounding no longer propagates: clipping∘mean (nothing clipped), ARC∘mean (equal norms: nothing
   * clipped), bucketing∘mean and NNM's general mixing step (NNM∘CWMed: every mixed row is the average of
   * identical rows) return 0.1f from 33 rows of 0.1f. Before: 3 ulps low (NNM: its float mixing step).
   */
  @Test
  void compositionsWithTheMeanKeepIdenticalRows() {
    float[][] rows = identical(33, 67, 0.1f);
    AggregationRule[] rules = {
        NormClipping.fixed(1e9).then(new Mean()),
        NormClipping.adaptive().then(new Mean()),
        new Bucketing(2, 7).then(new Mean()),
        new NearestNeighbourMixing().then(new CoordinateWiseMedian())};
    for (AggregationRule rule : rules) {
      float[] got = rule.aggregate(WorkerVectors.wrap(rows), 4);
      for (int k = 0; k < got.length; k++) {
        assertThat(got[k]).as("%s k=%d", rule.name(), k).isEqualTo(0.1f);
      }
    }
  }

  /** NNM's mixing step on subnormals: each mixed row correctly rounded. Before: up to 12 ulps. */
  @Test
  void nnmMixingIsCorrectlyRoundedOnSubnormals() {
    SplittableRandom rnd = new SplittableRandom(12);
    int n = 9;
    int f = 2;
    float[][] rows = new float[n][41];
    for (float[] row : rows) {
      for (int k = 0; k < row.length; k++) {
        row[k] = (float) (Float.MIN_NORMAL * rnd.nextDouble());
      }
    }
    WorkerVectors mixed = new NearestNeighbourMixing().apply(WorkerVectors.wrap(rows), f);
    int[][] nb = NearestNeighbourMixing.neighbours(Geometry.squaredDistances(WorkerVectors.wrap(rows).toDoubles()), n - f);
    for (int i = 0; i < n; i++) {
      float[][] members = new float[nb[i].length][];
      for (int t = 0; t < members.length; t++) {
        members[t] = rows[nb[i][t]];
      }
      for (int k = 0; k < rows[i].length; k++) {
        float want = exactMean(members, k);
        assertThat(mixed.get(i, k)).as("mixed row %d k=%d: %s ulps", i, k,
            (mixed.get(i, k) - want) / Math.ulp(want)).isEqualTo(want);
      }
    }
  }

  /**
   * Issue 11.4: rows (0,1,2), (3,4,5), (6,7,8), (9,10,NaN), β = 0.25, f = 1 (βn = 1). The NaN row is excluded
   * and charged to f; β·3 = 0.75 is not an integer, and the rule trims ⌈0.75⌉ = 1 per side of the 3 finite
   * values: the middle row (3, 4, 5). Before: "βm = 0.75 must be an integer".
   */
  @Test
  void betaTrimmedMeanAfterExclusion() {
    WorkerVectors x = WorkerVectors.wrap(new float[] {0, 1, 2}, new float[] {3, 4, 5}, new float[] {6, 7, 8},
        new float[] {9, 10, Float.NaN});
    assertThat(CoordinateWiseTrimmedMean.byFraction(0.25).aggregate(x, 1)).containsExactly(3f, 4f, 5f);
  }

  /**
   * Issue 11.5: k = ⌊2(f/n)(n − f)⌋ is the largest integer with k·n ≤ 2f(n − f); checked for every n ≤ 1000 and
   * 0 ≤ f &lt; n. Before: 31 mismatches, e.g. (242, 33) → 56 instead of 57.
   */
  @Test
  void arcClipsExactlyFloorOfTwoFOverNTimesNMinusF() {
    assertThat(NormClipping.arcClipped(242, 33)).isEqualTo(57);
    for (int n = 1; n <= 1000; n++) {
      for (int f = 0; f < n; f++) {
        long k = NormClipping.arcClipped(n, f);
        long twice = 2L * f * (n - f);
        assertThat(k * n <= twice && (k + 1) * n > twice).as("ARC n=%d f=%d gives %d", n, f, k).isTrue();
      }
    }
  }

  /** Issue 11.6: NNM∘Mean rejects f ≥ n/2 as NNM∘CWTM does. Before: accepted. */
  @Test
  void nnmThenMeanRejectsByzantineMajority() {
    AggregationRule rule = new NearestNeighbourMixing().then(new Mean());
    assertThatThrownBy(() -> rule.aggregate(WorkerVectors.zeros(3, 4), 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("f < n/2");
    assertThatThrownBy(() -> rule.aggregate(WorkerVectors.zeros(33, 4), 32))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("f < n/2");
    AggregationRule cwtm = new NearestNeighbourMixing().then(CoordinateWiseTrimmedMean.trimF());
    assertThatThrownBy(() -> cwtm.aggregate(WorkerVectors.zeros(3, 4), 2)).hasMessageContaining("f < n/2");
  }

  /**
   * Issue 11.7: Krum (Blanchard) with f = −1 names f ≥ 0; bucketing∘mean on 3 workers names the bucket count
   * as such. Before: "needs n > 2f + 2" and "f < n = 2".
   */
  @Test
  void messagesNameTheFailingConstraint() {
    assertThatThrownBy(() -> Krum.blanchard().aggregate(WorkerVectors.zeros(5, 2), -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("f ≥ 0").hasMessageNotContaining("2f + 2");
    assertThatThrownBy(() -> new Bucketing(2, 1).then(new Mean()).aggregate(WorkerVectors.zeros(3, 2), 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 buckets")
        .hasMessageContaining("n = 3 workers");
  }
}
