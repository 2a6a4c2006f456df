package io.byzcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.theory.alistarh.ByzantineSgdBounds;
import org.junit.jupiter.api.Test;

class ByzantineSgdBoundsTest {
  // m = 10, T = 100, δ = 0.16 → C = ln 10⁵ = 11.512925; D = 2, 𝒱 = 0.5, α = 0.1.
  // √(TmC) = √11512.925 = 107.298300; √(TC) = 33.930701.

  /** Error₁ ≤ 4·2·0.5·107.2983 + 16·0.1·10·2·0.5·33.930701 = 429.1932 + 542.8912 = 972.0844. */
  @Test
  void lemma31() {
    assertThat(ByzantineSgdBounds.error1(10, 100, 0.16, 0.1, 2, 0.5).value()).isCloseTo(972.0844, within(1e-3));
    // Error₂ ≤ 32·0.01·0.25 + 4·0.25·11.512925/10 = 0.08 + 1.1512925 = 1.2312925.
    assertThat(ByzantineSgdBounds.error2(10, 100, 0.16, 0.1, 2, 0.5).value()).isCloseTo(1.2312925, within(1e-6));
  }

  /**
   * Theorem 3.2 with η = 0.05, L = 10 (η ≤ 1/20 holds): D²/(ηT) = 4/5 = 0.8;
   * (8·2·0.5·107.2983 + 32·0.1·10·2·0.5·33.930701)/1000 = (858.3864 + 1085.7824)/1000 = 1.9441688;
   * η(8·0.25·11.512925/10 + 32·0.01·0.25) = 0.05·(2.302585 + 0.08) = 0.1191293. Total 2.8632981.
   * Theorem 3.3 adds 2ηG² = 2·0.05·9 = 0.9 at G = 3.
   */
  @Test
  void theorems32And33() {
    assertThat(ByzantineSgdBounds.smooth(10, 100, 0.16, 0.1, 2, 0.5, 0.05, 10).value()).isCloseTo(2.8632981,
        within(1e-5));
    assertThat(ByzantineSgdBounds.lipschitz(10, 100, 0.16, 0.1, 2, 0.5, 0.05, 3).value()).isCloseTo(3.7632981,
        within(1e-5));
    assertThatThrownBy(() -> ByzantineSgdBounds.smooth(10, 100, 0.16, 0.1, 2, 0.5, 0.06, 10))
        .hasMessageContaining("η ≤ 1/(2L)");
    assertThatThrownBy(() -> ByzantineSgdBounds.error1(10, 100, 0.16, 0.5, 2, 0.5)).hasMessageContaining("α ∈ [0, 1/2)");
    assertThat(TheoryCatalog.discrepancies()).extracting(Discrepancy::id).contains("ALI-T33");
  }
}
