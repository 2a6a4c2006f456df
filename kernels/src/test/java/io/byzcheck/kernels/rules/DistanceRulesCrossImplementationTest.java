package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.Awkward;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.gram.CentredGram;
import io.byzcheck.kernels.reference.CenteredClippingReference;
import io.byzcheck.kernels.reference.ComparativeGradientEliminationReference;
import io.byzcheck.kernels.reference.Geometry;
import io.byzcheck.kernels.reference.GeometricMedianReference;
import io.byzcheck.kernels.reference.KrumReference;
import io.byzcheck.kernels.reference.MinimumDiameterAveragingReference;
import io.byzcheck.kernels.reference.ReferenceRule;
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
    compare(Krum.blanchard(), KrumReference.blanchard(), 5, 30, n -> (n - 3) / 2, 1e-6, 1);
    compare(Krum.star(), KrumReference.star(), 3, 30, n -> (n - 1) / 2, 1e-6, 2);
    compare(Krum.multiStar(3), KrumReference.multiStar(3), 6, 30, n -> (n - 3) / 2, 1e-6, 3);
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
    for (int n = 1; n <= 20; n++) {
      for (int d : Awkward.dimensions()) {
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
        double gFast = objective(xd, z);
        double gRef = objective(xd, want);
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

  private static double objective(double[][] x, double[] z) {
    double s = 0;
    for (double[] xi : x) {
      s += Math.sqrt(Geometry.squaredDistance(xi, z));
    }
    return s;
  }

  @Test
  void cgeAndCenteredClipping() {
    compare(new ComparativeGradientElimination(), new ComparativeGradientEliminationReference(), 1, 25,
        n -> (n - 1) / 2, 1e-6, 7);
    compare(CenteredClipping.fromZero(2.0, 5), new CenteredClippingReference(2.0, 5, null), 1, 25, n -> 0, 1e-5, 8);
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
    double[][] gram = CentredGram.of(rows).squaredDistances();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        assertThat(gram[i][j]).as("‖x%d − x%d‖²", i, j).isCloseTo(direct[i][j], within(1e-9 * Math.max(1, direct[i][j])));
      }
    }
    assertThat(direct[0][1]).isBetween(1.9, 2.1);
  }
}
