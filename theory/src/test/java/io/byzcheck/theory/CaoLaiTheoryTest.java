package io.byzcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.theory.caolai.ComparisonBasedNewton;
import io.byzcheck.theory.caolai.Giant;
import io.byzcheck.theory.caolai.MedianNewton;
import io.byzcheck.theory.caolai.NewtonConvergence;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cao &amp; Lai: Algorithms 1–3, Theorems 1–2. */
class CaoLaiTheoryTest {

  /** Directions (1, 2), (3, 4): mean (2, 3); θ = 0, η = 1/2 → (−1, −1.5). */
  @Test
  void giant() {
    assertThat(Giant.aggregate(new double[][] {{1, 2}, {3, 4}})).containsExactly(2.0, 3.0);
    assertThat(Giant.update(new double[] {0, 0}, 0.5, new double[][] {{1, 2}, {3, 4}})).containsExactly(-1.0, -1.5);
    assertThatThrownBy(() -> Giant.update(new double[] {0, 0}, 0, new double[][] {{1, 2}})).hasMessageContaining("η > 0");
  }

  /**
   * 1-D points 0, 1, 5: the median is 1 (objective 1 + 0 + 4 = 5; unit pulls +1 and −1 cancel, 0 ≤ 1 point at
   * y); at y = 2 the pulls are +1 +1 −1 = 1 > 0 points at y. Square corners (±1, ±1): pulls cancel at 0.
   * §IV-A attack with q = 30 of m = 50, r = 1: α = 0.4, C_α = 2·0.6/0.2 = 6.
   */
  @Test
  void medianNewton() {
    double[][] p = {{0}, {1}, {5}};
    assertThat(MedianNewton.objective(p, new double[] {1})).isEqualTo(5.0);
    assertThat(MedianNewton.isGeometricMedian(p, new double[] {1}, 0)).isTrue();
    assertThat(MedianNewton.isGeometricMedian(p, new double[] {2}, 1e-9)).isFalse();
    assertThat(MedianNewton.isGeometricMedian(new double[][] {{1, 1}, {-1, 1}, {1, -1}, {-1, -1}}, new double[] {0, 0},
        1e-12)).isTrue();
    assertThat(MedianNewton.attackerMajorityRadius(30, 50, 1)).isCloseTo(6.0, within(1e-12));
    assertThat(MedianNewton.conditions(25, 50).failedNames()).containsExactly("0 ≤ q < m/2");
    assertThat(MedianNewton.update(new double[] {1}, 0.5, new double[] {2})).containsExactly(0.0);
    assertThatThrownBy(() -> MedianNewton.attackerMajorityRadius(20, 50, 1)).hasMessageContaining("m/2 < q");
  }

  /**
   * Reference (3, 4) (norm 5), ξ = 0.2 → radius 1: (3, 5) at distance 1 accepted, (3, 5.1) rejected.
   * Received (3, 5), (100, 100), (4, 4) → accepted (3, 5), (4, 4), average with the reference:
   * (10/3, 13/3). ξ = 1.25·1000^{−1/4} = 1.25/5.623413 = 0.2222849; 0.9·200^{−1/4} = 0.9/3.760603 = 0.2393233.
   */
  @Test
  void comparisonNewton() {
    double[] ref = {3, 4};
    assertThat(ComparisonBasedNewton.accepts(new double[] {3, 5}, ref, 0.2)).isTrue();
    assertThat(ComparisonBasedNewton.accepts(new double[] {3, 5.1}, ref, 0.2)).isFalse();
    double[] g = ComparisonBasedNewton.aggregate(new double[][] {{3, 5}, {100, 100}, {4, 4}}, ref, 0.2);
    assertThat(g[0]).isCloseTo(10.0 / 3, within(1e-14));
    assertThat(g[1]).isCloseTo(13.0 / 3, within(1e-14));
    // All attackers rejected: the server's own estimate alone.
    assertThat(ComparisonBasedNewton.aggregate(new double[][] {{100, 100}}, ref, 0.2)).containsExactly(3.0, 4.0);
    assertThat(ComparisonBasedNewton.regularised(new double[][] {{2, 1}, {1, 3}}, 0.5))
        .isDeepEqualTo(new double[][] {{2.5, 1}, {1, 3.5}});
    assertThat(ComparisonBasedNewton.xiFromServerSample(1.25, 1000)).isCloseTo(0.2222849, within(1e-7));
    assertThat(ComparisonBasedNewton.xiFromServerSample(0.9, 200)).isCloseTo(0.2393233, within(1e-7));
    assertThat(ComparisonBasedNewton.conditions(0.2, 0.2, 0, 2000, 1000).failedNames()).containsExactly("1 ≤ |S₀| ≤ |S_j|");
    assertThat(ComparisonBasedNewton.conditions(-0.1, 0.2, -1, 10, 1000).failedNames()).containsExactly("ξ₁ ≥ 0", "μ ≥ 0");
    assertThatThrownBy(() -> ComparisonBasedNewton.regularised(new double[][] {{1, 2}}, 0)).hasMessageContaining("square");
    assertThat(TheoryCatalog.discrepancies()).extracting(Discrepancy::id).contains("CAO-ALG3");
  }

