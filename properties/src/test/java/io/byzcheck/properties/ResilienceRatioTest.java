package io.byzcheck.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ResilienceRatioTest {

  /**
   * x = (0, 0, 1), f = 1, F(x) = 0. Subsets of size 2: {0, 0}: x̄ = 0, diameter 0, left side 0 → 0;
   * {0, 1} (twice): x̄ = 1/2, diameter 1 → 1/2. So sup_S = 1/2, and with λ = 1/2 the ratio is 1.
   */
  @Test
  void handWorkedThreePoints() {
    double[][] x = {{0}, {0}, {1}};
    ResilienceRatio.Worst w = ResilienceRatio.maximise(x, new double[] {0}, 1, 0.5, 0, 1);
    assertThat(w.ratio()).isCloseTo(1.0, within(1e-15));
    assertThat(w.exact()).isTrue();
    assertThat(w.subset()).hasSize(2).contains(2);
  }

  /**
   * Two dimensions: x = ((0,0), (2,0), (0,2)), f = 1, F = (0,0). S = {(2,0),(0,2)}: x̄ = (1,1),
   * ‖F − x̄‖ = √2, diameter √8 → 1/2; S = {(0,0),(2,0)}: x̄ = (1,0), 1/2 → 1/2. sup = 1/2.
   */
  @Test
  void handWorkedTwoDimensions() {
    double[][] x = {{0, 0}, {2, 0}, {0, 2}};
    assertThat(ResilienceRatio.maximise(x, new double[] {0, 0}, 1, 1, 0, 1).ratio()).isCloseTo(0.5, within(1e-15));
  }

  /**
   * A required member (a rule's trusted pivot): x = 0, 1, 10, f = 1, F = 1/2. S = {0, 1}: 0; {0, 10}: |1/2 − 5|/10 =
   * 0.45; {1, 10}: |1/2 − 11/2|/9 = 5/9. Over every S 5/9; over the S holding worker 0 only 0.45.
   */
  @Test
  void aRequiredMemberRestrictsTheSubsets() {
    double[][] x = {{0}, {1}, {10}};
    assertThat(ResilienceRatio.maximise(x, new double[] {0.5}, 1, 1, 0, 1).ratio()).isCloseTo(5.0 / 9, within(1e-15));
    ResilienceRatio.Worst w = ResilienceRatio.maximise(x, new double[] {0.5}, 1, 1, 0, 1, 0);
    assertThat(w.ratio()).isCloseTo(0.45, within(1e-15));
    assertThat(w.subset()).containsExactly(0, 2);
    // The heuristic (C(20, 10) subsets): its candidates and swaps keep the required member.
    double[][] y = new double[20][];
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    for (int i = 0; i < 20; i++) {
      y[i] = new double[] {rnd.nextGaussian(), rnd.nextGaussian()};
    }
    for (int required : new int[] {0, 7, 19}) {
      ResilienceRatio.Worst h = ResilienceRatio.maximise(y, new double[] {5, 5}, 10, 1, 0, 1, required);
      assertThat(h.exact()).isFalse();
      assertThat(h.subset()).as("required %d", required).contains(required);
    }
  }

  @Test
  void zeroDiameterIsZeroWhenFEqualsThePointAndInfiniteOtherwise() {
    // Every subset has diameter 0 (all inputs equal), so only F(x) = (3, 3) is acceptable.
    double[][] x = {{3, 3}, {3, 3}, {3, 3}};
    assertThat(ResilienceRatio.maximise(x, new double[] {3, 3}, 1, 1, 0, 1).ratio()).isZero();
    assertThat(ResilienceRatio.maximise(x, new double[] {3, 3.5}, 1, 1, 0, 1).ratio()).isInfinite();
    // Within the output tolerance the deviation is forgiven.
    assertThat(ResilienceRatio.maximise(x, new double[] {3, 3.5}, 1, 1, 0.6, 1).ratio()).isZero();
  }

  /**
   * The RESAM Prop. 2 construction with n = 20, f = 9 (C(20, 9) = 167960 subsets: heuristic path) and
   * F = 0: the worst subset is the 9 ones with 2 zeros, x̄ = 9/11, diameter 1, so sup = 9/11. The
   * heuristic must find it (its "nearest to a 1" candidate is exactly that subset).
   */
  @Test
  void heuristicFindsTheLowerBoundConstructionsWorstSubset() {
    int n = 20;
    int f = 9;
    double[][] x = new double[n][1];
    for (int i = n - f; i < n; i++) {
      x[i][0] = 1;
    }
    ResilienceRatio.Worst w = ResilienceRatio.maximise(x, new double[] {0}, f, 1, 0, 5);
    assertThat(w.exact()).isFalse();
    assertThat(w.ratio()).isCloseTo(9.0 / 11, within(1e-12));
  }

  @Test
  void rejectsInvalidLambdaAndF() {
    double[][] x = {{0}, {1}};
    assertThatThrownBy(() -> ResilienceRatio.maximise(x, new double[] {0}, 0, 0, 0, 1)).hasMessageContaining("λ");
    assertThatThrownBy(() -> ResilienceRatio.maximise(x, new double[] {0}, 2, 1, 0, 1)).hasMessageContaining("f");
  }

  @Test
  void binomialCoefficients() {
    assertThat(ResilienceRatio.binomial(15, 5)).isEqualTo(3003.0);
    assertThat(ResilienceRatio.binomial(20, 9)).isEqualTo(167960.0, within(1e-6));
  }
}
