package io.byzcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.theory.yin.Median;
import io.byzcheck.theory.yin.MedianCondition;
import io.byzcheck.theory.yin.RegressionGradientMoments;
import io.byzcheck.theory.yin.TrimmedMean;
import org.junit.jupiter.api.Test;

/** Yin et al.: Definitions 1–2, Propositions 1–3, condition (2). */
class YinDefinitionsTest {

  /** Odd m: middle value; even m: midpoint of the two middle values. Columns of the 4×2 input sort to
   * (1, 2, 3, 100) → 2.5 and (−5, 10, 20, 30) → 15. */
  @Test
  void coordinateWiseMedian() {
    assertThat(Median.median(3, 1, 2)).isEqualTo(2.0);
    assertThat(Median.median(4, 1, 3, 2)).isEqualTo(2.5);
    assertThat(Median.of(new double[][] {{1, 10}, {3, 30}, {2, 20}, {100, -5}}))
        .containsExactly(2.5, 15.0);
    assertThatThrownBy(() -> Median.median()).hasMessageContaining("m ≥ 1");
    assertThatThrownBy(() -> Median.median(1, Double.NaN)).hasMessageContaining("finite");
    assertThatThrownBy(() -> Median.of(new double[][] {{1, 2}, {3}})).hasMessageContaining("one dimension");
  }

  /**
   * β = 1/4, m = 4: drop 1 and 100 from (1, 2, 3, 100), (2 + 3)/((1 − 1/2)·4) = 5/2; normalisation 1/2.
   * Ten identical 7s with β = 0.1: 8·7/(0.8·10) = 7. β = 0 is the mean.
   */
  @Test
  void trimmedMean() {
    assertThat(TrimmedMean.trimmedMean(0.25, 1, 2, 3, 100)).isCloseTo(2.5, within(1e-15));
    assertThat(TrimmedMean.normalisation(0.25, 4)).isEqualTo(0.5);
    assertThat(TrimmedMean.trimmedMean(0.1, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7)).isCloseTo(7.0, within(1e-12));
    assertThat(TrimmedMean.trimmedMean(0, 1, 2, 6)).isCloseTo(3.0, within(1e-15));
    assertThat(TrimmedMean.of(new double[][] {{1, -1}, {2, -2}, {3, -3}, {100, -100}}, 0.25)).containsExactly(2.5, -2.5);
    assertThat(TrimmedMean.trimmedPerSide(0.2, 10)).isEqualTo(2);
    assertThat(TrimmedMean.conditions(0.2, 4).failedNames()).containsExactly("βm is an integer");
    assertThatThrownBy(() -> TrimmedMean.normalisation(0.5, 4)).hasMessageContaining("β ∈ [0, 1/2)");
    assertThatThrownBy(() -> TrimmedMean.trimmedMean(0.2, 1, 2, 3, 4)).hasMessageContaining("βm is an integer");
    assertThat(TheoryCatalog.discrepancies()).extracting(Discrepancy::id).contains("YIN-DEF2");
  }

  /**
   * Proposition 1's variance by a different route: enumerate the 8 sign vectors x of d = 3 with σ = 0 and
   * a = w − w* = (1, −2, 0.5): E‖(xxᵀ − I)a‖²; the formula (d − 1)‖a‖² = 2·5.25 = 10.5. The noise adds
   * E[ξ²‖x‖²] = dσ² (= 3·4 = 12 at σ = 2).
   */
  @Test
  void rademacherVarianceByEnumeration() {
    double[] a = {1, -2, 0.5};
    double sum = 0;
    for (int mask = 0; mask < 8; mask++) {
      double[] x = new double[3];
      for (int i = 0; i < 3; i++) {
        x[i] = ((mask >> i) & 1) == 1 ? 1 : -1;
      }
      double xa = x[0] * a[0] + x[1] * a[1] + x[2] * a[2];
      for (int k = 0; k < 3; k++) {
        double dk = x[k] * xa - a[k];
        sum += dk * dk;
      }
    }
    double normA = Math.sqrt(1 + 4 + 0.25);
    assertThat(sum / 8).isCloseTo(10.5, within(1e-12));
    assertThat(RegressionGradientMoments.rademacherVariance(3, normA, 0).value()).isCloseTo(sum / 8, within(1e-12));
    assertThat(RegressionGradientMoments.rademacherVariance(3, normA, 2).value()).isCloseTo(10.5 + 12, within(1e-12));
  }

