package io.byzcheck.properties;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.byzcheck.kernels.rules.Mean;
import io.byzcheck.properties.gen.ByzantinePlacement;
import io.byzcheck.properties.gen.HonestFamily;
import io.byzcheck.properties.gen.Scenario;
import org.junit.jupiter.api.Test;

/** One wording for the engine's bad arguments: "what needs constraint (values)". */
class PropertiesValidationTest {

  @Test
  void namesWhatTheConstraintAndTheValues() {
    assertThatThrownBy(() -> LowerBoundCheck.run(new Mean(), 6, 3, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("RES-P2-LB's construction for Mean needs 1 ≤ f < n/2 (n = 6, f = 3)");
    assertThatThrownBy(() -> new Scenario(3, 3, 1, HonestFamily.COINCIDENT, ByzantinePlacement.values()[0], 1L))
        .hasMessage("a scenario needs n ≥ 1, d ≥ 1 and 0 ≤ f < n (n = 3, f = 3, d = 1)");
    assertThatThrownBy(() -> new Budget("x", 0, 1, 1L)).hasMessage("budget x needs at least one evaluation and one "
        + "restart (0 evaluations, 1 restarts)");
    assertThatThrownBy(() -> ResilienceRatio.maximise(new double[][] {{0}, {1}}, new double[] {0}, 0, Double.NaN, 0, 1))
        .hasMessage("RES-DEF2's ratio needs a finite λ > 0 (λ = NaN)");
  }
}
