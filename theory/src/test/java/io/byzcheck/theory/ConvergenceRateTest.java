package io.byzcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.theory.resam.ConvergenceRate;
import io.byzcheck.theory.resam.ConvergenceRate.Rule;
import io.byzcheck.theory.resam.ResilienceCoefficient;
import org.junit.jupiter.api.Test;

class ConvergenceRateTest {

  /**
   * n = 10, f = 2, d = 4 (Δ = min{2√8, 2} = 2): MDA 4/8 = 0.5; CWTM and MeaMed 0.5·4 = 2; Krum* 64/6 = 10.667;
   * GM 512/60 = 8.5333; CWMed 100/8·4 = 50.
   */
  @Test
  void tableTwoByHand() {
    assertThat(ConvergenceRate.kappa(Rule.MDA, 10, 2, 4)).isCloseTo(0.5, within(1e-12));
    assertThat(ConvergenceRate.kappa(Rule.CWTM, 10, 2, 4)).isCloseTo(2.0, within(1e-12));
    assertThat(ConvergenceRate.kappa(Rule.MEAMED, 10, 2, 4)).isCloseTo(2.0, within(1e-12));
    assertThat(ConvergenceRate.kappa(Rule.KRUM_STAR, 10, 2, 4)).isCloseTo(64.0 / 6, within(1e-12));
    assertThat(ConvergenceRate.kappa(Rule.GM, 10, 2, 4)).isCloseTo(512.0 / 60, within(1e-12));
    assertThat(ConvergenceRate.kappa(Rule.CWMED, 10, 2, 4)).isCloseTo(50.0, within(1e-12));
    // σ = 2, T = 100: √(4/100·(1/8 + 0.5)) = √0.025 = 0.158114.
    assertThat(ConvergenceRate.epsilonShape(2, 100, 10, 2, 0.5)).isCloseTo(0.158114, within(1e-6));
    assertThatThrownBy(() -> ConvergenceRate.kappa(Rule.GM, 10, 5, 4)).hasMessageContaining("f < n/2");
  }

  /**
   * Corollary 1 substitutes Table 1's λ into λ²(n−f): κ must equal it up to a constant. For MDA the
   * ratio κ/(λ²(n−f)) is exactly 1/4 (λ = 2f/(n−f)); for CWMed 4 (λ = nΔ/(2(n−f))); for Krum* it stays
   * within [1/4, 1] since λ = 1 + √((n−f)/(n−2f)) lies between √((n−f)/(n−2f)) and 2√((n−f)/(n−2f)).
   */
  @Test
  void kappaMatchesLambdaSquaredTimesHonestCount() {
    for (int n = 3; n <= 40; n++) {
      for (int f = 1; 2 * f < n; f++) {
        int d = 7;
        double h = n - f;
        double mda = ResilienceCoefficient.minimumDiameterAveraging(n, f).value();
        assertThat(ConvergenceRate.kappa(Rule.MDA, n, f, d) / (mda * mda * h)).isCloseTo(0.25, within(1e-12));
        double cw = ResilienceCoefficient.coordinateWiseMedian(n, f, d).value();
        assertThat(ConvergenceRate.kappa(Rule.CWMED, n, f, d) / (cw * cw * h)).isCloseTo(4.0, within(1e-9));
        double krum = ResilienceCoefficient.krumStar(n, f).value();
        assertThat(ConvergenceRate.kappa(Rule.KRUM_STAR, n, f, d) / (krum * krum * h)).isBetween(0.25, 1.0);
      }
    }
  }
}
