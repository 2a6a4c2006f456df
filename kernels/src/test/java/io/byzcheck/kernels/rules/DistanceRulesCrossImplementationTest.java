package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.Awkward;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;
import io.byzcheck.kernels.reference.CentredClippingReference;
import io.byzcheck.kernels.reference.ComparativeGradientEliminationReference;
import io.byzcheck.kernels.reference.GeometricMedianReference;
import io.byzcheck.kernels.reference.Geometry;
import io.byzcheck.kernels.reference.KrumReference;
import io.byzcheck.kernels.reference.MinimumDiameterAveragingReference;
import io.byzcheck.kernels.reference.ReferenceRule;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Distance-based rules (Gram matrix in double, coefficient space) against references that compute
 * distances directly in coordinates. Gaussian inputs: exact ties, where both answers would be right
 * but could differ, have probability 0. Tagged: runs at every vector width and without the module.
 */
@Tag("vector-width")
class DistanceRulesCrossImplementationTest {

  private static WorkerVectors gaussian(SplittableRandom rnd, int n, int d) {
    float[][] rows = new float[n][d];
    for (int i = 0; i < n; i++) {
      double scale = i % 3 == 0 ? 10 : 1; // a few far points
      for (int k = 0; k < d; k++) {
        rows[i][k] = (float) (scale * rnd.nextGaussian());
      }
    }
    return WorkerVectors.wrap(rows);
  }

