package io.byzcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.theory.resam.CoordinateWiseDiameter;
import io.byzcheck.theory.resam.KrumSelectionLemma;
import io.byzcheck.theory.resam.MedianPosition;
import io.byzcheck.theory.resam.ResilienceCoefficient;
import io.byzcheck.theory.resam.ResilientAveraging;
import org.junit.jupiter.api.Test;

/** RESAM: Definition 2, the sanity check, Lemmas 5, 6 and 10. */
class ResamDefinitionsTest {

  /**
   * x = (0,0), (2,0), Byzantine (10,10); S = {0, 1}, f = 1: diam 2, x̄_S = (1, 0). Output (1, 0.5) is 0.5 away:
   * holds at λ = 1/4 (0.5 ≤ 0.5), fails at λ = 1/5 (0.5 > 0.4).
   */
  @Test
  void definitionTwo() {
    double[][] xs = {{0, 0}, {2, 0}, {10, 10}};
    int[] s = {0, 1};
    assertThat(ResilientAveraging.diameter(xs, s)).isEqualTo(2.0);
    assertThat(ResilientAveraging.subsetMean(xs, s)).containsExactly(1.0, 0.0);
    assertThat(ResilientAveraging.rightHandSide(0.25, xs, s)).isEqualTo(0.5);
    assertThat(ResilientAveraging.check(new double[] {1, 0.5}, xs, s, 1, 0.25).admissible()).isTrue();
    assertThat(ResilientAveraging.check(new double[] {1, 0.5}, xs, s, 1, 0.2).failedNames()).singleElement()
        .asString().startsWith("‖F(x) − x̄_S‖ ≤ λ");
    assertThat(ResilientAveraging.check(new double[] {1, 0.5}, xs, new int[] {0}, 1, 0.2).failedNames())
        .containsExactly("|S| = n − f");
    assertThatThrownBy(() -> ResilientAveraging.rightHandSide(-1, xs, s)).hasMessageContaining("λ ≥ 0");
    assertThatThrownBy(() -> ResilientAveraging.diameter(xs, new int[] {0, 3})).hasMessageContaining("S ⊆ [n]");
    assertThatThrownBy(() -> ResilientAveraging.diameter(new double[][] {{0}, {Double.NaN}}, new int[] {0}))
        .hasMessageContaining("finite");
  }

  /**
   * Proposition 2's construction through Definition 2: n = 4, f = 1, x = 0, 0, 0, 1. S₀ = {0,1,2} has diameter 0,
   * forcing output 0 (the sanity check); then S₁ = {1,2,3} has mean 1/3 and diameter 1, so 1/3 ≤ λ: λ = f/(n−f)
   * = 1/3 passes, λ = 0.3 fails.
   */
  @Test
  void sanityCheckAndTheLowerBoundConstruction() {
    double[][] xs = {{0}, {0}, {0}, {1}};
    assertThat(ResilientAveraging.sanity(new double[] {0}, xs, new int[] {0, 1, 2}).admissible()).isTrue();
    assertThat(ResilientAveraging.sanity(new double[] {0.01}, xs, new int[] {0, 1, 2}).failedNames())
        .containsExactly("F(x₁..xₙ) = x when xᵢ = x for all i ∈ S");
    double lb = ResilienceCoefficient.lowerBound(4, 1).value();
    assertThat(ResilientAveraging.check(new double[] {0}, xs, new int[] {1, 2, 3}, 1, lb).admissible()).isTrue();
    assertThat(ResilientAveraging.check(new double[] {0}, xs, new int[] {1, 2, 3}, 1, 0.3).admissible()).isFalse();
    assertThatThrownBy(() -> ResilientAveraging.sanity(new double[] {0}, xs, new int[] {0, 3}))
        .hasMessageContaining("identical honest inputs");
  }

