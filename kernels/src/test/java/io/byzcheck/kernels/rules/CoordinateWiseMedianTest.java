package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.byzcheck.kernels.ByzantineInputException;
import io.byzcheck.kernels.WorkerVectors;
import org.junit.jupiter.api.Test;

/** Definitional cases worked out by hand, and the bad-input policy. */
class CoordinateWiseMedianTest {
  private final CoordinateWiseMedian median = new CoordinateWiseMedian();

  @Test
  void oddNTakesTheMiddleValuePerCoordinate() {
    // Coordinate 0: {3, −1, 7, 2, 100} sorted −1, 2, 3, 7, 100 → 3.
    // Coordinate 1: {0, 0, 5, −4, 1} sorted −4, 0, 0, 1, 5 → 0.
    WorkerVectors x = WorkerVectors.wrap(
        new float[] {3, 0}, new float[] {-1, 0}, new float[] {7, 5}, new float[] {2, -4}, new float[] {100, 1});
    assertThat(median.aggregate(x, 2)).containsExactly(3, 0);
  }

  @Test
  void evenNAveragesTheTwoMiddleValues() {
    // {1, 4, 10, 2}: sorted 1, 2, 4, 10 → (2 + 4)/2 = 3 (Yin's "usual median").
    WorkerVectors x = WorkerVectors.wrap(new float[] {1}, new float[] {4}, new float[] {10}, new float[] {2});
    assertThat(median.aggregate(x, 1)).containsExactly(3);
  }

  @Test
  void extremeFiniteValuesDoNotOverflow() {
    // Middle values MAX and MAX: their mean is MAX, but MAX + MAX overflows; halving first keeps it finite.
    float max = Float.MAX_VALUE;
    WorkerVectors x = WorkerVectors.wrap(new float[] {max}, new float[] {max}, new float[] {-max}, new float[] {max});
    assertThat(median.aggregate(x, 1)).containsExactly(max);
  }

  @Test
  void nonFiniteWorkersAreExcludedAndChargedToF() {
    // Worker 1 (NaN) and worker 3 (−∞) are dropped: median of {1, 5, 2} = 2 per coordinate.
    WorkerVectors x = WorkerVectors.wrap(new float[] {1, 1}, new float[] {Float.NaN, 0}, new float[] {5, 5},
        new float[] {0, Float.NEGATIVE_INFINITY}, new float[] {2, 2});
    assertThat(median.aggregate(x, 2)).containsExactly(2, 2);
    assertThatThrownBy(() -> median.aggregate(x, 1))
        .isInstanceOf(ByzantineInputException.class)
        .hasMessageContaining("workers [1, 3]");
  }

  @Test
  void invalidParametersAreNamed() {
    WorkerVectors x = WorkerVectors.zeros(4, 3);
    assertThatThrownBy(() -> median.aggregate(x, 2)).hasMessageContaining("CWMed needs f < n/2, got n = 4, f = 2");
    assertThatThrownBy(() -> median.aggregate(x, -1)).hasMessageContaining("f ≥ 0");
    assertThatThrownBy(() -> median.aggregate(x, 0, new float[2])).hasMessageContaining("but d = 3");
  }
}
