package io.byzcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.theory.alistarh.ByzantineSgdThresholds;
import io.byzcheck.theory.alistarh.GoodSetGuarantee;
import io.byzcheck.theory.alistarh.LowerBounds;
import io.byzcheck.theory.alistarh.NoiseModel;
import io.byzcheck.theory.alistarh.StronglyConvexRates;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alistarh et al.: Assumption 2.2, the good event, Theorems 3.4–3.5 and 4.3–4.4. */
class AlistarhTheoryTest {

  /** ‖(3, 4)‖ = 5; (10³⁰⁰, 10³⁰⁰) has norm √2·10³⁰⁰ without overflow. */
  @Test
  void assumption22() {
    assertThat(NoiseModel.deviation(new double[] {3, 4}, new double[] {0, 0})).isEqualTo(5.0);
    assertThat(NoiseModel.deviation(new double[] {1e300, 1e300}, new double[] {0, 0}))
        .isCloseTo(Math.sqrt(2) * 1e300, within(1e286));
    double[][] good = {{3, 4}, {0, 1}};
    assertThat(NoiseModel.admits(good, new double[] {0, 0}, 5).admissible()).isTrue();
    assertThat(NoiseModel.admits(good, new double[] {0, 0}, 4.9).failedNames())
        .containsExactly("‖∇_{k,i} − ∇f(x_k)‖ ≤ 𝒱 for machine 0");
    assertThatThrownBy(() -> NoiseModel.admits(good, new double[] {0, 0}, -1)).hasMessageContaining("𝒱 ≥ 0");
    assertThatThrownBy(() -> NoiseModel.deviation(new double[] {1}, new double[] {1, 2})).hasMessageContaining("one dimension");
  }

  /**
   * Thresholds at m = 10, T = 100, δ = 0.16, D = 2, 𝒱 = 0.5: 𝔗_A = 135.7228, 𝔗_B = 67.8614, 4𝒱 = 2 (see
   * PaperConstantsTest). |A_i − A_med| = 100 and ‖B_i − B_med‖ = 60 pass, ‖∇_{k,i} − ∇_med‖ = 3 &gt; 2 fails.
   */
  @Test
  void lineTenFilter() {
    ByzantineSgdThresholds t = ByzantineSgdThresholds.of(10, 100, 0.16, 2, 0.5);
    var verdict = GoodSetGuarantee.filter(t, 100, 0, new double[] {60, 0}, new double[] {0, 0}, new double[] {3, 0},
        new double[] {0, 0});
    assertThat(verdict.failedNames()).containsExactly("‖∇_{k,i} − ∇_med‖ ≤ 4𝒱");
    assertThat(GoodSetGuarantee.filter(t, 200, 0, new double[] {0, 0}, new double[] {0, 0}, new double[] {0, 0},
        new double[] {0, 0}).failedNames()).containsExactly("|A_i − A_med| ≤ 𝔗_A");
    assertThat(GoodSetGuarantee.successProbability(0.05).value()).isCloseTo(0.95, within(1e-15));
    assertThatThrownBy(() -> GoodSetGuarantee.successProbability(0)).hasMessageContaining("δ ∈ (0, 1)");
  }

  /**
   * The 4𝒱 radius is tight: 𝒱 = 1/2, ∇f = 0.5, good gradients 0, 0, 0, 1 (each within 𝒱 of ∇f), one
   * Byzantine at −1. −1 is a valid ∇_med (−1, 0, 0, 0 are within 2𝒱 = 1 of it: 4 &gt; 5/2), and the good
   * gradient 1 is then exactly 2 = 4𝒱 away: kept by line 10, with nothing to spare. 10 is not a valid median
   * in {0, 0.5, 1, 10, 11} (only 10 and 11 within 1: 2 ≤ 5/2).
   */
  @Test
  void vectorMedianAndTheFourVRadius() {
    double[][] g = {{0}, {0}, {0}, {1}, {-1}};
    assertThat(NoiseModel.admits(new double[][] {{0}, {0}, {0}, {1}}, new double[] {0.5}, 0.5).admissible()).isTrue();
    assertThat(GoodSetGuarantee.isValidMedian(g, 4, 0.5)).isTrue();
    assertThat(NoiseModel.deviation(g[3], g[4])).isEqualTo(GoodSetGuarantee.worstHonestDistanceToMedian(0.5, 0.2));
    assertThat(GoodSetGuarantee.worstHonestDistanceToMedian(0.5, 0.2))
        .isEqualTo(ByzantineSgdThresholds.of(5, 10, 0.1, 1, 0.5).filterRadius());
    double[][] h = {{0}, {0.5}, {1.0}, {10}, {11}};
    assertThat(GoodSetGuarantee.isValidMedian(h, 0, 0.5)).isTrue();
    assertThat(GoodSetGuarantee.isValidMedian(h, 3, 0.5)).isFalse();
    assertThatThrownBy(() -> GoodSetGuarantee.worstHonestDistanceToMedian(0.5, 0.5)).hasMessageContaining("α ∈ [0, 1/2)");
    assertThatThrownBy(() -> GoodSetGuarantee.isValidMedian(h, 5, 0.5)).hasMessageContaining("i ∈ [m]");
  }

