package io.byzcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.theory.alistarh.ByzantineSgdBounds;
import io.byzcheck.theory.caolai.GeometricMedianConstant;
import io.byzcheck.theory.caolai.NewtonConvergence;
import io.byzcheck.theory.resam.ConvergenceRate;
import io.byzcheck.theory.resam.ConvergenceTheorem1;
import io.byzcheck.theory.resam.ResilienceCoefficient;
import io.byzcheck.theory.yin.MeanEstimationLowerBound;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fixes found by re-reading the papers (issue 10), each against the paper's own text. */
class AuditFixesTest {

  /** RES Prop. 2 is stated "for 0 ≤ f < n", not only f < n/2: at n = 4, f = 3 no rule beats λ = 3/1. */
  @Test
  void lowerBoundHoldsForEveryFBelowN() {
    assertThat(ResilienceCoefficient.lowerBound(4, 2).value()).isEqualTo(1.0);
    assertThat(ResilienceCoefficient.lowerBound(4, 3).value()).isEqualTo(3.0);
    assertThat(ResilienceCoefficient.lowerBound(5, 0).value()).isEqualTo(0.0);
    assertThatThrownBy(() -> ResilienceCoefficient.lowerBound(4, 4)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RES-P2-LB").hasMessageContaining("0 ≤ f < n");
    assertThatThrownBy(() -> ResilienceCoefficient.lowerBound(4, -1)).hasMessageContaining("0 ≤ f < n");
    // The rules' coefficients keep f < n/2.
    assertThatThrownBy(() -> ResilienceCoefficient.minimumDiameterAveraging(4, 2)).hasMessageContaining("f < n/2");
  }

  /**
   * CAO Thm 2's (45) holds under its stated conditions whatever γ₁ is; convergence needs γ₁ &lt; 1 on top.
   * At h = h′ = 1, M = 10, μ = 1, ξ₁ = ξ₂ = Δ₂ = Δ₃ = 0, Δ₁ = 0.01, L = 1, e = 0.5: γ₁ = (1/2)·10/1 = 5,
   * γ₂ = 4·0.01/2 = 0.02, so (45) = 0.125 + 2.5 + 0.02 = 2.645.
   */
  @Test
  void cnmOneStepBoundDoesNotNeedContraction() {
    assertThat(NewtonConvergence.cnmConditions(1, 1, 10, 1, 0, 0, 0, 0).admissible()).isTrue();
    assertThat(NewtonConvergence.cnmStep(0.5, 1, 1, 10, 1, 1, 0, 0, 0.01, 0, 0).value()).isCloseTo(2.645, within(1e-12));
    assertThat(NewtonConvergence.cnmContraction(1, 1, 10, 1, 0, 0, 0, 0).failedNames()).containsExactly("γ₁ < 1");
    assertThat(NewtonConvergence.cnmContraction(1, 1, 2, 0, 0.1, 0.1, 0.02, 0.01).admissible()).isTrue();
    // A stated condition failing still fails both.
    assertThat(NewtonConvergence.cnmContraction(1, 1, 2, 0, 0.2, 0.1, 0.02, 0.01).failedNames())
        .containsExactly("0 ≤ ξ₁ < (h′+μ)/(4M)");
  }

  /**
   * ALI Thm 3.2's proof: f(x̄) − f* ≤ 2·(D²/(2ηT) + |Error₁|/(Tm) + η·Error₂) with Lemma 3.1's bounds, which
   * is the printed bound plus 32ηα²𝒱² (64α²𝒱² where the statement prints 32α²𝒱²).
   */
  @Test
  void alistarhProofConstantIsRecorded() {
    int m = 10;
    long t = 100;
    double delta = 0.16;
    double alpha = 0.1;
    double dd = 2;
    double v = 0.5;
    double eta = 0.05;
    double proof = dd * dd / (eta * t) + 2 * ByzantineSgdBounds.error1(m, t, delta, alpha, dd, v).value() / (t * m)
        + 2 * eta * ByzantineSgdBounds.error2(m, t, delta, alpha, dd, v).value();
    double printed = ByzantineSgdBounds.smooth(m, t, delta, alpha, dd, v, eta, 10).value();
    assertThat(proof - printed).isCloseTo(32 * eta * alpha * alpha * v * v, within(1e-12));
    assertThat(TheoryCatalog.discrepancies()).filteredOn(d -> d.id().equals("ALI-T32"))
        .singleElement().satisfies(d -> assertThat(d.paperSays()).contains("32α²𝒱²"))
        .satisfies(d -> assertThat(d.reason()).contains("64α²𝒱²"));
    assertThat(TheoryCatalog.discrepancies()).filteredOn(d -> d.id().equals("ALI-T33") && d.reason().contains("64α²𝒱²"))
        .hasSize(1);
  }

  /** CAO (38), the proof of Thm 1, has η·4C_α²Δ₃Δ₁/(hh′) where the statement (33) has no η. */
  @Test
  void caoTheorem1DroppedEtaIsRecorded() {
    double eta = 0.5;
    double alpha = 0.3;
    double c = GeometricMedianConstant.cAlpha(alpha).value();
    double h = 1;
    double hp = 1;
    double d1 = 0.01;
    double d3 = 0.01;
    double printed = NewtonConvergence.mnmStep(0, eta, h, hp, 2, 1, 1, 10, alpha, d1, 0.001, d3).value();
    double proof = eta * 4 * c * c * d3 * d1 / (h * hp) + eta * 4 * c * d1 / h;
    assertThat(printed - proof).isCloseTo((1 - eta) * 4 * c * c * d3 * d1 / (h * hp), within(1e-15));
    assertThat(TheoryCatalog.discrepancies()).filteredOn(d -> d.id().equals("CAO-T1") && d.paperSays().contains("(38)"))
        .hasSize(1);
  }

  /** RES B.5 (end) and B.6 print (n−f)² in the T^{−3/2} term too, so Theorem 1's (n−f) there is the typo. */
  @Test
  void resamTheorem1DiscrepancyNamesTheTypo() {
    Discrepancy d = ConvergenceTheorem1.DISCREPANCY;
    assertThat(d.reason()).contains("B.5", "B.6", "typo").doesNotContain("not re-derived");
    // The printed (n−f) makes the term larger for n − f ≥ 1, so the encoded bound is implied by the proof's.
    ConvergenceTheorem1 t = ConvergenceTheorem1.of(1, 1, 10, 3, 0.5, 10_000, 1, 0);
    double h = 7;
    double lambda = 0.5;
    double proofSecond = (t.a2() / h) * Math.sqrt(t.a0() * h / (t.a1() * lambda * lambda * h * h + t.a2()))
        / Math.pow(10_000, 1.5);
    double first = 2 * Math.sqrt((t.a1() * lambda * lambda * h + t.a2() / h) * t.a0() / 10_000);
    assertThat(t.bound()).isGreaterThan(first + proofSecond);
  }

  /** YIN App. G covers √(d/(nm)) by citing minimax theory (Wu, 2017), after constructing the α/√n part. */
  @Test
  void yinObservationScopeCitesMinimaxTheory() {
    Discrepancy d = MeanEstimationLowerBound.PROOF_SCOPE;
    assertThat(d.paperSays()).contains("minimax");
    assertThat(d.reason()).contains("Wu, 2017").doesNotContain("does not prove");
  }

  /**
   * RES-C1 as a RateShape like the other R IDs: ε ∝ √(σ²/T)·(1/√(n−f) + √κ), which is within a factor √2 of
   * Corollary 1's √((σ²/T)(1/(n−f) + κ)) (√a + √b ≤ √2·√(a + b) ≤ √2·(√a + √b)).
   */
  @Test
  void corollaryOneHasARateShape() {
    RateShape shape = ConvergenceRate.shape();
    assertThat(shape.citation().id()).isEqualTo("RES-C1");
    assertThat(shape.exponentsOf("T")).containsExactly(-0.5, -0.5);
    assertThat(shape.exponentsOf("sigma")).containsExactly(1.0, 1.0);
    assertThat(shape.exponentsOf("nMinusF")).containsExactly(-0.5, 0.0);
    assertThat(shape.exponentsOf("kappa")).containsExactly(0.0, 0.5);
    for (double kappa : new double[] {0, 0.3, 4, 250}) {
      double eps = ConvergenceRate.epsilonShape(2, 400, 15, 5, kappa);
      double s = shape.evaluate(Map.of("sigma", 2.0, "T", 400.0, "nMinusF", 10.0, "kappa", kappa));
      assertThat(s).isBetween(eps * (1 - 1e-12), Math.sqrt(2) * eps * (1 + 1e-12));
    }
  }
}
