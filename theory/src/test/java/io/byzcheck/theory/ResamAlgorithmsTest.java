package io.byzcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.theory.resam.Attacks;
import io.byzcheck.theory.resam.CentredClippingResilience;
import io.byzcheck.theory.resam.ComparativeEliminationCounterexample;
import io.byzcheck.theory.resam.DistributedMomentum;
import io.byzcheck.theory.resam.ResilientAveraging;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/** RESAM: CGE and CC counter-examples, Algorithm 1, the attacks of D.1. */
class ResamAlgorithmsTest {

  /**
   * n = 5, f = 2, x = (1, 0), Byzantine (0, 0) and (0, 0.5) (norms 0 and 0.5 < 1, sum (0, 0.5) ≠ 2x):
   * CGE = ((0,0) + (0,0.5) + (1,0))/3 = (1/3, 1/6), at distance √(4/9 + 1/36) = √(17/36) = 0.6871843 from x,
   * while diam(S) = 0: Definition 2 fails even at λ = 1000. Byzantine (2, 0), (0, 1) have norms 2, 1 ≥ ‖x‖ (sum
   * (2, 1) ≠ 2x), so only the norm condition fails.
   */
  @Test
  void cgeCounterexample() {
    var c = ComparativeEliminationCounterexample.counterexample(5, 2, new double[] {1, 0}, new double[][] {{0, 0}, {0, 0.5}});
    assertThat(c.output()[0]).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(c.output()[1]).isCloseTo(1.0 / 6, within(1e-15));
    assertThat(c.violation()).isCloseTo(0.6871843, within(1e-7));
    assertThat(ResilientAveraging.check(c.output(), c.inputs(), c.honest(), 2, 1000).admissible()).isFalse();
    assertThat(ComparativeEliminationCounterexample.conditions(5, 2, new double[] {1, 0}, new double[][] {{2, 0}, {0, 1}})
        .failedNames()).containsExactly("‖x_j‖ < ‖x‖ for j ∈ [n]∖S");
    assertThatThrownBy(() -> ComparativeEliminationCounterexample.counterexample(5, 2, new double[] {0, 0},
        new double[][] {{0, 0}, {0, 0}})).hasMessageContaining("‖x‖ > 0");
    assertThat(TheoryCatalog.discrepancies()).extracting(Discrepancy::id).contains("RES-C9-CGE");
  }

  /**
   * CC with v₀ = 0, c_τ = 1, L = 1 on honest 10, 10 and Byzantine −100: clipped terms 1, 1, −1, so
   * v₁ = 1/3, at distance 29/3 = 9.6667 from x̄_S = 10 while diam(S) = 0; the reach argument predicts it since
   * c_τL = 1 < 10. With c_τ = 100 ≥ every distance one step is the mean: (1 + 2 + 3)/3 = 2.
   * Karimireddy's λ at n = 100, f = 10 (10 < 100/9.7 = 10.31): 20√10·0.1 = 6.324555.
   */
  @Test
  void centredClipping() {
    double[][] xs = {{10}, {10}, {-100}};
    double[] out = CentredClippingResilience.cc(xs, new double[] {0}, 1, 1);
    assertThat(out[0]).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(ResilientAveraging.leftHandSide(out, xs, new int[] {0, 1})).isCloseTo(29.0 / 3, within(1e-14));
    assertThat(ResilientAveraging.check(out, xs, new int[] {0, 1}, 1, 1e6).admissible()).isFalse();
    assertThat(CentredClippingResilience.violationGuaranteed(new double[] {10}, new double[] {0}, 1, 1).admissible()).isTrue();
    assertThat(CentredClippingResilience.violationGuaranteed(new double[] {10}, new double[] {0}, 1, 10).failedNames())
        .containsExactly("‖x − v₀‖ > c_τ·L");
    assertThat(CentredClippingResilience.cc(new double[][] {{1}, {2}, {3}}, new double[] {0}, 100, 1)[0]).isCloseTo(2.0, within(1e-15));
    assertThat(CentredClippingResilience.step(new double[][] {{0}}, new double[] {0}, 1)).containsExactly(0.0);
    assertThat(CentredClippingResilience.karimireddyLambda(100, 10).value()).isCloseTo(6.324555, within(1e-6));
    assertThatThrownBy(() -> CentredClippingResilience.karimireddyLambda(100, 11)).hasMessageContaining("f < n/9.7");
    assertThatThrownBy(() -> CentredClippingResilience.step(xs, new double[] {0}, -1)).hasMessageContaining("c_τ ≥ 0");
  }

