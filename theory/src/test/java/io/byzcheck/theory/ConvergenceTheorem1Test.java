package io.byzcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.theory.resam.ConvergenceTheorem1;
import org.junit.jupiter.api.Test;

class ConvergenceTheorem1Test {

  /**
   * L = 1, σ = 1, n = 10, f = 2 (n − f = 8), λ = 0.5, Q(θ₁) − Q* = 1, ‖∇Q(θ₁)‖² = 8:
   * a₀ = 4(2 + 8/8) = 12, a₁ = 6912, a₂ = 288; T ≥ 12/(12·0.25·8) = 0.5. With T = 10 000:
   * γ = √(12·8/(6912·0.25·64 + 288))/100 = √(96/110880)/100 = 0.029424…/100 = 2.9424e−4;
   * β = √(1 − 24·2.9424e−4) = √0.9929382 = 0.996463.
   * bound = 2√((6912·0.25·8 + 288/8)·12/10⁴) + (288/8)·√(96/(6912·0.25·8 + 288))/10⁶
   *       = 2√(13860·0.0012) + 36·√(96/14112)/10⁶ = 2·4.078235 + 36·0.082479/10⁶ = 8.156470 + 2.97e−6.
   */
  @Test
  void handWorkedInstance() {
    ConvergenceTheorem1 t = ConvergenceTheorem1.of(1, 1, 10, 2, 0.5, 10_000, 1, 8);
    assertThat(t.a0()).isEqualTo(12.0);
    assertThat(t.a1()).isEqualTo(6912.0);
    assertThat(t.a2()).isEqualTo(288.0);
    assertThat(t.minimumT()).isCloseTo(0.5, within(1e-12));
    assertThat(t.gamma()).isCloseTo(2.9424e-4, within(1e-7));
    assertThat(t.beta()).isCloseTo(0.996463, within(1e-6));
    assertThat(t.bound()).isCloseTo(8.156473, within(1e-5));
  }

  /** The T-condition implies 24γL ≤ 1: at the smallest admissible T, β is still real. */
  @Test
  void smallestAdmissibleTKeepsBetaReal() {
    ConvergenceTheorem1 t = ConvergenceTheorem1.of(2, 0.1, 7, 3, 3.0, 1, 0.01, 0);
    assertThat(24 * t.gamma() * 2).isLessThanOrEqualTo(1.0);
    assertThatThrownBy(() -> ConvergenceTheorem1.of(1, 0.01, 10, 2, 0.5, 10, 100, 0))
        .hasMessageContaining("T ≥ a₀L/(12σ²λ²(n−f))");
    assertThatThrownBy(() -> ConvergenceTheorem1.of(1, 1, 10, 5, 0.5, 10, 1, 0)).hasMessageContaining("f < n/2");
  }

  /**
   * Lemma 1 with σ = 1, β = 0.9, t = 1, n − f = 4: 2·0.01·1 + 2·(0.1/1.9)·1.25 = 0.02 + 0.131579 = 0.151579;
   * t → ∞ leaves the stationary part 0.131579.
   */
  @Test
  void driftBound() {
    assertThat(ConvergenceTheorem1.driftBound(1, 0.9, 1, 5, 1)).isCloseTo(0.151579, within(1e-6));
    assertThat(ConvergenceTheorem1.driftBound(1, 0.9, 10_000, 5, 1)).isCloseTo(0.131579, within(1e-6));
    assertThatThrownBy(() -> ConvergenceTheorem1.driftBound(1, 1, 1, 5, 1)).hasMessageContaining("β ∈ [0, 1)");
  }
}
