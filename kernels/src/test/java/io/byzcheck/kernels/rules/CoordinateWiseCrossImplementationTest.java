package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.Awkward;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.reference.CoordinateWiseMedianReference;
import io.byzcheck.kernels.reference.CoordinateWiseTrimmedMeanReference;
import io.byzcheck.kernels.reference.MeanAroundMedianReference;
import io.byzcheck.kernels.reference.MeanReference;
import io.byzcheck.kernels.reference.ReferenceRule;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fast coordinate-wise rules against their references at awkward sizes. Tagged so that surefire
 * re-runs it at 128, 256 and 512 bits and without the vector module.
 */
@Tag("vector-width")
class CoordinateWiseCrossImplementationTest {

  /** The median selects one input value (or halves two): it must be bit-exact against the reference. */
  @Test
  void medianEqualsReferenceExactly() {
    compare(new CoordinateWiseMedian(), new CoordinateWiseMedianReference(), 0.0);
  }

  /**
   * The float mean adds n terms each rounded once (x·(1/n) by FMA): its error is at most about
   * n·2⁻²³ relative to the largest |x|/n... bounded here by n·2⁻²³·max|x|.
   */
  @Test
  void meanEqualsReferenceWithinRounding() {
    compare(new Mean(), new MeanReference(), 1.0);
  }

  /** Trimmed mean (trim f): the same float FMA sum as the mean over the n − 2f middle values. */
  @Test
  void trimmedMeanEqualsReferenceWithinRounding() {
    compare(CoordinateWiseTrimmedMean.trimF(), CoordinateWiseTrimmedMeanReference.trimF(), 1.0, n -> (n - 1) / 2);
    compare(CoordinateWiseTrimmedMean.trimF(), CoordinateWiseTrimmedMeanReference.trimF(), 1.0, n -> n / 4);
  }

  /** Yin's β-trimmed mean with β = 1/10 on n = 10, 20, …, 70 (βn integral as Def. 2 requires). */
  @Test
  void fractionTrimmedMeanEqualsReferenceWithinRounding() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 1);
    for (int n = 10; n <= 70; n += 10) {
      for (int d : Awkward.dimensions()) {
        WorkerVectors x = Awkward.vectors(rnd, n, d);
        check(CoordinateWiseTrimmedMean.byFraction(0.1), CoordinateWiseTrimmedMeanReference.byFraction(0.1), x, 0,
            1.0);
      }
    }
  }

  /** MeaMed picks the same window (distances in double in both) and sums it in double: float rounding only. */
  @Test
  void meanAroundMedianEqualsReferenceWithinRounding() {
    compare(new MeanAroundMedian(), new MeanAroundMedianReference(), 0.5, n -> (n - 1) / 2);
    compare(new MeanAroundMedian(), new MeanAroundMedianReference(), 0.5, n -> n / 3);
  }

  /** The benchmarks' f = ⌊(n−1)/4⌋ too, for both rules that depend on f. */
  @Test
  void quarterTrimsEqualReferenceWithinRounding() {
    compare(CoordinateWiseTrimmedMean.trimF(), CoordinateWiseTrimmedMeanReference.trimF(), 1.0, n -> (n - 1) / 4);
    compare(new MeanAroundMedian(), new MeanAroundMedianReference(), 0.5, n -> (n - 1) / 4);
  }

  /**
   * MeaMed on small integers: the two ends of the window are often equally far from the median, and
   * the smaller must stay (RESAM C.4 as the reference ranks). Integer sums are exact, so the vector
   * kernel's lane-wise window must give the reference's value exactly, for every f.
   */
  @Test
  void meanAroundMedianBreaksTiesExactlyAsTheReference() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 2);
    for (int n = 1; n <= 70; n++) {
      for (int d : new int[] {1, 3, 15, 17, 33}) {
        float[][] rows = new float[n][d];
        for (float[] row : rows) {
          for (int k = 0; k < d; k++) {
            row[k] = rnd.nextInt(-3, 4);
          }
        }
        WorkerVectors x = WorkerVectors.wrap(rows);
        for (int f = 0; 2 * f < n; f++) {
          check(new MeanAroundMedian(), new MeanAroundMedianReference(), x, f, 0.0);
        }
      }
    }
  }

  private static void compare(AggregationRule fast, ReferenceRule reference, double roundingUnits) {
    compare(fast, reference, roundingUnits, n -> 0);
  }

  private static void compare(AggregationRule fast, ReferenceRule reference, double roundingUnits,
      java.util.function.IntUnaryOperator fOfN) {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED);
    for (int n = 1; n <= 70; n++) {
      for (int d : Awkward.dimensions()) {
        check(fast, reference, Awkward.vectors(rnd, n, d), fOfN.applyAsInt(n), roundingUnits);
      }
    }
  }

  private static void check(AggregationRule fast, ReferenceRule reference, WorkerVectors x, int f,
      double roundingUnits) {
    int n = x.n();
    int d = x.d();
    WorkerVectors before = x.deepCopy();
        float[] got = fast.aggregate(x, f);
        double[] want = reference.aggregateExact(x.toDoubles(), f);
        double maxAbs = maxAbs(x);
        double tol = roundingUnits * n * Math.ulp(1.0f) * maxAbs;
        for (int k = 0; k < d; k++) {
          double expected = (float) want[k];
          assertThat((double) got[k])
              .as("%s n=%d f=%d d=%d k=%d (seed %d)", fast.name(), n, f, d, k, Awkward.SEED)
              .isCloseTo(expected, org.assertj.core.data.Offset.offset(tol));
        }
        assertThat(x.sameContents(before)).as("%s modified its input", fast.name()).isTrue();
  }

  private static double maxAbs(WorkerVectors x) {
    double m = 0;
    for (int i = 0; i < x.n(); i++) {
      for (float v : x.row(i)) {
        m = Math.max(m, Math.abs(v));
      }
    }
    return m;
  }
}