  /**
   * Lemma 5 on S = {e₁, e₂, e₃} in d = 3: each coordinate ranges over [0, 1], so the left side is √3 = 1.7321;
   * diam = √2; factor min{2√3, √3} = √3; right side √6 = 2.4495. On |S| = 1, d = 9: factor min{2, 3} = 2.
   */
  @Test
  void lemmaFive() {
    double[][] xs = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    int[] s = {0, 1, 2};
    assertThat(CoordinateWiseDiameter.of(xs, s)).isCloseTo(Math.sqrt(3), within(1e-15));
    assertThat(CoordinateWiseDiameter.bound(xs, s).value()).isCloseTo(Math.sqrt(6), within(1e-14));
    assertThat(CoordinateWiseDiameter.of(xs, s)).isLessThanOrEqualTo(CoordinateWiseDiameter.bound(xs, s).value());
    assertThat(CoordinateWiseDiameter.factor(1, 9)).isEqualTo(2.0);
    assertThatThrownBy(() -> CoordinateWiseDiameter.factor(0, 9)).hasMessageContaining("|S| ≥ 1");
    assertThatThrownBy(() -> CoordinateWiseDiameter.of(xs, new int[] {})).hasMessageContaining("non-empty");
  }

  /** Lemma 6 at n = 15, f = 5, q = 10: 1 + √(10/5) = 2.41421, times diam 2: 4.82843. */
  @Test
  void lemmaSix() {
    assertThat(KrumSelectionLemma.factor(15, 5, 10)).isCloseTo(1 + Math.sqrt(2), within(1e-15));
    assertThat(KrumSelectionLemma.distanceBound(15, 5, 10, 2).value()).isCloseTo(4.82843, within(1e-5));
    assertThatThrownBy(() -> KrumSelectionLemma.factor(15, 5, 11)).hasMessageContaining("q ≤ n − f");
    assertThatThrownBy(() -> KrumSelectionLemma.factor(10, 5, 1)).hasMessageContaining("f < n/2");
    assertThatThrownBy(() -> KrumSelectionLemma.distanceBound(15, 5, 1, -1)).hasMessageContaining("diameter ≥ 0");
  }

  /**
   * Lemma 10 at n = 5, f = 2 (n/2 − f = 1/2): values (1, 2, 3, 100, 200), median 3; S = {1, 2, 3}: 3 values ≤ 3,
   * 1 value ≥ 3. Exhaustively at n = 6, f = 2 (values 5, 1, 4, 2, 6, 3, median 3.5, need 1 per side): each S of
   * size 4 leaves out 2 indices, so it keeps at least one of the three values below 3.5 and one of the three
   * above: all 15 subsets pass.
   */
  @Test
  void lemmaTen() {
    assertThat(MedianPosition.minimumOnEachSide(5, 2)).isEqualTo(0.5);
    assertThat(MedianPosition.check(new double[] {1, 2, 3, 100, 200}, new int[] {0, 1, 2}, 2).admissible()).isTrue();
    double[] v = {5, 1, 4, 2, 6, 3};
    int subsets = 0;
    for (int mask = 0; mask < 64; mask++) {
      if (Integer.bitCount(mask) != 4) {
        continue;
      }
      int[] s = new int[4];
      int j = 0;
      for (int i = 0; i < 6; i++) {
        if ((mask >> i & 1) == 1) {
          s[j++] = i;
        }
      }
      assertThat(MedianPosition.check(v, s, 2).admissible()).as("S mask %d", mask).isTrue();
      subsets++;
    }
    assertThat(subsets).isEqualTo(15);
    assertThatThrownBy(() -> MedianPosition.minimumOnEachSide(6, 3)).hasMessageContaining("f < n/2");
    assertThatThrownBy(() -> MedianPosition.check(v, new int[] {0, 1}, 2)).hasMessageContaining("|S| = n − f");
    assertThat(TheoryCatalog.discrepancies()).extracting(Discrepancy::id).contains("RES-L10");
  }
}
