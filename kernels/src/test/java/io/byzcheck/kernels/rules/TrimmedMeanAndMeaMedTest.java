package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.kernels.Awkward;
import io.byzcheck.kernels.ByzantineInputException;
import io.byzcheck.kernels.WorkerVectors;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Small cases worked out by hand, and parameter validation. */
class TrimmedMeanAndMeaMedTest {
  // One coordinate, n = 6: values 10, −4, 1, 2, 3, 100 → sorted −4, 1, 2, 3, 10, 100.
  private final WorkerVectors six = WorkerVectors.wrap(new float[] {10}, new float[] {-4}, new float[] {1},
      new float[] {2}, new float[] {3}, new float[] {100});

  @Test
  void cwtmDropsFPerSide() {
    // f = 1: drop −4 and 100 → (1 + 2 + 3 + 10)/4 = 4. f = 2: drop −4, 1, 10, 100 → (2 + 3)/2 = 2.5.
    assertThat(CoordinateWiseTrimmedMean.trimF().aggregate(six, 1)).containsExactly(4f);
    assertThat(CoordinateWiseTrimmedMean.trimF().aggregate(six, 2)).containsExactly(2.5f);
  }

  @Test
  void yinTrimmedMeanDividesByOneMinusTwoBetaTimesM() {
    // m = 10 values 1..10, β = 0.1: remove 1 and 10, sum 2..9 = 44, divide by (1 − 0.2)·10 = 8 → 5.5.
    float[][] rows = new float[10][1];
    for (int i = 0; i < 10; i++) {
      rows[i][0] = i + 1;
    }
    assertThat(CoordinateWiseTrimmedMean.byFraction(0.1).aggregate(WorkerVectors.wrap(rows), 1)[0])
        .isCloseTo(5.5f, within(1e-6f));
    assertThatThrownBy(() -> CoordinateWiseTrimmedMean.byFraction(0.1).aggregate(six, 0))
        .hasMessageContaining("βm = 0.6").hasMessageContaining("needs βm to be an integer");
    assertThatThrownBy(() -> CoordinateWiseTrimmedMean.byFraction(0.1).aggregate(WorkerVectors.wrap(rows), 2))
        .hasMessageContaining("f ≤ βm");
    assertThatThrownBy(() -> CoordinateWiseTrimmedMean.byFraction(0.5)).hasMessageContaining("β ∈ [0, 1/2)");
  }

  @Test
  void meaMedAveragesTheValuesNearestTheMedian() {
    // Median of −4, 1, 2, 3, 10, 100 is 2.5. f = 2 keeps the 4 nearest: 2 and 3 (0.5), 1 (1.5), then
    // −4 (6.5) vs 10 (7.5) → −4. Average (−4 + 1 + 2 + 3)/4 = 0.5.
    assertThat(new MeanAroundMedian().aggregate(six, 2)).containsExactly(0.5f);
    // Ties: values 0, 1, 2, 3, 4 (median 2), f = 2 keeps 2, then 1 and 3 (distance 1) → (1 + 2 + 3)/3 = 2;
    // with f = 3 one of 1 and 3 must go: the larger goes → (1 + 2)/2 = 1.5.
    WorkerVectors five = WorkerVectors.wrap(new float[] {4}, new float[] {3}, new float[] {2}, new float[] {1},
        new float[] {0});
    assertThat(new MeanAroundMedian().aggregate(five, 2)).containsExactly(2f);
    assertThatThrownBy(() -> new MeanAroundMedian().aggregate(five, 3)).hasMessageContaining("f < n/2");
  }

  @Test
  void extremeMagnitudesStayFinite() {
    float max = Float.MAX_VALUE;
    WorkerVectors x = WorkerVectors.wrap(new float[] {max}, new float[] {max}, new float[] {max},
        new float[] {-max}, new float[] {max});
    assertThat(CoordinateWiseTrimmedMean.trimF().aggregate(x, 1)[0]).isEqualTo(max);
    assertThat(new MeanAroundMedian().aggregate(x, 1)[0]).isEqualTo(max);
  }