  /**
   * Gaussian (A.2): (d + 1)‖a‖² + dσ² at d = 3, ‖a‖ = 2, σ = 1: 16 + 3 = 19. Skewness constants: 480 stated,
   * √(32·15) = 21.9089 from the proof; 429 stated, √(243·6040/8) = √183465 = 428.328 from the proof.
   * Proposition 2: v = √(σ² + ‖w − w*‖²) = √(16 + 9) = 5.
   */
  @Test
  void gaussianVarianceSkewnessAndSubExponential() {
    assertThat(RegressionGradientMoments.gaussianVariance(3, 2, 1).value()).isCloseTo(19.0, within(1e-12));
    assertThat(RegressionGradientMoments.rademacherSkewness().value()).isEqualTo(480.0);
    assertThat(RegressionGradientMoments.rademacherSkewnessFromProof()).isCloseTo(21.9089, within(1e-4));
    assertThat(RegressionGradientMoments.gaussianSkewness().value()).isEqualTo(429.0);
    assertThat(RegressionGradientMoments.gaussianSkewnessFromProof()).isCloseTo(428.328, within(1e-3))
        .isLessThanOrEqualTo(429);
    assertThat(RegressionGradientMoments.subExponentialParameter(3, 4).value()).isCloseTo(5.0, within(1e-12));
    assertThat(RegressionGradientMoments.subExponentialParameter(0, 4).citation().id()).isEqualTo("YIN-P2");
    assertThatThrownBy(() -> RegressionGradientMoments.rademacherVariance(0, 1, 1)).hasMessageContaining("d ≥ 1");
    assertThatThrownBy(() -> RegressionGradientMoments.gaussianVariance(2, 1, -1)).hasMessageContaining("σ ≥ 0");
    assertThatThrownBy(() -> RegressionGradientMoments.subExponentialParameter(-1, 1)).hasMessageContaining("‖w − w*‖ ≥ 0");
    assertThat(TheoryCatalog.discrepancies()).extracting(Discrepancy::id).contains("YIN-P1");
  }

  /**
   * (2) at α = 0.1, n = 100, m = 10⁴, d = 1, L̂D = 1, S = 1: log(1 + 10⁶) = 13.81551, /(10⁴·0.9) → √ =
   * 0.0391799; 0.4748/10 = 0.04748; total 0.1866598 ≤ 1/2 − 1/6 = 0.3333. Failure probability 4/(1+10⁶).
   * At m = 50 the middle term is √(log 5001/45) = 0.43506, total 0.5825 > 1/2: fails for every ε.
   */
  @Test
  void conditionTwo() {
    assertThat(MedianCondition.leftHandSide(0.1, 100, 10_000, 1, 1, 1)).isCloseTo(0.1866598, within(1e-7));
    assertThat(MedianCondition.conditions(0.1, 1.0 / 6, 100, 10_000, 1, 1, 1).admissible()).isTrue();
    assertThat(MedianCondition.failureProbability(100, 10_000, 1, 1)).isCloseTo(3.999996e-6, within(1e-12));
    assertThat(MedianCondition.conditions(0.1, 0.01, 100, 50, 1, 1, 1).failedNames()).singleElement()
        .asString().startsWith("(2)");
    assertThat(MedianCondition.conditions(0.6, 0.1, 100, 50, 1, 1, 1).failedNames()).containsExactly("α ∈ [0, 1/2)");
    assertThat(MedianCondition.conditions(0.1, 0, 100, 50, 1, 1, 1).failedNames()).containsExactly("ε > 0");
    assertThatThrownBy(() -> MedianCondition.leftHandSide(0.1, 0, 1, 1, 1, 1)).hasMessageContaining("n ≥ 1");
    assertThatThrownBy(() -> MedianCondition.failureProbability(1, 1, 1, 0)).hasMessageContaining("L̂D > 0");
  }
}
