package io.byzcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.theory.caolai.GeometricMedianConstant;
import io.byzcheck.theory.resam.ResilienceCoefficient;
import org.junit.jupiter.api.Test;

/** Values derived by hand from RESAM Table 1 / Prop. 6 and Cao &amp; Lai Lemma 1. */
class ResilienceCoefficientTest {

  @Test
  void tableOneValues() {
    // CWMed at (15, 5, 10): Δ = min{2√10, √10} = √10, λ = 15/(2·10)·√10 = 0.75·3.16228 = 2.37171.
    assertThat(ResilienceCoefficient.coordinateWiseMedian(15, 5, 10).value()).isCloseTo(2.3717, within(1e-4));
    // Multi-Krum*_q at (15, 5, q = 10): (1 + √(10/5))·min{1, 5/10} = (1 + √2)/2 = 1.20711.
    assertThat(ResilienceCoefficient.multiKrumStar(15, 5, 10).value()).isCloseTo(1.2071, within(1e-4));
    // MDA at (10, 3): 2·3/7 = 0.857142…; lower bound 3/7.
    assertThat(ResilienceCoefficient.minimumDiameterAveraging(10, 3).value()).isCloseTo(6.0 / 7, within(1e-15));
    assertThat(ResilienceCoefficient.lowerBound(10, 3).value()).isCloseTo(3.0 / 7, within(1e-15));
    // GM at (9, 2): 1 + 7/√(5·9) = 1 + 7/6.7082 = 2.04350.
    assertThat(ResilienceCoefficient.geometricMedian(9, 2).value()).isCloseTo(2.04350, within(1e-5));
    assertThat(ResilienceCoefficient.krumStar(15, 5).citation().id()).isEqualTo("RES-T1-KRUM");
  }

  @Test
  void limits() {
    // Δ switches from √d to 2√(n−f) once d > 4(n−f): n − f = 10 → at d = 40 both are √40.
    assertThat(ResilienceCoefficient.delta(15, 5, 39)).isEqualTo(Math.sqrt(39));
    assertThat(ResilienceCoefficient.delta(15, 5, 41)).isEqualTo(2 * Math.sqrt(10));
    // Krum*: λ = 1 + √((n−f)/(n−2f)) grows without bound as f → n/2: n = 1001, f = 500 → 1 + √501.
    assertThat(ResilienceCoefficient.krumStar(1001, 500).value()).isCloseTo(1 + Math.sqrt(501), within(1e-9));
    assertThat(ResilienceCoefficient.krumStar(1001, 500).value())
        .isGreaterThan(ResilienceCoefficient.krumStar(1001, 400).value());
  }

  @Test
  void invalidParametersNameTheCondition() {
    assertThatThrownBy(() -> ResilienceCoefficient.coordinateWiseMedian(10, 5, 3)).hasMessageContaining("f < n/2");
    assertThatThrownBy(() -> ResilienceCoefficient.multiKrumStar(10, 2, 9)).hasMessageContaining("q ≤ n − f");
    assertThatThrownBy(() -> ResilienceCoefficient.delta(10, 2, 0)).hasMessageContaining("d ≥ 1");
    assertThatThrownBy(() -> GeometricMedianConstant.cAlpha(0.5)).hasMessageContaining("α < 1/2");
  }

  @Test
  void caoLaiConstant() {
    // α = 1/4: 2·(3/4)/(1/2) = 3.
    assertThat(GeometricMedianConstant.cAlpha(0.25).value()).isCloseTo(3.0, within(1e-15));
  }
}
