package io.byzcheck.theory.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.theory.Statement;
import io.byzcheck.theory.TheoryCatalog;
import org.junit.jupiter.api.Test;

/** EXT-BULYAN-LAMBDA: values typed from the formula, its domain, and its row in EXTENSIONS.md. */
class BulyanResilienceTest {

  @Test
  void valuesAndDomain() {
    // n = 7, f = 1: Δ = min{2√6, √d}; d = 1 → 2·1 = 2; d = 100 → 2·2√6 = 4√6 ≈ 9.798.
    assertThat(BulyanResilience.lambda(7, 1, 1).value()).isEqualTo(2.0);
    assertThat(BulyanResilience.lambda(7, 1, 100).value()).isCloseTo(4 * Math.sqrt(6), within(1e-12));
    assertThat(BulyanResilience.lambda(7, 1, 1).citation().id()).isEqualTo("EXT-BULYAN-LAMBDA");
    assertThatThrownBy(() -> BulyanResilience.lambda(6, 1, 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("n ≥ 4f + 3");
  }

  @Test
  void everyExtensionStatementIsAnExtensionsMdIdOfTheSameKind() {
    var ids = TheoryCatalog.extensionIds();
    assertThat(ids).containsEntry("EXT-BULYAN-LAMBDA", 'D');
    for (Statement s : TheoryCatalog.extensions()) {
      assertThat(ids).as(s.id()).containsEntry(s.id(), s.kind());
      assertThat(TheoryCatalog.theoryIds()).as("THEORY.md covers the four papers only").doesNotContainKey(s.id());
    }
    assertThat(TheoryCatalog.extensions()).extracting(Statement::id).containsExactlyElementsOf(ids.keySet());
  }
}
