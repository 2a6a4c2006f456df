package io.byzcheck.theory.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.theory.TheoryCatalog;
import org.junit.jupiter.api.Test;

/** EXT-MONNA-LAMBDA and EXT-SMEA-LAMBDA: values typed from the formulas, their domains, their EXTENSIONS.md rows. */
class EpflRulesResilienceTest {

  @Test
  void monnaValuesAndDomain() {
    // n = 10, f = 3: 2·3/7.
    assertThat(MonnaResilience.lambda(10, 3, 5).value()).isCloseTo(6.0 / 7, within(1e-15));
    assertThat(MonnaResilience.lambda(3, 1, 1).value()).isEqualTo(1.0);
    assertThat(MonnaResilience.lambda(3, 1, 1).assumptions()).contains("the pivot is honest (in S)");
    assertThatThrownBy(() -> MonnaResilience.lambda(4, 2, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 ≤ f < n/2");
  }

  @Test
  void smeaValuesAndDomain() {
    // n = 10, f = 3: κ = 12/4 = 3, λ = √3/2; n = 3, f = 1: κ = 4, λ = 1.
    assertThat(SmeaResilience.kappa(10, 3)).isEqualTo(3.0);
    assertThat(SmeaResilience.lambda(10, 3, 7).value()).isCloseTo(Math.sqrt(3) / 2, within(1e-15));
    assertThat(SmeaResilience.lambda(3, 1, 2).value()).isEqualTo(1.0);
    assertThatThrownBy(() -> SmeaResilience.lambda(6, 3, 1)).hasMessageContaining("0 ≤ f < n/2");
    assertThatThrownBy(() -> SmeaResilience.lambda(7, 3, 0)).hasMessageContaining("d");
  }

  @Test
  void theirRowsInExtensionsMd() {
    assertThat(TheoryCatalog.extensionIds()).containsEntry("EXT-MONNA-LAMBDA", 'D').containsEntry("EXT-SMEA-LAMBDA", 'D')
        .containsEntry("EXT-CAF-MEASURED", 'Q');
    assertThat(MonnaResilience.CITATION.id()).isEqualTo("EXT-MONNA-LAMBDA");
    assertThat(SmeaResilience.CITATION.id()).isEqualTo("EXT-SMEA-LAMBDA");
  }
}
