package io.byzcheck.kernels.internal.vectorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The scalar and the Vector API kernels side by side in one JVM, on the same awkward shapes (as Lucene's
 * {@code BaseVectorizationTestCase}), in addition to the per-width runs of the rule-level tests. The width is
 * the execution's (tag vector-width: every forced width); without the module the class is skipped, and
 * VectorizationTest proves that run is scalar. Where the two backends sum in different orders the tolerance
 * is the rounding bound of that sum, stated at each assertion; elsewhere they must agree exactly (as
 * numbers: the networks may swap −0.0 and 0.0).
 */
@Tag("vector-width")
class ScalarAndPanamaKernelsTest {
  private static final long SEED = 20261201L;
  private static final int[] NS = {1, 2, 3, 5, 8, 16, 17, 31, 32, 33, 47, 64, 65, 100};
  private static final int[] DS = {1, 7, 16, 17, 33, 100, 513};

  private static VectorizationProvider scalar;
  private static VectorizationProvider panama;

  @BeforeAll
  static void bothBackends() {
    assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
        "jdk.incubator.vector is absent: only the scalar kernels exist in this JVM");
    scalar = VectorizationProvider.scalar("compared in one JVM");
    panama = VectorizationProvider.panama();
    assertThat(scalar.coordinateKernels()).isInstanceOf(ScalarCoordinateKernels.class);
    assertThat(panama.coordinateKernels()).isInstanceOf(PanamaCoordinateKernels.class);
  }

  /** n rows of dimension d: mixed scales, repeated values and signed zeros, seeded by (n, d). */
  private static float[][] rows(int n, int d) {
    SplittableRandom r = new SplittableRandom(SEED ^ (31L * n + d));
    float[][] x = new float[n][d];
    double scale = Math.pow(10, r.nextInt(-3, 4));
    for (float[] row : x) {
      for (int k = 0; k < d; k++) {
        int kind = r.nextInt(10);
        row[k] = switch (kind) {
          case 0 -> 0f;
          case 1 -> -0f;
          case 2 -> 1f; // ties across workers
          default -> (float) (scale * r.nextGaussian());
        };
      }
    }
    return x;
  }

  private static void assertSameNumbers(float[] expected, float[] actual, String what) {
    for (int k = 0; k < expected.length; k++) {
      assertThat(actual[k] == expected[k]).as("%s at k = %d: %s vs %s", what, k, expected[k], actual[k]).isTrue();
    }
  }

  private static double maxAbs(float[][] x, int k) {
    double m = 0;
    for (float[] row : x) {
      m = Math.max(m, Math.abs(row[k]));
    }
    return m;
  }

  @Test
  void allFiniteAgreesOnEveryPositionOfANonFiniteValue() {
    for (int d : new int[] {1, 7, 15, 16, 17, 31, 32, 33, 64, 65, 100}) {
      float[] row = new float[d];
      assertThat(panama.coordinateKernels().allFinite(row)).isTrue();
      assertThat(scalar.coordinateKernels().allFinite(row)).isTrue();
      for (int k = 0; k < d; k++) {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
          row[k] = bad;
          assertThat(panama.coordinateKernels().allFinite(row)).as("d=%d %s at %d", d, bad, k).isFalse();
          assertThat(scalar.coordinateKernels().allFinite(row)).as("d=%d %s at %d", d, bad, k).isFalse();
        }
        row[k] = Float.MAX_VALUE;
      }
      assertThat(panama.coordinateKernels().allFinite(row)).isTrue();
    }
  }

  /**
   * The combination pass with the mean's weights (what the Mean rule runs: double accumulation, one rounding)
   * within one ulp, since the two may round the double sums differently only at a float midpoint; the median
   * exactly (the same order statistics).
   */
  @Test
  void meanAndMedianAgree() {
    for (int n : NS) {
      for (int d : DS) {
        float[][] x = rows(n, d);
        float[] s = new float[d];
        float[] p = new float[d];
        double[] beta = new double[n];
        java.util.Arrays.fill(beta, 1.0 / n);
        scalar.gramKernel().combine(x, beta, 0, s);
        panama.gramKernel().combine(x, beta, 0, p);
        for (int k = 0; k < d; k++) {
          assertThat(Math.abs(s[k] - p[k])).as("mean n=" + n + " d=" + d + " k=" + k)
              .isLessThanOrEqualTo(Math.ulp(Math.max(Math.abs(s[k]), Math.abs(p[k]))));
        }
        scalar.coordinateKernels().median(x, s);
        panama.coordinateKernels().median(x, p);
        assertSameNumbers(s, p, "median n=" + n + " d=" + d);
      }
    }
  }

  /**
   * The median's *IfFinite form, on every path (up to 32 workers the checked networks, whole or by range; 33 to 64
   * the sorted runs; above, the screen): the plain medians on finite rows, huge (±3.4·10³⁸) values included, and
   * false for one NaN, +∞ or −∞ anywhere — in a vector's lanes, in the tail a network leaves, in a range.
   */
  @Test
  void medianIfFiniteIsTheMedianOnFiniteRowsAndFalseOnOneNonFiniteValue() {
    for (int n : NS) {
      for (int d : DS) {
        float[][] x = rows(n, d);
        x[n / 2][0] = 3.4e38f;
        x[n - 1][d - 1] = -3.4e38f;
        float[] s = new float[d];
        float[] q = new float[d];
        scalar.coordinateKernels().median(x, s);
        assertThat(panama.coordinateKernels().medianIfFinite(x, q)).as("n=%d d=%d", n, d).isTrue();
        assertSameNumbers(s, q, "median if finite n=" + n + " d=" + d);
        int from = d / 3;
        int to = Math.max(from, d - d / 5);
        float[] r = new float[d];
        assertThat(panama.coordinateKernels().medianIfFinite(x, r, from, to)).isTrue();
        for (int k = from; k < to; k++) {
          assertThat(r[k] == s[k]).as("median if finite on [%d, %d) n=%d d=%d k=%d", from, to, n, d, k).isTrue();
        }
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
          for (int k : new int[] {0, d / 2, d - 1}) {
            int row = (k + n) % n;
            float keep = x[row][k];
            x[row][k] = bad;
            assertThat(panama.coordinateKernels().medianIfFinite(x, q)).as("%s at row %d, k = %d, n=%d d=%d", bad,
                row, k, n, d).isFalse();
            if (k >= from && k < to) {
              assertThat(panama.coordinateKernels().medianIfFinite(x, r, from, to)).as("%s in range, k = %d", bad, k)
                  .isFalse();
            }
            x[row][k] = keep;
          }
        }
      }
    }
  }

  /**
   * Trimmed mean: the vector kernel sums the same terms with two accumulators, so each result may differ by
   * the rounding of a float sum of at most n terms each below 2·max|x|: n·2⁻²³·2·max|x|. MeaMed sums in
   * double in both and rounds once to float: at most one float ulp apart. The *IfFinite forms equal the plain
   * ones bit for bit on finite rows and say false on a non-finite value.
   */
  @Test
  void trimmedMeanAndMeaMedAgreeWithinTheirRounding() {
    for (int n : NS) {
      int f = (n - 1) / 2;
      for (int d : DS) {
        float[][] x = rows(n, d);
        float[] s = new float[d];
        float[] p = new float[d];
        float[] q = new float[d];
        scalar.coordinateKernels().trimmedMean(x, f, n - 2 * f, s);
        panama.coordinateKernels().trimmedMean(x, f, n - 2 * f, p);
        for (int k = 0; k < d; k++) {
          double tol = n * 0x1p-23 * 2 * maxAbs(x, k);
          assertThat((double) Math.abs(p[k] - s[k])).as("CWTM n=%d d=%d k=%d", n, d, k).isLessThanOrEqualTo(tol);
        }
        assertThat(panama.coordinateKernels().trimmedMeanIfFinite(x, f, n - 2 * f, q)).isTrue();
        assertSameNumbers(p, q, "CWTM if finite n=" + n + " d=" + d);
        scalar.coordinateKernels().meanAroundMedian(x, f, s);
        panama.coordinateKernels().meanAroundMedian(x, f, p);
        for (int k = 0; k < d; k++) {
          assertThat((double) Math.abs(p[k] - s[k])).as("MeaMed n=%d d=%d k=%d", n, d, k)
              .isLessThanOrEqualTo(Math.ulp(Math.max(Math.abs(s[k]), Math.abs(p[k]))));
        }
        assertThat(panama.coordinateKernels().meanAroundMedianIfFinite(x, f, q)).isTrue();
        assertSameNumbers(p, q, "MeaMed if finite n=" + n + " d=" + d);
        x[n - 1][d - 1] = Float.NaN;
        assertThat(panama.coordinateKernels().trimmedMeanIfFinite(x, f, n - 2 * f, q)).isFalse();
        assertThat(panama.coordinateKernels().meanAroundMedianIfFinite(x, f, q)).isFalse();
        assertThat(scalar.coordinateKernels().trimmedMeanIfFinite(x, f, n - 2 * f, q)).isFalse();
        assertThat(scalar.coordinateKernels().meanAroundMedianIfFinite(x, f, q)).isFalse();
      }
    }
  }

  /**
   * The trimmed mean sorted and summed in registers (n ≤ 31, PanamaTrimmedNetworks): every n and every trim, so
   * that each sorted position is both kept and trimmed somewhere, within the rounding of the two accumulators
   * (as above); with Byzantine extremes (±3.4·10³⁸, finite) every value must still be trimmed, not cancelled;
   * and a NaN or ±∞ anywhere in the vector part must make the checked form say false.
   */
  @Test
  void theInRegisterTrimmedMeanAgreesForEveryTrimAndCatchesEveryNonFiniteValue() {
    SplittableRandom r = new SplittableRandom(SEED);
    int d = 3 * 16 + 5;
    float[] s = new float[d];
    float[] p = new float[d];
    for (int n = 1; n <= PanamaTrimmedNetworks.MAX_N; n++) {
      for (int f = 0; 2 * f < n; f++) {
        float[][] x = rows(n, d);
        if (f > 0) {
          // f Byzantine rows of huge values of both signs: a sum of them would overflow.
          for (int i = 0; i < f; i++) {
            for (int k = 0; k < d; k++) {
              x[r.nextInt(n)][k] = r.nextBoolean() ? Float.MAX_VALUE : -Float.MAX_VALUE;
            }
          }
        }
        scalar.coordinateKernels().trimmedMean(x, f, n - 2 * f, s);
        assertThat(panama.coordinateKernels().trimmedMeanIfFinite(x, f, n - 2 * f, p))
            .as("finite rows n=%d f=%d", n, f).isTrue();
        for (int k = 0; k < d; k++) {
          double tol = n * 0x1p-23 * 2 * maxAbsKept(x, k, f);
          assertThat((double) Math.abs(p[k] - s[k])).as("CWTM n=%d f=%d k=%d (seed %d)", n, f, k, SEED)
              .isLessThanOrEqualTo(tol);
        }
        float bad = switch (r.nextInt(3)) {
          case 0 -> Float.NaN;
          case 1 -> Float.POSITIVE_INFINITY;
          default -> Float.NEGATIVE_INFINITY;
        };
        x[r.nextInt(n)][r.nextInt(48)] = bad;
        assertThat(panama.coordinateKernels().trimmedMeanIfFinite(x, f, n - 2 * f, p))
            .as("%s in the rows, n=%d f=%d (seed %d)", bad, n, f, SEED).isFalse();
      }
    }
  }

  /** The largest |value| among the kept order statistics of column k: the scale of the trimmed mean's sum. */
  private static double maxAbsKept(float[][] x, int k, int f) {
    float[] column = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      column[i] = x[i][k];
    }
    java.util.Arrays.sort(column);
    double m = 0;
    for (int i = f; i < x.length - f; i++) {
      m = Math.max(m, Math.abs(column[i]));
    }
    return m;
  }

  /**
   * MeaMed dropping more than it keeps (2f &gt; n: Bulyan's second step, f' = 2f of θ = n − 2f rows) has its own
   * vector block, which sums the window in MedianWindow's order and divides as it does: the same floats as the
   * scalar kernel, bit for bit, on every f with 2f &gt; n, at θ of Bulyan's n = 4f + 3 (f = 1, 2, 3, 7: 5, 7, 9, 17)
   * and n = 64, f = 15 (34), and with huge (±3.4·10³⁸) and subnormal values mixed in; the *IfFinite form too.
   */
  @Test
  void meaMedDroppingMoreThanItKeepsIsTheScalarKernelBitForBit() {
    for (int n : new int[] {2, 3, 5, 7, 9, 16, 17, 31, 32, 33, 34, 47, 64}) {
      for (int f = n / 2 + 1; f < n; f++) {
        for (int d : DS) {
          float[][] x = rows(n, d);
          SplittableRandom r = new SplittableRandom(SEED + 31L * n + f + 7L * d);
          for (float[] row : x) {
            for (int k = 0; k < d; k++) {
              int kind = r.nextInt(12);
              if (kind == 0) {
                row[k] = r.nextBoolean() ? 3.4e38f : -3.4e38f;
              } else if (kind == 1) {
                row[k] = Float.MIN_VALUE * r.nextInt(1, 5);
              }
            }
          }
          float[] s = new float[d];
          float[] p = new float[d];
          float[] q = new float[d];
          scalar.coordinateKernels().meanAroundMedian(x, f, s);
          panama.coordinateKernels().meanAroundMedian(x, f, p);
          assertSameNumbers(s, p, "MeaMed n=" + n + " f=" + f + " d=" + d + " (seed " + SEED + ")");
          assertThat(panama.coordinateKernels().meanAroundMedianIfFinite(x, f, q)).isTrue();
          assertSameNumbers(s, q, "MeaMed if finite n=" + n + " f=" + f + " d=" + d + " (seed " + SEED + ")");
          x[0][d - 1] = Float.NaN;
          assertThat(panama.coordinateKernels().meanAroundMedianIfFinite(x, f, q)).isFalse();
        }
      }
    }
  }

  /**
   * The centred Gram. The scalar kernel centres in double (exact), the vector one in float, which errs by
   * at most 2⁻²⁴ relative per centred value, so by 2⁻²³·Σ|yᵢyⱼ| ≤ 2⁻²³·(Gᵢᵢ + Gⱼⱼ)/2 per entry (the double
   * sums add far less; 2⁻²³·(Gᵢᵢ + Gⱼⱼ) is asserted). The ranking Gram's squared distances lie within its
   * own proven bound floatGramErrorFactor·(G̃ᵢᵢ + G̃ⱼⱼ) of the double Gram's of the same kernel.
   */
  @Test
  void gramKernelsAgreeWithinTheirBounds() {
    for (int n : NS) {
      for (int d : DS) {
        float[][] x = rows(n, d);
        float[][] sample = java.util.Arrays.copyOf(x, Math.min(n, 32));
        double[][] gs = new double[n][n];
        double[][] gp = new double[n][n];
        double[][] gf = new double[n][n];
        scalar.gramKernel().gram(x, sample, gs);
        panama.gramKernel().gram(x, sample, gp);
        panama.gramKernel().floatGram(x, sample, gf);
        double factor = panama.gramKernel().floatGramErrorFactor(d);
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            double tol = 0x1p-23 * (gs[i][i] + gs[j][j]) + 1e-300;
            assertThat(Math.abs(gp[i][j] - gs[i][j])).as("G n=%d d=%d (%d,%d)", n, d, i, j).isLessThanOrEqualTo(tol);
            double exact = gp[i][i] + gp[j][j] - 2 * gp[i][j];
            double ranking = gf[i][i] + gf[j][j] - 2 * gf[i][j];
            assertThat(Math.abs(ranking - exact)).as("ranking distance n=%d d=%d (%d,%d)", n, d, i, j)
                .isLessThanOrEqualTo(factor * (gf[i][i] + gf[j][j]) + 1e-300);
          }
        }
      }
    }
  }

  /**
   * Norms and distances in double (the vector kernels with two accumulators): within 2·d·2⁻⁵³ relative. The
   * combination accumulates in double in both and rounds once: within one float ulp.
   */
  @Test
  void normsDistancesAndCombinationAgree() {
    for (int n : NS) {
      for (int d : DS) {
        float[][] x = rows(n, d);
        double[] ns = new double[n];
        double[] np = new double[n];
        scalar.gramKernel().squaredNorms(x, ns);
        panama.gramKernel().squaredNorms(x, np);
        for (int i = 0; i < n; i++) {
          assertThat(Math.abs(np[i] - ns[i])).as("norm n=%d d=%d i=%d", n, d, i)
              .isLessThanOrEqualTo(2.0 * d * 0x1p-53 * ns[i]);
          double ds = scalar.gramKernel().squaredDistance(x[i], x[0]);
          double dp = panama.gramKernel().squaredDistance(x[i], x[0]);
          assertThat(Math.abs(dp - ds)).as("distance n=%d d=%d i=%d", n, d, i).isLessThanOrEqualTo(2.0 * d * 0x1p-53 * ds);
        }
        double[] beta = new double[n];
        SplittableRandom r = new SplittableRandom(SEED + n * 1000L + d);
        double sum = 0;
        for (int i = 0; i < n; i++) {
          beta[i] = r.nextInt(4) == 0 ? 0 : r.nextDouble();
          sum += beta[i];
        }
        int anchor = 0;
        for (int i = 0; i < n; i++) {
          beta[i] = sum == 0 ? (i == 0 ? 1 : 0) : beta[i] / sum;
          anchor = beta[i] > beta[anchor] ? i : anchor;
        }
        float[] cs = new float[d];
        float[] cp = new float[d];
        scalar.gramKernel().combine(x, beta, anchor, cs);
        panama.gramKernel().combine(x, beta, anchor, cp);
        for (int k = 0; k < d; k++) {
          assertThat((double) Math.abs(cp[k] - cs[k])).as("combine n=%d d=%d k=%d", n, d, k)
              .isLessThanOrEqualTo(Math.ulp(Math.max(Math.abs(cs[k]), Math.abs(cp[k]))));
        }
      }
    }
  }
}
