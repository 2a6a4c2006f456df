package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.kernels.Awkward;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.reference.ClippedClusteringReference;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Clipped clustering (Li et al. 2023; Blades): a case worked by hand, fast = reference, bad input. */
@Tag("vector-width")
class ClippedClusteringTest {

  /**
   * x = (1,0), (3,0), (1,1), (−1,0), (−2,0): norms 1, 3, √2, 1, 2, median τ = √2, so (3,0) ↦ (√2,0) and
   * (−2,0) ↦ (−√2,0). Cosine distances: 0 within {1,2} and within {4,5}; 1 − 1/√2 from (1,1) to 1 and 2;
   * 1 + 1/√2 from (1,1) to 4 and 5; 2 between the groups. Average linkage: {4,5} (the tie at 0 goes to the pair
   * whose first member comes first by contents: (−2,0)), then {1,2}, then {1,2,3} at 1 − 1/√2, leaving
   * {1,2,3} | {4,5}. The larger cluster's clipped mean: ((1 + √2 + 1)/3, 1/3).
   */
  @Test
  void handWorkedCase() {
    WorkerVectors x = WorkerVectors.wrap(new float[] {1, 0}, new float[] {3, 0}, new float[] {1, 1},
        new float[] {-1, 0}, new float[] {-2, 0});
    double[] want = {(2 + Math.sqrt(2)) / 3, 1.0 / 3};
    double[] ref = new ClippedClusteringReference().aggregateExact(x.toDoubles(), 0);
    assertThat(ref[0]).isCloseTo(want[0], within(1e-15));
    assertThat(ref[1]).isCloseTo(want[1], within(1e-15));
    float[] got = new ClippedClustering().aggregate(x, 0);
    assertThat((double) got[0]).isCloseTo(want[0], within(1e-6));
    assertThat((double) got[1]).isCloseTo(want[1], within(1e-6));
    // Another worker order, the same clusters and output.
    WorkerVectors shuffled = WorkerVectors.wrap(new float[] {-2, 0}, new float[] {1, 1}, new float[] {-1, 0},
        new float[] {3, 0}, new float[] {1, 0});
    assertThat(new ClippedClustering().aggregate(shuffled, 0)).containsExactly(got);
  }

  /**
   * EXT-CLIPCLUST-NOLAMBDA's instance: n − f = 5 identical honest x, one Byzantine x + εw (w ⊥ x) joining their
   * cluster, one at −x alone in the other. The output is not x although diam S = 0: no λ makes Def. 2 hold.
   */
  @Test
  void identicalHonestWorkersAreNotReturnedWhenAByzantineJoinsTheirCluster() {
    float[][] rows = new float[7][];
    for (int i = 0; i < 5; i++) {
      rows[i] = new float[] {1, 2};
    }
    rows[5] = new float[] {1.2f, 1.9f};
    rows[6] = new float[] {-1, -2};
    float[] got = new ClippedClustering().aggregate(WorkerVectors.wrap(rows), 2);
    double[] want = new ClippedClusteringReference().aggregateExact(WorkerVectors.wrap(rows).toDoubles(), 2);
    // (1.2, 1.9) has norm 2.247 > τ = √5: clipped to √5·(1.2, 1.9)/2.247, then averaged with five (1, 2). The
    // Byzantine row is the floats 1.2f, 1.9f (1.2 and 1.9 in double differ from them by ~5e−8, beyond 1e−12).
    double bx = 1.2f;
    double by = 1.9f;
    double s = Math.sqrt(5) / Math.hypot(bx, by);
    assertThat(want[0]).isCloseTo((5 + bx * s) / 6, within(1e-12));
    assertThat(want[1]).isCloseTo((10 + by * s) / 6, within(1e-12));
    assertThat((double) got[0]).isCloseTo(want[0], within(1e-6)).isNotEqualTo(1.0);
  }

