package io.byzcheck.theory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.byzcheck.theory.alistarh.ByzantineSgdBounds;
import io.byzcheck.theory.resam.ConvergenceTheorem1;
import io.byzcheck.theory.resam.ResilienceCoefficient;
import org.junit.jupiter.api.Test;

/** One wording for the module, the same as Admissibility's: "statement (paper, locator) needs constraint (values)". */
class TheoryValidationTest {

  @Test
  void namesTheStatementItsPaperTheConstraintAndTheValues() {
    assertThatThrownBy(() -> ResilienceCoefficient.coordinateWiseMedian(10, 5, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("RES-T1-CWMED (RES, Table 1; Appendix C.7, Proposition 8) needs n ≥ 1 and 0 ≤ f < n/2 (n = 10, f = 5)");
    assertThatThrownBy(() -> ConvergenceTheorem1.driftBound(1, 0.5, 1, 3, 3))
        .hasMessage("RES-L1 (RES, Lemma 1, proof in Appendix B.1) needs n ≥ 1 and 0 ≤ f < n (n = 3, f = 3)");
    assertThatThrownBy(() -> ByzantineSgdBounds.lipschitz(10, 100, 0.16, 0.1, 2, 0.5, 0.05, -1))
        .hasMessage("ALI-T33 (ALI, Theorem 3.3) needs a finite G ≥ 0 (G = -1.0)");
    Citation c = new Citation("TEST", "YIN", "nowhere");
    String viaAdmissibility = messageOf(() -> Admissibility.of(c).require("d ≥ 1", false, "d = 0").orThrow());
    String viaValidation = messageOf(() -> TheoryValidation.checkAtLeast(c, "d", 0, 1));
    org.assertj.core.api.Assertions.assertThat(viaValidation).isEqualTo(viaAdmissibility)
        .isEqualTo("TEST (YIN, nowhere) needs d ≥ 1 (d = 0)");
  }

  private static String messageOf(Runnable r) {
    try {
      r.run();
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    throw new AssertionError("no exception");
  }
}