  /**
   * β = 1/2, g₁ = 2, g₂ = 4: m₁ = 0.5·0 + 0.5·2 = 1, m₂ = 0.5·1 + 0.5·4 = 2.5, and the closed form
   * 0.5·(0.5·2 + 4) = 2.5. Server step θ = 1, γ = 0.1, F = 2.5: 0.75. Theorem 1's β at γ = 0.01, L = 1:
   * √0.76 = 0.8717798.
   */
  @Test
  void algorithmOne() {
    double[] m1 = DistributedMomentum.momentum(new double[] {0}, new double[] {2}, 0.5);
    double[] m2 = DistributedMomentum.momentum(m1, new double[] {4}, 0.5);
    assertThat(m1).containsExactly(1.0);
    assertThat(m2).containsExactly(2.5);
    assertThat(DistributedMomentum.unrolled(new double[][] {{2}, {4}}, 0.5)).containsExactly(2.5);
    assertThat(DistributedMomentum.serverStep(new double[] {1}, 0.1, m2)[0]).isCloseTo(0.75, within(1e-15));
    assertThat(DistributedMomentum.theorem1Beta(0.01, 1)).isCloseTo(0.8717798, within(1e-7));
    assertThatThrownBy(() -> DistributedMomentum.theorem1Beta(0.05, 1)).hasMessageContaining("24γL ≤ 1");
    assertThatThrownBy(() -> DistributedMomentum.momentum(m1, m1, 1)).hasMessageContaining("β ∈ [0, 1)");
    assertThatThrownBy(() -> DistributedMomentum.serverStep(m1, 0, m1)).hasMessageContaining("γ_t > 0");
  }

  /**
   * Empire on ḡ = (2, −4): (1 − 1.1)ḡ = (−0.2, 0.4). Little on ḡ = (1, 1), std (0.5, 2): (0.5, −1).
   * Label 3 → 6. Baruch's z at n = 15, f = 5: s = ⌊8.5⌋ − 5 = 3, Φ⁻¹(12/15 = 0.8) = 0.8416212 (bisection).
   */
  @Test
  void attacks() {
    double[] e = Attacks.empire(new double[] {2, -4});
    assertThat(e[0]).isCloseTo(-0.2, within(1e-15));
    assertThat(e[1]).isCloseTo(0.4, within(1e-15));
    assertThat(Attacks.little(new double[] {1, 1}, new double[] {0.5, 2})).containsExactly(0.5, -1.0);
    assertThat(Attacks.signFlip(new double[] {1, -2})).containsExactly(-1.0, 2.0);
    assertThat(Attacks.flipLabel(3)).isEqualTo(6);
    assertThat(Attacks.flipLabel(9)).isZero();
    double lo = 0;
    double hi = 3;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if ((1 + Erf.erf(mid / Math.sqrt(2))) / 2 < 0.8) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    assertThat(lo).isCloseTo(0.8416212, within(1e-7));
    assertThat(Attacks.alieZMax(15, 5)).isCloseTo(lo, within(1e-9));
    assertThatThrownBy(() -> Attacks.alieZMax(15, 8)).hasMessageContaining("s = ⌊n/2 + 1⌋ − f ≥ 1");
    assertThatThrownBy(() -> Attacks.flipLabel(10)).hasMessageContaining("{0, …, 9}");
    assertThatThrownBy(() -> Attacks.little(new double[] {1}, new double[] {-1})).hasMessageContaining("≥ 0");
    assertThatThrownBy(() -> Attacks.send(new double[] {1}, -1, new double[] {1})).hasMessageContaining("ζ ≥ 0");
    assertThat(TheoryCatalog.discrepancies()).extracting(Discrepancy::id).contains("RES-ATK");
  }
}
