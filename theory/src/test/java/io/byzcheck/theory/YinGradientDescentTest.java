package io.byzcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.theory.yin.MeanEstimationLowerBound;
import io.byzcheck.theory.yin.MedianGradientDescent;
import io.byzcheck.theory.yin.RobustOneRound;
import io.byzcheck.theory.yin.StatisticalRates;
import io.byzcheck.theory.yin.TrimmedMeanGradientDescent;
import java.util.Map;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/** Yin et al.: Theorems 1–7, the two rates and Observation 1. */
class YinGradientDescentTest {

  /** Φ⁻¹(p) by bisection on (1 + erf(x/√2))/2, independent of the code's inverse CDF. */
  private static double inverseNormal(double p) {
    double lo = -10;
    double hi = 10;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if ((1 + Erf.erf(mid / Math.sqrt(2))) / 2 < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Δ of (27) at α = 0.1, ε = 1/6, n = 100, m = 10⁴, d = 1, L̂D = 1, S = 1, V = 1: the bracket is 0.1866598
   * (see YinDefinitionsTest), C_{1/6} = 4.002386, so Δ = 2√2/10⁶ + √2·4.002386/10·0.1866598 =
   * 2.8284e−6 + 0.1056537 = 0.1056566.
   */
  @Test
  void theorem8Delta() {
    assertThat(MedianGradientDescent.delta(0.1, 1.0 / 6, 100, 10_000, 1, 1, 1, 1).value())
        .isCloseTo(0.1056566, within(1e-6));
    // m = 50 violates (2): the failure names condition (2).
    assertThatThrownBy(() -> MedianGradientDescent.delta(0.1, 0.01, 100, 50, 1, 1, 1, 1)).hasMessageContaining("(2)");
    assertThatThrownBy(() -> MedianGradientDescent.delta(0.1, 1.0 / 6, 100, 10_000, 1, 1, 1, -1))
        .hasMessageContaining("V ≥ 0");
  }

  /**
   * Theorem 1 with λ_F = 1, L_F = 3 (contraction 1 − 1/4 = 0.75), T = 2, ‖w⁰ − w*‖ = 8, Δ = 0.1:
   * 0.5625·8 + 2·0.1 = 4.7. Iterations to 4Δ/λ_F: 4·log(8/0.2) = 4·3.688879 = 14.75552.
   * T → ∞ leaves the floor 2Δ/λ_F = 0.2.
   */
  @Test
  void theorem1() {
    assertThat(MedianGradientDescent.contraction(1, 3)).isEqualTo(0.75);
    assertThat(MedianGradientDescent.stronglyConvex(1, 3, 2, 8, 0.1).value()).isCloseTo(4.7, within(1e-12));
    assertThat(MedianGradientDescent.stronglyConvex(1, 3, 10_000, 8, 0.1).value()).isCloseTo(0.2, within(1e-12));
    assertThat(MedianGradientDescent.iterationsToFloor(1, 3, 8, 0.1)).isCloseTo(14.75552, within(1e-5));
    // Already below the floor: no iterations needed.
    assertThat(MedianGradientDescent.iterationsToFloor(1, 3, 0.1, 0.1)).isEqualTo(0.0);
    assertThatThrownBy(() -> MedianGradientDescent.contraction(4, 3)).hasMessageContaining("λ_F ≤ L_F");
    assertThatThrownBy(() -> MedianGradientDescent.stronglyConvex(0, 3, 1, 1, 0.1)).hasMessageContaining("λ_F > 0");
    assertThatThrownBy(() -> MedianGradientDescent.stronglyConvex(1, 3, -1, 1, 0.1)).hasMessageContaining("T ≥ 0");
  }

  /**
   * Theorem 2 with L_F = 2, ‖w⁰ − w*‖ = 3, Δ = 1/2: T = 2·3/0.5 = 12; 16·3·0.5·(1 + 0.5/4) = 27.
   * Theorem 3 with L_F = 2, F(w⁰) − F* = 4, Δ = 1/2: T = 2·2·4/0.25 = 64; √2/2 = 0.7071068;
   * Assumption 5's radius at M = 1: (2/0.25)·1.5·4 = 48.
   */
  @Test
  void theorems2And3() {
    assertThat(MedianGradientDescent.convexIterations(2, 3, 0.5)).isEqualTo(12.0);
    assertThat(MedianGradientDescent.convex(2, 3, 0.5).value()).isCloseTo(27.0, within(1e-12));
    assertThat(MedianGradientDescent.nonConvexIterations(2, 4, 0.5)).isEqualTo(64.0);
    assertThat(MedianGradientDescent.nonConvex(2, 4, 0.5).value()).isCloseTo(0.7071068, within(1e-7));
    assertThat(MedianGradientDescent.assumption5Radius(1, 4, 0.5)).isCloseTo(48.0, within(1e-12));
    assertThat(MedianGradientDescent.convex(2, 3, 0.5).citation().id()).isEqualTo("YIN-T2");
    assertThat(MedianGradientDescent.nonConvex(2, 4, 0.5).citation().id()).isEqualTo("YIN-T3");
    assertThatThrownBy(() -> MedianGradientDescent.convex(2, 3, 0)).hasMessageContaining("Δ > 0");
    assertThatThrownBy(() -> MedianGradientDescent.nonConvex(2, -1, 0.5)).hasMessageContaining("F(w⁰) − F(w*) ≥ 0");
  }

  /**
   * The floor (3) at α = 0.1, n = 100, m = 10⁴, d = 1, L̂D = 1, S = 0.5: α/√n = 0.01,
   * √(log(10⁶)/10⁶) = 0.0037169, S/n = 0.005; total 0.0187169, dominated by α/√n. Exponents of n:
   * −1/2, −1/2, −1.
   */
  @Test
  void medianFloorShape() {
    var shape = MedianGradientDescent.floorShape(MedianGradientDescent.T1);
    var at = Map.of("alpha", 0.1, "n", 100.0, "m", 10_000.0, "d", 1.0, "LD", 1.0, "S", 0.5);
    assertThat(shape.evaluate(at)).isCloseTo(0.0187169, within(1e-7));
    assertThat(shape.dominantTerm(at).label()).isEqualTo("α/√n");
    assertThat(shape.exponentsOf("n")).containsExactly(-0.5, -0.5, -1.0);
    assertThat(shape.exponentsOf("d")).containsExactly(0.0, 0.5, 0.0);
    assertThat(MedianGradientDescent.floorShape(MedianGradientDescent.T3).citation().id()).isEqualTo("YIN-T3");
    assertThatThrownBy(() -> MedianGradientDescent.floorShape(TrimmedMeanGradientDescent.T4))
        .hasMessageContaining("YIN-T1, T2 or T3");
  }

  /**
   * Δ′ (Theorem 11) at v = 1, ε = 1/4, β = 0.1, n = 100, m = 100, d = 2, L̂D = 1: √(log(10⁴ + 1) + log(100)/2)
   * = √(9.210440 + 2.302585) = 3.393085; 3√2·0.1·2/10 + 2·2/100 = 0.0848528 + 0.04 = 0.1248528; ×4 ×3.393085
   * = 1.694545. Failure probabilities at n = m = 10, d = 1, L̂D = 1: Theorem 11's 2·11/101 = 0.2178218 vs
   * the printed 4/101 = 0.0396040.
   */
  @Test
  void trimmedMeanTheorems() {
    assertThat(TrimmedMeanGradientDescent.deltaPrime(0.05, 0.1, 0.25, 1, 100, 100, 2, 1).value())
        .isCloseTo(1.694545, within(1e-5));
    assertThat(TrimmedMeanGradientDescent.failureProbability(10, 10, 1, 1)).isCloseTo(0.2178218, within(1e-7));
    assertThat(TrimmedMeanGradientDescent.statedFailureProbability(10, 10, 1, 1)).isCloseTo(0.0396040, within(1e-7));
    assertThat(TrimmedMeanGradientDescent.conditions(0.1, 0.05, 0.1).failedNames()).containsExactly("α ≤ β");
    assertThat(TrimmedMeanGradientDescent.conditions(0.1, 0.45, 0.1).failedNames()).containsExactly("β ≤ 1/2 − ε");
    assertThatThrownBy(() -> TrimmedMeanGradientDescent.deltaPrime(0.2, 0.1, 0.25, 1, 100, 100, 2, 1))
        .hasMessageContaining("α ≤ β");
    assertThatThrownBy(() -> TrimmedMeanGradientDescent.deltaPrime(0.05, 0.1, 0.25, 0, 100, 100, 2, 1))
        .hasMessageContaining("v > 0");
    // Theorems 4–6 are Theorems 1–3 with Δ′: same numbers as in theorem1/theorems2And3, their own citations.
    assertThat(TrimmedMeanGradientDescent.stronglyConvex(1, 3, 2, 8, 0.1).value()).isCloseTo(4.7, within(1e-12));
    assertThat(TrimmedMeanGradientDescent.stronglyConvex(1, 3, 2, 8, 0.1).citation().id()).isEqualTo("YIN-T4");
    assertThat(TrimmedMeanGradientDescent.iterationsToFloor(1, 3, 8, 0.1)).isCloseTo(14.75552, within(1e-5));
    assertThat(TrimmedMeanGradientDescent.convexIterations(2, 3, 0.5)).isEqualTo(12.0);
    assertThat(TrimmedMeanGradientDescent.convex(2, 3, 0.5).value()).isCloseTo(27.0, within(1e-12));
    assertThat(TrimmedMeanGradientDescent.convex(2, 3, 0.5).citation().id()).isEqualTo("YIN-T5");
    assertThat(TrimmedMeanGradientDescent.nonConvexIterations(2, 4, 0.5)).isEqualTo(64.0);
    assertThat(TrimmedMeanGradientDescent.nonConvex(2, 4, 0.5).citation().id()).isEqualTo("YIN-T6");
    // (5): d enters linearly; exponents of β 1 and 0, of n −1/2 twice.
    var shape = TrimmedMeanGradientDescent.floorShape(TrimmedMeanGradientDescent.T5);
    assertThat(shape.exponentsOf("d")).containsExactly(1.0, 1.0);
    assertThat(shape.exponentsOf("beta")).containsExactly(1.0, 0.0);
    assertThat(shape.exponentsOf("eps")).containsExactly(-1.0, -1.0);
    assertThat(TheoryCatalog.discrepancies()).extracting(Discrepancy::id).contains("YIN-T4");
  }

  /**
   * Median rate at α = 0.1, n = 10⁶, m = 10: terms 10⁻⁴, 10^{−3.5} = 3.1623e−4, 10⁻⁶; slope in n
   * −(0.5·4.1623e−4 + 10⁻⁶)/4.1723e−4 = −0.501198. At α = 0, n = 10⁶, m = 100: terms 0, 10⁻⁴, 10⁻⁶, slope in
   * m −0.5·10⁻⁴/1.01e−4 = −0.4950495. Linear in α: R(0.2) − R(0.1) = 0.1/√n = 10⁻⁴.
   * At n = 1 (α = β = 0.1, m = 100) the median's 1/n = 1 dominates while the trimmed mean is 0.1 + 0.1 = 0.2.
   */
  @Test
  void statisticalRates() {
    var med = StatisticalRates.median();
    assertThat(med.localSlope("n", Map.of("alpha", 0.1, "n", 1e6, "m", 10.0))).isCloseTo(-0.501198, within(1e-6));
    assertThat(med.localSlope("m", Map.of("alpha", 0.0, "n", 1e6, "m", 100.0))).isCloseTo(-0.4950495, within(1e-7));
    assertThat(med.evaluate(Map.of("alpha", 0.2, "n", 1e6, "m", 10.0)) - med.evaluate(Map.of("alpha", 0.1, "n", 1e6, "m", 10.0)))
        .isCloseTo(1e-4, within(1e-12));
    assertThat(med.dominantTerm(Map.of("alpha", 0.1, "n", 1.0, "m", 100.0)).label()).isEqualTo("1/n");
    var trm = StatisticalRates.trimmedMean();
    assertThat(trm.evaluate(Map.of("beta", 0.1, "n", 1.0, "m", 100.0))).isCloseTo(0.2, within(1e-12));
    assertThat(trm.exponentsOf("n")).containsExactly(-0.5, -0.5);
    assertThat(trm.terms()).hasSize(2);
  }

  /**
   * Theorem 7 at α = 0.1, ε = 0.1, n = 10⁴, m = 10³, d = 10, C̃ = 2, σ̃ = 1: log(10⁸) = 18.420681,
   * /(2·10³·0.9) → √ = 0.1011618; bracket 0.1 + 0.1011618 + 0.02 = 0.2211618 ≤ 0.4. C_{0.1} =
   * √(2π)·exp(1.2815516²/2) = 5.698060 (Φ⁻¹(0.9) by bisection below); bound 5.698060/100·0.2211618 = 0.01260193.
   * Failure probability 4/10⁷.
   * C_k at ς = σ̃ = ν₂ = ν₃ = λ_F = 1, p_F = 0, n = 1: 0.1393 + 2.3356 + (2(2/π)^{1/6} + 2 + 2^{2/3}) +
   * ((8/π)^{1/6} + 2) + min{4, 24} = 0.1393 + 2.3356 + (1.854998 + 3.587401) + (1.168575 + 2) + 4 = 15.085874.
   */
  @Test
  void theorem7() {
    double q = inverseNormal(0.9);
    double cEps = Math.sqrt(2 * Math.PI) * Math.exp(q * q / 2);
    assertThat(cEps).isCloseTo(5.698060, within(1e-6));
    assertThat(RobustOneRound.bound(0.1, 0.1, 10_000, 1000, 10, 2, 1).value()).isCloseTo(cEps / 100 * 0.2211618,
        within(1e-8));
    assertThat(RobustOneRound.failureProbability(10_000, 1000)).isCloseTo(4e-7, within(1e-20));
    assertThat(RobustOneRound.cK(1, 1, 1, 1, 1, 0, 1)).isCloseTo(15.085874, within(1e-6));
    assertThat(RobustOneRound.conditions(0.1, 0.1, 100, 10, 10, 2).failedNames()).singleElement().asString()
        .startsWith("α + √(log(nmd)");
    assertThatThrownBy(() -> RobustOneRound.bound(0.1, 0.1, 10_000, 1000, 10, 2, -1)).hasMessageContaining("σ̃ ≥ 0");
    assertThatThrownBy(() -> RobustOneRound.cK(1, 0, 1, 1, 1, 0, 1)).hasMessageContaining("σ̃_k > 0");
    assertThat(RobustOneRound.shape().exponentsOf("n")).containsExactly(-0.5, -0.5, -1.0);
  }

  /**
   * Appendix G at α = 0.2, σ = 1, n = 4: TV = 0.2/0.8 = 0.25; exact separation 2Φ⁻¹(1/1.6)/2 = Φ⁻¹(0.625) =
   * 0.3186394 (bisection); the paper's 2·0.2/(0.8·2) = 0.25 is below it, as its proof says. Shape at α = 0.1,
   * n = m = d = 100: 0.01 + √(100/10⁴) = 0.11.
   */
  @Test
  void observation1() {
    assertThat(MeanEstimationLowerBound.totalVariation(0.2)).isCloseTo(0.25, within(1e-15));
    double exact = inverseNormal(0.625);
    assertThat(exact).isCloseTo(0.3186394, within(1e-7));
    assertThat(MeanEstimationLowerBound.separation(0.2, 1, 4).value()).isCloseTo(exact, within(1e-9));
    assertThat(MeanEstimationLowerBound.paperSeparation(0.2, 1, 4).value()).isCloseTo(0.25, within(1e-15))
        .isLessThanOrEqualTo(exact);
    assertThat(MeanEstimationLowerBound.shape().evaluate(Map.of("alpha", 0.1, "n", 100.0, "m", 100.0, "d", 100.0)))
        .isCloseTo(0.11, within(1e-12));
    assertThat(MeanEstimationLowerBound.conditions(0.5, 1, 4).failedNames()).containsExactly("α ∈ (0, 1/2)");
    assertThatThrownBy(() -> MeanEstimationLowerBound.separation(0.2, 0, 4)).hasMessageContaining("σ > 0");
    assertThat(TheoryCatalog.discrepancies()).extracting(Discrepancy::id).contains("YIN-OBS1");
  }
}
