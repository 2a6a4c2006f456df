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

  /**
   * Beyond 32 workers (where the vector kernels keep the values between the two sorted runs' trimmed ends
   * instead of merging, when 2f ≤ n − 32, and merge otherwise), f Byzantine rows at ±3.4e38 around honest
   * N(0, 1) rows: every huge value is trimmed (CWTM) or outside the window (MeaMed), and each result must be the
   * reference's to the rounding of a
   * float sum of the kept honest values, n·2⁻²³·max|kept| (the tolerance above scales with max|x| = 3.4e38 and
   * would let the honest values be lost). Negative control: "total minus the f smallest and f largest", even in
   * double, loses the honest values to the huge ones on this input, and the same check must reject it.
   */
  @Test
  void byzantineExtremesBeyondThirtyTwoWorkersAreTrimmedNotSubtracted() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 3);
    int d = 67;
    int caught = 0;
    int cases = 0;
    for (int n : new int[] {33, 40, 48, 63, 64, 65}) {
      for (int f : new int[] {1, (n - 1) / 4, Math.max(1, (n - 32) / 2), (n - 1) / 2}) {
        float[][] rows = new float[n][d];
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < d; k++) {
            rows[i][k] = i < n - f ? (float) rnd.nextGaussian()
                : (rnd.nextBoolean() ? 1 : -1) * (float) rnd.nextDouble(3.0e38, Float.MAX_VALUE);
          }
        }
        WorkerVectors x = WorkerVectors.wrap(rows);
        float[] got = CoordinateWiseTrimmedMean.trimF().aggregate(x, f);
        double[] want = CoordinateWiseTrimmedMeanReference.trimF().aggregateExact(x.toDoubles(), f);
        // MeaMed's window is the n − f honest values here (the huge ones are the farthest from the median).
        float[] meaMed = new MeanAroundMedian().aggregate(x, f);
        double[] meaMedWant = new MeanAroundMedianReference().aggregateExact(x.toDoubles(), f);
        double tol = n * 0x1p-23 * maxAbsHonest(rows, n - f);
        boolean subtractionCaught = false;
        for (int k = 0; k < d; k++) {
          assertThat((double) got[k]).as("CWTM n=%d f=%d k=%d (seed %d)", n, f, k, Awkward.SEED + 3)
              .isCloseTo((float) want[k], org.assertj.core.data.Offset.offset(tol));
          assertThat((double) meaMed[k]).as("MeaMed n=%d f=%d k=%d (seed %d)", n, f, k, Awkward.SEED + 3)
              .isCloseTo((float) meaMedWant[k], org.assertj.core.data.Offset.offset(tol));
          subtractionCaught |= Math.abs(totalMinusExtremes(rows, f, k) - (float) want[k]) > tol;
        }
        cases++;
        caught += subtractionCaught ? 1 : 0;
      }
    }
    assertThat(caught).as("inputs on which total minus extremes fails the check").isEqualTo(cases);
  }

  /**
   * Beyond 32 workers the vector kernels copy the rows panel by panel (512 KiB: 2048 coordinates at n = 64):
   * rows of about three panels and a tail, against the references as above, and a NaN in the last panel's
   * tail or at a panel's first coordinate must drop its worker exactly as the screen does.
   */
  @Test
  void rowsSpanningSeveralPanelsEqualTheReference() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 4);
    for (int n : new int[] {33, 64, 65}) {
      int d = 3 * ((1 << 17) / n & -16) + 19;
      WorkerVectors x = Awkward.vectors(rnd, n, d);
      check(new CoordinateWiseMedian(), new CoordinateWiseMedianReference(), x, 0, 0.0);
      check(CoordinateWiseTrimmedMean.trimF(), CoordinateWiseTrimmedMeanReference.trimF(), x, (n - 1) / 4, 1.0);
      check(new MeanAroundMedian(), new MeanAroundMedianReference(), x, (n - 1) / 4, 0.5);
      for (int k : new int[] {d - 1, (1 << 17) / n & -16}) {
        float[][] rows = new float[n][];
        float[][] others = new float[n - 1][];
        for (int i = 0; i < n; i++) {
          rows[i] = x.row(i).clone();
          if (i > 0) {
            others[i - 1] = rows[i];
          }
        }
        rows[0][k] = Float.NaN;
        WorkerVectors bad = WorkerVectors.wrap(rows);
        WorkerVectors rest = WorkerVectors.wrap(others);
        int f = (n - 1) / 4;
        assertThat(new CoordinateWiseMedian().aggregate(bad, f)).as("CWMed n=%d NaN at %d", n, k)
            .containsExactly(new CoordinateWiseMedian().aggregate(rest, f - 1));
        assertThat(CoordinateWiseTrimmedMean.trimF().aggregate(bad, f)).as("CWTM n=%d NaN at %d", n, k)
            .containsExactly(CoordinateWiseTrimmedMean.trimF().aggregate(rest, f - 1));
        assertThat(new MeanAroundMedian().aggregate(bad, f)).as("MeaMed n=%d NaN at %d", n, k)
            .containsExactly(new MeanAroundMedian().aggregate(rest, f - 1));
      }
    }
  }

  private static double maxAbsHonest(float[][] rows, int honest) {
    double m = 0;
    for (int i = 0; i < honest; i++) {
      for (float v : rows[i]) {
        m = Math.max(m, Math.abs(v));
      }
    }
    return m;
  }

  /** The negative control's wrong formula: (Σ all − Σ f smallest − Σ f largest)/(n − 2f), in double. */
  private static double totalMinusExtremes(float[][] rows, int f, int k) {
    int n = rows.length;
    double[] column = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      column[i] = rows[i][k];
      total += column[i];
    }
    java.util.Arrays.sort(column);
    for (int i = 0; i < f; i++) {
      total -= column[i] + column[n - 1 - i];
    }
    return total / (n - 2 * f);
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
