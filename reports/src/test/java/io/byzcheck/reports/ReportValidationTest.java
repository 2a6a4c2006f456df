package io.byzcheck.reports;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One wording for malformed report pieces: "what needs constraint (values)". */
class ReportValidationTest {

  @Test
  void namesWhatTheConstraintAndTheValues() {
    assertThatThrownBy(() -> new ReproductionResult("YIN-TAB2", "t", "c", List.of("a", "b"), List.of(List.of("x")), "",
        0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("YIN-TAB2: row [x] needs as many cells as header columns (1 cells, 2 header columns)");
    assertThatThrownBy(() -> new Figure.Curve("GIANT", new double[2], new double[3]))
        .hasMessage("curve GIANT needs as many x values as y values (2 x values, 3 y values)");
  }
}
