package io.byzcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.theory.alistarh.ByzantineSgdThresholds;
import io.byzcheck.theory.yin.RobustnessConstant;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class PaperConstantsTest {

  /**
   * C_{1/6}: Φ⁻¹(5/6) found here by bisection on Φ(x) = (1 + erf(x/√2))/2 (a different route from the
   * code's inverse CDF) is 0.9674216; squared 0.9359045, halved 0.4679522, exp 1.5967225, times √(2π) =
   * 2.5066283 → 4.00238 (Yin: "C_ε ≈ 4 when ε = 1/6").
   */
  @Test
  void yinConstantAtOneSixth() {
    double lo = 0;
    double hi = 3;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if ((1 + Erf.erf(mid / Math.sqrt(2))) / 2 < 5.0 / 6) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double expected = Math.sqrt(2 * Math.PI) * Math.exp(lo * lo / 2);
    assertThat(expected).isCloseTo(4.0024, within(1e-4));
    assertThat(RobustnessConstant.cEpsilon(1.0 / 6).value()).isCloseTo(expected, within(1e-8));
    // ε → 1/2: Φ⁻¹(1/2) = 0, so C_ε → √(2π) = 2.5066 from above; smaller ε, larger C_ε.
    assertThat(RobustnessConstant.cEpsilon(0.4999999).value()).isCloseTo(Math.sqrt(2 * Math.PI), within(1e-6));
    assertThat(RobustnessConstant.cEpsilon(0.01).value()).isGreaterThan(RobustnessConstant.cEpsilon(0.1).value());
    assertThatThrownBy(() -> RobustnessConstant.cEpsilon(0.5)).hasMessageContaining("ε ∈ (0, 1/2)");
    assertThatThrownBy(() -> RobustnessConstant.cEpsilon(0)).hasMessageContaining("ε ∈ (0, 1/2)");
  }

  /**
   * m = 10, T = 100, δ = 0.16: 16mT/δ = 100 000, C = ln 10⁵ = 11.512925; √(TC) = √1151.2925 = 33.930701;
   * D = 2, 𝒱 = 0.5: 𝔗_A = 4·2·0.5·33.930701 = 135.7228, 𝔗_B = 4·0.5·33.930701 = 67.8614.
   */
  @Test
  void byzantineSgdThresholds() {
    ByzantineSgdThresholds t = ByzantineSgdThresholds.of(10, 100, 0.16, 2, 0.5);
    assertThat(t.c()).isCloseTo(11.512925, within(1e-6));
    assertThat(t.thresholdA()).isCloseTo(135.7228, within(1e-3));
    assertThat(t.thresholdB()).isCloseTo(67.8614, within(1e-3));
    assertThat(t.medianRadius()).isEqualTo(1.0);
    assertThat(t.filterRadius()).isEqualTo(2.0);
    assertThatThrownBy(() -> ByzantineSgdThresholds.of(10, 100, 1, 2, 0.5)).hasMessageContaining("δ ∈ (0, 1)");
    assertThatThrownBy(() -> ByzantineSgdThresholds.of(0, 100, 0.1, 2, 0.5)).hasMessageContaining("m ≥ 1");
    assertThatThrownBy(() -> ByzantineSgdThresholds.of(10, 0, 0.1, 2, 0.5)).hasMessageContaining("T ≥ 1");
    assertThat(TheoryCatalog.discrepancies()).extracting(Discrepancy::id).contains("ALI-ALG1");
  }

  /** Every implemented statement is a THEORY.md ID of the same kind, and the missing list excludes it. */
  @Test
  void coverageIsConsistentWithTheoryMd() {
    var ids = TheoryCatalog.theoryIds();
    assertThat(ids).hasSize(58);
    for (Statement s : TheoryCatalog.implemented()) {
      assertThat(ids).as(s.id()).containsEntry(s.id(), s.kind());
      assertThat(TheoryCatalog.missing()).doesNotContain(s.id());
    }
    assertThat(TheoryCatalog.missing()).hasSize(53 - TheoryCatalog.implemented().size());
  }

  /**
   * Every V, D, E, L and R ID of THEORY.md is implemented (53 of the 58 IDs; the other 5 are Q, reproduced
   * experiments), exactly once, and nothing is registered that THEORY.md does not list.
   */
  @Test
  void everyComputableIdIsImplemented() {
    var ids = TheoryCatalog.theoryIds();
    long computable = ids.values().stream().filter(k -> "VDELR".indexOf(k) >= 0).count();
    assertThat(computable).isEqualTo(53);
    assertThat(TheoryCatalog.missing()).isEmpty();
    assertThat(TheoryCatalog.implemented()).extracting(Statement::id).doesNotHaveDuplicates().hasSize(53);
    ids.forEach((id, kind) -> {
      if (kind != 'Q') {
        assertThat(TheoryCatalog.implemented()).as(id).anySatisfy(st -> {
          assertThat(st.id()).isEqualTo(id);
          assertThat(st.kind()).isEqualTo(kind);
          assertThat(st.citation().id()).isEqualTo(id);
        });
      }
    });
    // Every recorded discrepancy belongs to a THEORY.md ID.
    assertThat(TheoryCatalog.discrepancies()).allSatisfy(d -> assertThat(ids).containsKey(d.id()));
  }
}