  private static void compare(AggregationRule fast, ReferenceRule ref, int nMin, int nMax,
      java.util.function.IntUnaryOperator fOfN, double relTol, long salt) {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + salt);
    for (int n = nMin; n <= nMax; n++) {
      int f = fOfN.applyAsInt(n);
      for (int d : Awkward.dimensions()) {
        WorkerVectors x = gaussian(rnd, n, d);
        WorkerVectors before = x.deepCopy();
        float[] got = fast.aggregate(x, f);
        double[] want = ref.aggregateExact(x.toDoubles(), f);
        double scale = 0;
        for (double[] row : x.toDoubles()) {
          scale = Math.max(scale, Geometry.norm(row));
        }
        for (int k = 0; k < d; k++) {
          assertThat((double) got[k]).as("%s n=%d f=%d d=%d k=%d (seed %d)", fast.name(), n, f, d, k, Awkward.SEED)
              .isCloseTo(want[k], within(relTol * scale + 1e-30));
        }
        assertThat(x.sameContents(before)).as("%s modified its input", fast.name()).isTrue();
      }
    }
  }

  @Test
  void krumVariantsSelectWhatTheDefinitionSelects() {
    compare(Krum.blanchard(), KrumReference.blanchard(), 5, 70, n -> (n - 3) / 2, 1e-6, 1);
    compare(Krum.star(), KrumReference.star(), 1, 70, n -> (n - 1) / 2, 1e-6, 2);
    compare(Krum.multiStar(3), KrumReference.multiStar(3), 6, 70, n -> (n - 3) / 2, 1e-6, 3);
  }

  @Test
  void mdaBranchAndBoundMatchesBruteForceUpToTwelve() {
    compare(new MinimumDiameterAveraging(), new MinimumDiameterAveragingReference(), 2, 12, n -> (n - 1) / 2, 1e-6, 4);
    compare(new MinimumDiameterAveraging(), new MinimumDiameterAveragingReference(), 4, 12, n -> 1, 1e-6, 5);
  }

  /**
   * The geometric median is unique unless the points are collinear (d = 1 with even n, or n = 2), so
   * the objective Σ‖z − xᵢ‖ is compared everywhere (certified gap 1e−10 plus float rounding of z),
   * and the points themselves where they are unique.
   */
  @Test
  void geometricMedianMatchesTheCoordinateIteration() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 6);
    GeometricMedian fast = GeometricMedian.certified(1e-10);
    for (int n = 1; n <= 70; n++) {
      for (int d : n <= 20 ? Awkward.dimensions() : new int[] {1, 2, 17, 67}) {
        WorkerVectors x = gaussian(rnd, n, d);
        double[][] xd = x.toDoubles();
        float[] got = fast.aggregate(x, (n - 1) / 2);
        double[] want = new GeometricMedianReference().aggregateExact(xd, (n - 1) / 2);
        double[] z = new double[d];
        double scale = 0;
        for (int k = 0; k < d; k++) {
          z[k] = got[k];
        }
        for (double[] row : xd) {
          scale = Math.max(scale, Geometry.norm(row));
        }
        double gFast = Geometry.sumOfDistances(xd, z);
        double gRef = Geometry.sumOfDistances(xd, want);
        assertThat(gFast).as("GM objective n=%d d=%d (seed %d)", n, d, Awkward.SEED)
            .isLessThanOrEqualTo(gRef * (1 + 1e-9) + n * 1e-6 * scale);
        if (d >= 2 && n >= 3) {
          for (int k = 0; k < d; k++) {
            assertThat((double) got[k]).as("GM n=%d d=%d k=%d (seed %d)", n, d, k, Awkward.SEED)
                .isCloseTo(want[k], within(1e-4 * scale));
          }
        }
      }
    }
  }


  /** NNM∘Mean (coefficient-space route) against mixing done directly: direct distances, n mixed vectors, their mean. */
  @Test
  void nearestNeighbourMixingThenMeanMatchesDirectMixing() {
    AggregationRule fast = new NearestNeighbourMixing().then(new Mean());
    ReferenceRule ref = new ReferenceRule() {
      @Override
      public String name() {
        return "NNM∘Mean (direct)";
      }

      @Override
      public double[] aggregateExact(double[][] x, int f) {
        int n = x.length;
        int[][] nb = NearestNeighbourMixing.neighbours(Geometry.squaredDistances(x), n - f);
        double[] out = new double[x[0].length];
        for (int[] row : nb) {
          for (int j : row) {
            for (int k = 0; k < out.length; k++) {
              out[k] += x[j][k] / ((double) n * row.length);
            }
          }
        }
        return out;
      }
    };
    compare(fast, ref, 1, 70, n -> (n - 1) / 2, 1e-6, 9);
  }

  /**
   * Small integer coordinates: many exactly equal distances and scores, which the ranking Gram cannot
   * separate, so Krum's fallback to the double Gram and NNM's direct settling of straddling pairs run.
   */
  @Test
  void rankingGramFallbacksOnExactTies() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 11);
    AggregationRule nnm = new NearestNeighbourMixing().then(new Mean());
    for (int n = 3; n <= 40; n++) {
      for (int d : new int[] {1, 2, 3, 17}) {
        float[][] rows = new float[n][d];
        for (float[] row : rows) {
          for (int k = 0; k < d; k++) {
            row[k] = rnd.nextInt(-2, 3);
          }
        }
        WorkerVectors x = WorkerVectors.wrap(rows);
        double[][] xd = x.toDoubles();
        int f = (n - 1) / 2;
        int q = Math.max(1, (n - f) / 2);
        assertClose(Krum.star().aggregate(x, f), KrumReference.star().aggregateExact(xd, f), "Krum* ties", n, d);
        assertClose(Krum.multiStar(q).aggregate(x, f), KrumReference.multiStar(q).aggregateExact(xd, f),
            "Multi-Krum* ties", n, d);
        int[][] nb = NearestNeighbourMixing.neighbours(Geometry.squaredDistances(xd), n - f);
        double[] want = new double[d];
        for (int[] row : nb) {
          for (int j : row) {
            for (int k = 0; k < d; k++) {
              want[k] += xd[j][k] / ((double) n * row.length);
            }
          }
        }
        assertClose(nnm.aggregate(x, f), want, "NNM∘Mean ties", n, d);
      }
    }
  }

  private static void assertClose(float[] got, double[] want, String what, int n, int d) {
    for (int k = 0; k < want.length; k++) {
      assertThat((double) got[k]).as("%s n=%d d=%d k=%d (seed %d)", what, n, d, k, Awkward.SEED)
          .isCloseTo(want[k], within(1e-5));
    }
  }

  /**
   * Issue 3's tie rule: with duplicate points (exact ties in scores and diameters) Krum*, Multi-Krum*
   * and MDA give the same output for every order of the workers, and agree with their references.
   */
  @Test
  void tiesDoNotDependOnWorkerOrder() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 10);
    for (int trial = 0; trial < 40; trial++) {
      int n = 3 + rnd.nextInt(10);
      int d = 1 + rnd.nextInt(4);
      float[][] distinct = new float[1 + rnd.nextInt(3)][d];
      for (float[] row : distinct) {
        for (int k = 0; k < d; k++) {
          row[k] = rnd.nextInt(-2, 3); // integers: Gram and direct distances are exact, ties stay ties
        }
      }
      float[][] rows = new float[n][];
      for (int i = 0; i < n; i++) {
        rows[i] = distinct[rnd.nextInt(distinct.length)].clone();
        if (rnd.nextInt(3) == 0) {
          rows[i][rnd.nextInt(d)] += rnd.nextInt(-1, 2);
        }
      }
      int f = (n - 1) / 2;
      List<AggregationRule> fast = List.of(Krum.star(), Krum.multiStar(Math.max(1, (n - f) / 2)),
          new MinimumDiameterAveraging());
      List<ReferenceRule> refs = List.of(KrumReference.star(), KrumReference.multiStar(Math.max(1, (n - f) / 2)),
          new MinimumDiameterAveragingReference());
      for (int r = 0; r < fast.size(); r++) {
        float[] first = fast.get(r).aggregate(WorkerVectors.wrap(rows), f);
        double[] want = refs.get(r).aggregateExact(WorkerVectors.wrap(rows).toDoubles(), f);
        for (int k = 0; k < d; k++) {
          assertThat((double) first[k]).as("%s vs reference, trial %d", fast.get(r).name(), trial)
              .isCloseTo(want[k], within(1e-6));
        }
        for (int p = 0; p < 5; p++) {
          float[][] perm = rows.clone();
          for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            float[] t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
          }
          assertThat(fast.get(r).aggregate(WorkerVectors.wrap(perm), f))
              .as("%s permuted, trial %d", fast.get(r).name(), trial).containsExactly(first);
        }
      }
    }
  }

  @Test
  void cgeAndCentredClipping() {
    compare(new ComparativeGradientElimination(), new ComparativeGradientEliminationReference(), 1, 25,
        n -> (n - 1) / 2, 1e-6, 7);
    compare(CentredClipping.fromZero(2.0, 5), new CentredClippingReference(2.0, 5, null), 1, 25, n -> 0, 1e-5, 8);
  }

  /**
   * ARCHITECTURE.md's precision case: d = 10⁶, all vectors 1 + noise of scale 10⁻³. Squared distances
   * are ≈ 2 and must match a direct double computation; the naive float32 Gram trick errs by ~2 here.
   */
  @Test
  void centredGramIsAccurateWhereTheNaiveTrickFails() {
    int n = 4;
    int d = 1_000_000;
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED);
    float[][] rows = new float[n][d];
    for (float[] row : rows) {
      for (int k = 0; k < d; k++) {
        row[k] = (float) (1.0 + 1e-3 * rnd.nextGaussian());
      }
    }
    double[][] direct = Geometry.squaredDistances(WorkerVectors.wrap(rows).toDoubles());
    double[][] gram = VectorizationProvider.getInstance().gramKernel().centredGram(rows).squaredDistances();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        assertThat(gram[i][j]).as("‖x%d − x%d‖²", i, j).isCloseTo(direct[i][j], within(1e-9 * Math.max(1, direct[i][j])));
      }
    }
    assertThat(direct[0][1]).isBetween(1.9, 2.1);
  }
}