  /**
   * Theorem 3.4 at L = 10, σ = 1, 𝒱 = 1, m = 100, ε = 0.01, α = 0.1: 10 + 1/(100·0.01) + 0.01/0.01 = 12,
   * dominated by L/σ. Theorem 3.5 at G = 1, σ = 1, ε = 0.1, 𝒱 = 1, m = 10, α = 0.1: 10 + 1 + 0.1 + 1 = 12.1.
   */
  @Test
  void theorems34And35() {
    var smooth = StronglyConvexRates.smooth();
    var at = Map.of("L", 10.0, "sigma", 1.0, "V", 1.0, "m", 100.0, "eps", 0.01, "alpha", 0.1);
    assertThat(smooth.evaluate(at)).isCloseTo(12.0, within(1e-12));
    assertThat(smooth.dominantTerm(at).label()).isEqualTo("L/σ");
    assertThat(smooth.exponentsOf("eps")).containsExactly(0.0, -1.0, -1.0);
    assertThat(smooth.exponentsOf("alpha")).containsExactly(0.0, 0.0, 2.0);
    var lip = StronglyConvexRates.lipschitz();
    assertThat(lip.evaluate(Map.of("G", 1.0, "sigma", 1.0, "eps", 0.1, "V", 1.0, "m", 10.0, "alpha", 0.1)))
        .isCloseTo(12.1, within(1e-12));
    assertThat(lip.citation().id()).isEqualTo("ALI-T35");
  }

  /**
   * Theorem 4.3 at D = 1, 𝒱 = 1, ε = 0.1, m = 100, α = 0.05: 100/100 + 0.0025·100 = 1.25; hard instance
   * slope G = ε/D = 0.1/2 = 0.05 at D = 2. Theorem 4.4 → Corollary 4.5: ε = σε̂²/2 = 2·0.01/2 = 0.01; with
   * that ε every term of the function-value shape is exactly twice the distance shape's (𝒱²/(mσε) =
   * 2𝒱²/(mσ²ε̂²)).
   */
  @Test
  void lowerBounds() {
    assertThat(LowerBounds.convex().evaluate(Map.of("D", 1.0, "V", 1.0, "eps", 0.1, "m", 100.0, "alpha", 0.05)))
        .isCloseTo(1.25, within(1e-12));
    assertThat(LowerBounds.convexInstanceLipschitz(0.05, 2, 1, 0.1)).isCloseTo(0.05, within(1e-15));
    double eps = LowerBounds.functionValueAccuracy(0.05, 2, 0.1);
    assertThat(eps).isCloseTo(0.01, within(1e-15));
    var distance = Map.of("V", 1.5, "m", 7.0, "sigma", 2.0, "epshat", 0.1, "alpha", 0.05);
    var value = Map.of("V", 1.5, "m", 7.0, "sigma", 2.0, "eps", eps, "alpha", 0.05);
    assertThat(LowerBounds.stronglyConvexFunctionValue().evaluate(value) / LowerBounds.stronglyConvex().evaluate(distance))
        .isCloseTo(2.0, within(1e-12));
    assertThat(LowerBounds.conditions(LowerBounds.T43, 0.1, 1, 1, 1).failedNames()).containsExactly("α ∈ (0, 0.1)");
    assertThatThrownBy(() -> LowerBounds.convexInstanceLipschitz(0.05, 0, 1, 0.1)).hasMessageContaining("> 0");
    assertThatThrownBy(() -> LowerBounds.functionValueAccuracy(0.2, 2, 0.1)).hasMessageContaining("α ∈ (0, 0.1)");
  }
}