  @Test
  void fastRuleClustersAndAveragesWhatTheDefinitionDoes() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 170);
    for (int n = 1; n <= 17; n += 2) {
      for (int d : Awkward.dimensions()) {
        FastAgainstReference.compare(new ClippedClustering(), new ClippedClusteringReference(),
            FastAgainstReference.gaussian(rnd, n, d, 0.5), n / 3, "gaussian");
      }
    }
    for (int[] p : new int[][] {{8, 4099}, {12, 20_011}}) {
      FastAgainstReference.compare(new ClippedClustering(), new ClippedClusteringReference(),
          FastAgainstReference.gaussian(rnd, p[0], p[1], 0.5), 2, "large d");
    }
  }

  /**
   * Issue 16, n = 7, d = 3: rows 10⁵ + k/32 per coordinate (k ∈ −3..3), a spread of a few float ulps on a common
   * offset, so 1 − cos ≈ 10⁻¹³ while 1 − ⟨a, b⟩/(‖a‖‖b‖) in double carries up to a few 10⁻¹⁶ of rounding
   * (a relative 10⁻³ on the distances, enough to reorder the linkage's merges). The clusters
   * {0, 1, 3, 4} | {2, 5, 6} were found from the cosine distances in 60-digit arithmetic (mpmath) and stay the same
   * under 12 random relative perturbations of 10⁻⁶ of those distances (not a near tie), while the cancelling
   * formula evaluated here in double puts row 6 into the larger cluster. Expected output: the clipped mean of rows
   * 0, 1, 3, 4 in double; row 6's cluster would move coordinate 1 by 2 ulp and coordinate 0 by 1 ulp.
   */
  @Test
  void offsetDataClustersAsTheExactCosineDistancesDo() {
    float[][] rows = {
      {100000.09375f, 100000.0f, 100000.03125f}, {100000.09375f, 100000.0625f, 100000.0f},
      {99999.90625f, 99999.9375f, 100000.03125f}, {100000.09375f, 100000.0f, 100000.09375f},
      {100000.0f, 99999.90625f, 99999.96875f}, {99999.96875f, 100000.0f, 100000.03125f},
      {100000.0625f, 100000.09375f, 100000.0625f}};
    WorkerVectors x = WorkerVectors.wrap(rows);
    double[][] xd = x.toDoubles();
    int[] cluster = {0, 1, 3, 4};
    double[] norms = new double[7];
    for (int i = 0; i < 7; i++) {
      norms[i] = Math.sqrt(xd[i][0] * xd[i][0] + xd[i][1] * xd[i][1] + xd[i][2] * xd[i][2]);
    }
    double tau = ClippedClustering.median(norms);
    double[] want = new double[3];
    for (int i : cluster) {
      for (int k = 0; k < 3; k++) {
        want[k] += xd[i][k] * Math.min(1, tau / norms[i]) / cluster.length;
      }
    }
    // The input exercises the cancellation: the old formula clusters differently.
    double[][] cancelling = new double[7][7];
    for (int i = 0; i < 7; i++) {
      for (int j = i + 1; j < 7; j++) {
        double dot = xd[i][0] * xd[j][0] + xd[i][1] * xd[j][1] + xd[i][2] * xd[j][2];
        cancelling[i][j] = cancelling[j][i] = 1 - Math.max(-1, Math.min(1, dot / (norms[i] * norms[j])));
      }
    }
    assertThat(ClippedClustering.larger(cancelling, KrumScores.byContents(xd)))
        .containsExactly(true, true, false, true, true, false, true);
    double[] ref = new ClippedClusteringReference().aggregateExact(xd, 3);
    float[] got = new ClippedClustering().aggregate(x, 3);
    for (int k = 0; k < 3; k++) {
      assertThat(ref[k]).as("reference, coordinate %d", k).isCloseTo(want[k], within(1e-9));
      assertThat((double) got[k]).as("fast, coordinate %d", k).isCloseTo(want[k], within(0.75 * Math.ulp(got[k])));
    }
  }

  /**
   * Issue 16, the catalogue's FAST-EQ-REFERENCE counterexample at the report budget (COLLINEAR scenario, search seed
   * −6548162110519990231, n = 7, f = 3, d = 3; ratio 3.2·10⁴ before, 1.0·10⁴ with the median-centred refinement
   * alone): rows along one direction with norms 0.43 … 1.08, so every 1 − cos is the ~10⁻¹⁵ rounding of the floats'
   * directions, which neither the origin nor the median-centred Gram resolves; such pairs come from coordinates.
   */
  @Test
  void collinearRowsOfDifferentNormsClusterAsTheReferenceDoes() {
    WorkerVectors x = WorkerVectors.wrap(new float[] {0.23139472f, 0.8451646f, -0.04550876f},
        new float[] {0.2298408f, 0.8394889f, -0.045203153f}, new float[] {0.23139472f, 0.8451646f, -0.04550876f},
        new float[] {0.110030144f, 0.40188292f, -0.021639802f}, new float[] {0.2829966f, 1.0336394f, -0.055657387f},
        new float[] {0.114255495f, 0.4173159f, -0.022470808f}, new float[] {0.16795698f, 0.61345947f, -0.03303236f});
    FastAgainstReference.compare(new ClippedClustering(), new ClippedClusteringReference(), x, 3, "collinear");
  }

  /** A zero vector has cosine 0 with every vector (distance 1): no NaN reaches the clustering. */
  @Test
  void zeroVectorsAreAtCosineDistanceOne() {
    WorkerVectors x = WorkerVectors.wrap(new float[] {0, 0}, new float[] {1, 1}, new float[] {1, 1.1f},
        new float[] {0, 0}, new float[] {1.1f, 1});
    FastAgainstReference.compare(new ClippedClustering(), new ClippedClusteringReference(), x, 1, "zeros");
    assertThat(new ClippedClustering().aggregate(x, 1)[0]).isGreaterThan(0.9f);
  }

  @Test
  void nonFiniteWorkersAreExcludedAndChargedToF() {
    FastAgainstReference.nonFiniteWorkersAreExcludedAndChargedToF(new ClippedClustering(), Awkward.SEED + 171);
  }

  @Test
  void hugeValuesStayFinite() {
    FastAgainstReference.hugeValuesStayFinite(new ClippedClustering(), new ClippedClusteringReference());
  }
}