  /**
   * The non-finite policy through the allocation-free screen: NaN/±∞ workers are dropped and charged
   * to f, so the rules equal themselves on the finite workers with f − k; more than f is an error.
   */
  @Test
  void nonFiniteWorkersAreDroppedAndChargedToF() {
    float nan = Float.NaN;
    float inf = Float.POSITIVE_INFINITY;
    WorkerVectors x = WorkerVectors.wrap(new float[] {10, 1}, new float[] {nan, 2}, new float[] {-4, 3},
        new float[] {1, -inf}, new float[] {2, 5}, new float[] {3, 6}, new float[] {100, 7});
    WorkerVectors finite = WorkerVectors.wrap(new float[] {10, 1}, new float[] {-4, 3}, new float[] {2, 5},
        new float[] {3, 6}, new float[] {100, 7});
    assertThat(CoordinateWiseTrimmedMean.trimF().aggregate(x, 3))
        .containsExactly(CoordinateWiseTrimmedMean.trimF().aggregate(finite, 1));
    assertThat(new MeanAroundMedian().aggregate(x, 3)).containsExactly(new MeanAroundMedian().aggregate(finite, 1));
    assertThatThrownBy(() -> new MeanAroundMedian().aggregate(x, 1))
        .isInstanceOf(ByzantineInputException.class).hasMessageContaining("workers [1, 3]");
    assertThatThrownBy(() -> CoordinateWiseTrimmedMean.trimF().aggregate(x, 1))
        .isInstanceOf(ByzantineInputException.class).hasMessageContaining("workers [1, 3]");
  }

  /**
   * The same policy where the vector kernels check finiteness inside their own pass (d beyond one vector,
   * so most coordinates go through the sorting networks and the last few through the scalar tail): one
   * NaN or ±∞ anywhere in a worker, in a vector block or in the tail, must drop exactly that worker.
   */
  @Test
  void aNonFiniteValueAnywhereDropsItsWorkerInTheFusedCheck() {
    // 9 workers: CWTM's and MeaMed's check inside the sorting pass, CWMed's screen first; 40 (f = 3 ≤ (40 − 32)/2):
    // every check inside the pass (two unmerged runs; CWMed's generated merges); 36 (3 > (36 − 32)/2): CWTM and
    // MeaMed screen first (merges interpreted).
    for (int n : new int[] {9, 36, 40}) {
      dropsTheWorkerOfEachNonFiniteValue(n);
    }
  }

  private static void dropsTheWorkerOfEachNonFiniteValue(int n) {
    int d = 67;
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 11);
    float[][] base = new float[n][d];
    for (float[] row : base) {
      for (int k = 0; k < d; k++) {
        row[k] = (float) rnd.nextGaussian();
      }
    }
    float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
    for (int k : new int[] {0, 5, 16, 31, 47, 63, 64, 66}) {
      int worker = k % n;
      float[][] rows = new float[n][];
      float[][] finite = new float[n - 1][];
      for (int i = 0, j = 0; i < n; i++) {
        rows[i] = base[i].clone();
        if (i != worker) {
          finite[j++] = base[i];
        }
      }
      rows[worker][k] = bad[k % bad.length];
      WorkerVectors x = WorkerVectors.wrap(rows);
      WorkerVectors y = WorkerVectors.wrap(finite);
      assertThat(CoordinateWiseTrimmedMean.trimF().aggregate(x, 3)).as("CWTM, %s at worker %d coordinate %d",
          rows[worker][k], worker, k).containsExactly(CoordinateWiseTrimmedMean.trimF().aggregate(y, 2));
      assertThat(new MeanAroundMedian().aggregate(x, 3)).as("MeaMed, %s at worker %d coordinate %d",
          rows[worker][k], worker, k).containsExactly(new MeanAroundMedian().aggregate(y, 2));
      assertThat(new CoordinateWiseMedian().aggregate(x, 3)).as("CWMed, %s at worker %d coordinate %d",
          rows[worker][k], worker, k).containsExactly(new CoordinateWiseMedian().aggregate(y, 2));
      assertThatThrownBy(() -> new MeanAroundMedian().aggregate(x, 0)).isInstanceOf(ByzantineInputException.class)
          .hasMessageContaining("workers [" + worker + "]");
    }
  }
}
