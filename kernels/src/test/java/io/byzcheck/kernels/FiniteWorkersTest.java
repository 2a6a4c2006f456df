package io.byzcheck.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("vector-width")
class FiniteWorkersTest {

  @Test
  void everyNonFiniteValueIsSeenAtEveryPositionOfAwkwardLengths() {
    float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0x7fc00001)};
    for (int d : Awkward.dimensions()) {
      float[] row = new float[d];
      java.util.Arrays.fill(row, -Float.MAX_VALUE);
      assertThat(FiniteWorkers.allFinite(row)).as("d=%d all finite", d).isTrue();
      for (int k = 0; k < d; k++) {
        for (float b : bad) {
          row[k] = b;
          assertThat(FiniteWorkers.allFinite(row)).as("d=%d value %s at %d", d, b, k).isFalse();
        }
        row[k] = Float.MIN_VALUE;
      }
    }
  }


  @Test
  void excludesNonFiniteWorkersAndChargesThemToF() {
    WorkerVectors x = WorkerVectors.wrap(
        new float[] {1, 2}, new float[] {Float.NaN, 0}, new float[] {3, 4},
        new float[] {0, Float.NEGATIVE_INFINITY}, new float[] {5, 6});
    FiniteWorkers s = FiniteWorkers.screen(x, 2);
    assertThat(s.excluded()).containsExactly(1, 3);
    assertThat(s.f()).isZero();
    assertThat(s.vectors().n()).isEqualTo(3);
    assertThat(s.vectors().row(1)).containsExactly(3, 4);
  }

  @Test
  void moreNonFiniteWorkersThanFIsAnErrorNamingThem() {
    WorkerVectors x = WorkerVectors.wrap(
        new float[] {Float.POSITIVE_INFINITY}, new float[] {1}, new float[] {Float.NaN});
    assertThatThrownBy(() -> FiniteWorkers.screen(x, 1))
        .isInstanceOf(ByzantineInputException.class)
        .hasMessageContaining("workers [0, 2]")
        .hasMessageContaining("f = 1");
  }

  @Test
  void finiteInputIsPassedThroughUntouched() {
    WorkerVectors x = WorkerVectors.wrap(new float[] {Float.MAX_VALUE}, new float[] {-Float.MAX_VALUE});
    FiniteWorkers s = FiniteWorkers.screen(x, 0);
    assertThat(s.vectors()).isSameAs(x);
    assertThat(s.excluded()).isEmpty();
  }

  @Test
  void rejectsBadShapesAndF() {
    assertThatThrownBy(() -> WorkerVectors.wrap(new float[] {1, 2}, new float[] {1}))
        .hasMessageContaining("dimension mismatch: worker 0 has d = 2 but worker 1 has d = 1");
    assertThatThrownBy(() -> WorkerVectors.wrap()).hasMessageContaining("n must be at least 1");
    WorkerVectors x = WorkerVectors.zeros(3, 2);
    assertThatThrownBy(() -> FiniteWorkers.screen(x, 3)).hasMessageContaining("0 ≤ f < n = 3");
    assertThatThrownBy(() -> FiniteWorkers.screen(x, -1)).hasMessageContaining("got f = -1");
    assertThatThrownBy(() -> FiniteWorkers.screen(x, 0, new float[3])).hasMessageContaining("but d = 2");
  }

  /**
   * The template runs the rule once on the input itself when every worker is finite; otherwise it screens
   * and runs the rule again on the finite workers with f − k; more than f is an error naming the workers;
   * the call is validated before the rule sees it.
   */
  @Test
  void screeningRuleRunsOnTheInputOrOnTheScreenedWorkers() {
    java.util.List<String> calls = new java.util.ArrayList<>();
    ScreeningRule rule = new ScreeningRule() {
      @Override
      public String name() {
        return "probe";
      }

      @Override
      protected void checkConstraints(int n, int f) {
        calls.add("check n=" + n + " f=" + f);
      }

      @Override
      protected void aggregateFinite(WorkerVectors finite, int f, float[] out) {
        calls.add("run n=" + finite.n() + " f=" + f);
        System.arraycopy(finite.row(finite.n() - 1), 0, out, 0, out.length);
      }
    };
    WorkerVectors clean = WorkerVectors.wrap(new float[] {1, 2}, new float[] {3, 4});
    assertThat(rule.aggregate(clean, 1)).containsExactly(3, 4);
    assertThat(calls).containsExactly("check n=2 f=1", "run n=2 f=1");
    calls.clear();
    WorkerVectors x = WorkerVectors.wrap(new float[] {1, 2}, new float[] {3, 4}, new float[] {Float.NaN, 0},
        new float[] {5, 6}, new float[] {0, Float.NEGATIVE_INFINITY});
    assertThat(rule.aggregate(x, 2)).containsExactly(5, 6);
    assertThat(calls).containsExactly("check n=5 f=2", "run n=3 f=0");
    calls.clear();
    assertThatThrownBy(() -> rule.aggregate(x, 1)).isInstanceOf(ByzantineInputException.class)
        .hasMessageContaining("workers [2, 4]");
    assertThat(calls).containsExactly("check n=5 f=1");
    calls.clear();
    assertThatThrownBy(() -> rule.aggregate(x, 5)).hasMessageContaining("probe needs 0 ≤ f < n = 5, got f = 5");
    assertThatThrownBy(() -> rule.aggregate(x, 1, new float[3])).hasMessageContaining("but d = 2");
    // The rule's constraints come first (their message names the rule); nothing runs on a bad call.
    assertThat(calls).containsExactly("check n=5 f=5", "check n=5 f=1");
  }
}
