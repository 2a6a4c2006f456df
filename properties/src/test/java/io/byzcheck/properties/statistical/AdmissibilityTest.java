package io.byzcheck.properties.statistical;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A parameter point outside a theorem's conditions is an error naming the condition, never a HOLDS. */
class AdmissibilityTest {
  @Test
  void theorem32RejectsAStepAboveOneOverTwoL() {
    ByzantineSgdChecks.Point p = new ByzantineSgdChecks.Point(true, 10, 2, 3, 1, 10, 50, 0.9, 0.05, 50);
    assertThatThrownBy(() -> ByzantineSgdChecks.point(p, StatisticalBudget.CI, false).getFirst().check().apply(1e-3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("η ≤ 1/(2L)");
  }

  @Test
  void byzantineSgdRejectsAHalfOfByzantineMachines() {
    ByzantineSgdChecks.Point p = new ByzantineSgdChecks.Point(false, 10, 5, 3, 1, 10, 50, 0.5, 0.05, 50);
    assertThatThrownBy(() -> ByzantineSgdChecks.point(p, StatisticalBudget.CI, false).getFirst().check().apply(1e-3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("α");
  }
}