  /**
   * Theorem 1 at η = 1, h = h′ = 1, M = 2, α = 1/4 (C_α = 3), q/m = 10/50, Δ₂ = h/(24C_α) = 1/72,
   * Δ₃ = hh′/(3MC_α) = 1/18 (both on their boundary): ρ = 72/1296 + 24/72 + 6/18 = 0.0555556 + 0.3333333 +
   * 0.3333333 = 0.7222222 ≤ 1 − 2η/9 (the three parts are ≤ 1/9·h/M, 1/3, 1/3). One step from e = 0.5 with L = 1,
   * Δ₁ = 0.01: 0.3611111 + 0.125 + 4·9·(1/18)·0.01 + 12·0.01 = 0.3611111 + 0.125 + 0.02 + 0.12 = 0.6261111.
   * Gap shape at C_α = 3, |S_i| = 100: 0.09 + 0.3 = 0.39, dominated by C_α/√|S_i|, slope in |S_i|
   * (−0.09 − 0.15)/0.39 = −0.6153846.
   */
  @Test
  void theorem1() {
    assertThat(NewtonConvergence.rho(1, 1, 1, 2, 10, 50, 0.25, 1.0 / 72, 1.0 / 18)).isCloseTo(0.7222222, within(1e-7))
        .isLessThanOrEqualTo(1 - 2.0 / 9);
    assertThat(NewtonConvergence.mnmStep(0.5, 1, 1, 1, 2, 1, 10, 50, 0.25, 0.01, 1.0 / 72, 1.0 / 18).value())
        .isCloseTo(0.6261111, within(1e-7));
    assertThat(NewtonConvergence.mnmConditions(1, 1, 1, 2, 10, 50, 0.25, 0.02, 1.0 / 18).failedNames())
        .containsExactly("Δ₂ ≤ h/(24C_α)");
    assertThat(NewtonConvergence.mnmConditions(1, 1, 1, 2, 15, 50, 0.25, 0, 0).failedNames())
        .containsExactly("α ∈ (q/m, 1/2)");
    assertThatThrownBy(() -> NewtonConvergence.rho(1.5, 1, 1, 2, 10, 50, 0.25, 0, 0)).hasMessageContaining("0 < η ≤ 1");
    var shape = NewtonConvergence.mnmGapShape();
    var at = Map.of("Calpha", 3.0, "S", 100.0);
    assertThat(shape.evaluate(at)).isCloseTo(0.39, within(1e-12));
    assertThat(shape.dominantTerm(at).label()).isEqualTo("C_α/√|S_i|");
    assertThat(shape.localSlope("S", at)).isCloseTo(-0.6153846, within(1e-7));
    assertThat(TheoryCatalog.discrepancies()).extracting(Discrepancy::id).contains("CAO-T1");
  }

  /**
   * Theorem 2 at h = h′ = 1, M = 2, μ = 0, ξ₁ = ξ₂ = 0.1 (< 1/8), Δ₂ = 0.02 (< 1/44), Δ₃ = 0.01 (< 1/3),
   * Δ₁ = 0.01: Δ₄ = 0.02/0.99 = 0.0202020; γ₁ = (0.16 + 0.1·2.16)·1.1 + 0.2 + 0.040404 = 0.4136 + 0.2 + 0.040404
   * = 0.6540040; γ₂ = (0.04 + 0.004)·1.1 = 0.0484; step from e = 0.5, L = 1: 0.125 + 0.3270020 + 0.0484 =
   * 0.5004020. The discrepancy's instance: h = h′ = 1, M = 10, μ = 1, ξ₁ = ξ₂ = Δ₂ = Δ₃ = 0 satisfies every
   * stated condition but γ₁ = (1/2)·10 = 5.
   */
  @Test
  void theorem2() {
    assertThat(NewtonConvergence.delta4(0, 1, 0.01)).isCloseTo(0.0202020, within(1e-7));
    assertThat(NewtonConvergence.gamma1(1, 1, 2, 0, 0.1, 0.1, 0.02, 0.01)).isCloseTo(0.6540040, within(1e-7));
    assertThat(NewtonConvergence.gamma2(1, 0, 0.1, 0.1, 0.01)).isCloseTo(0.0484, within(1e-12));
    assertThat(NewtonConvergence.cnmStep(0.5, 1, 1, 2, 0, 1, 0.1, 0.1, 0.01, 0.02, 0.01).value())
        .isCloseTo(0.5004020, within(1e-7));
    var counter = NewtonConvergence.cnmContraction(1, 1, 10, 1, 0, 0, 0, 0);
    assertThat(counter.failedNames()).containsExactly("γ₁ < 1");
    assertThat(NewtonConvergence.gamma1(1, 1, 10, 1, 0, 0, 0, 0)).isCloseTo(5.0, within(1e-12));
    assertThat(NewtonConvergence.cnmConditions(1, 1, 2, 0, 0.2, 0.1, 0.02, 0.01).failedNames())
        .containsExactly("0 ≤ ξ₁ < (h′+μ)/(4M)");
    assertThatThrownBy(() -> NewtonConvergence.delta4(0, 1, 0.5)).hasMessageContaining("Δ₃ < h(h+μ)/(3h+2μ)");
    assertThatThrownBy(() -> NewtonConvergence.cnmStep(-1, 1, 1, 2, 0, 1, 0.1, 0.1, 0.01, 0.02, 0.01))
        .hasMessageContaining("‖θ_{t−1} − θ*‖ ≥ 0");
    // Gap ∝ |S₀|^{−1/2}: quadrupling |S₀| halves it.
    var gap = NewtonConvergence.cnmGapShape();
    assertThat(gap.evaluate(Map.of("S0", 400.0)) / gap.evaluate(Map.of("S0", 100.0))).isCloseTo(0.5, within(1e-12));
    assertThat(TheoryCatalog.discrepancies()).extracting(Discrepancy::id).contains("CAO-T2");
  }
}
