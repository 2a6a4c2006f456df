package io.byzcheck.properties.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScenarioTest {

  @Test
  void sameDescriptorSameInputAndEveryValueIsAFloat() {
    for (HonestFamily h : HonestFamily.values()) {
      for (ByzantinePlacement p : ByzantinePlacement.values()) {
        Scenario s = new Scenario(9, 4, 3, h, p, 77L);
        double[][] a = s.build();
        assertThat(Arrays.deepEquals(a, s.build())).as("%s replays", s).isTrue();
        for (double[] row : a) {
          for (double v : row) {
            assertThat((double) (float) v).as("%s float32 value", s).isEqualTo(v);
            assertThat(Double.isFinite(v)).isTrue();
          }
        }
      }
    }
    double[][] a = new Scenario(9, 4, 3, HonestFamily.ISOTROPIC, ByzantinePlacement.ALIE, 1).build();
    double[][] b = new Scenario(9, 4, 3, HonestFamily.ISOTROPIC, ByzantinePlacement.ALIE, 2).build();
    assertThat(Arrays.deepEquals(a, b)).isFalse();
  }

  @Test
  void coincidentHonestRowsAreIdenticalAndLowerBoundIsZerosAndOnes() {
    double[][] x = new Scenario(7, 3, 2, HonestFamily.COINCIDENT, ByzantinePlacement.FAR_OUTLIERS, 3).build();
    long identical = Arrays.stream(x).filter(r -> Arrays.equals(r, x[0])).count()
        + Arrays.stream(x).filter(r -> !Arrays.equals(r, x[0])).filter(r -> Arrays.stream(x)
            .filter(q -> Arrays.equals(q, r)).count() >= 4).count();
    assertThat(identical).isGreaterThanOrEqualTo(4);
    double[][] lb = new Scenario(7, 3, 2, HonestFamily.ISOTROPIC, ByzantinePlacement.LOWER_BOUND_CONSTRUCTION, 3)
        .build();
    assertThat(Arrays.stream(lb).filter(r -> r[0] == 0 && r[1] == 0).count()).isEqualTo(4);
    assertThat(Arrays.stream(lb).filter(r -> r[0] == 1 && r[1] == 1).count()).isEqualTo(3);
  }

  @Test
  void rejectsImpossibleShapes() {
    assertThatThrownBy(() -> new Scenario(3, 3, 1, HonestFamily.ISOTROPIC, ByzantinePlacement.ALIE, 1))
        .hasMessageContaining("0 ≤ f < n");
    assertThatThrownBy(() -> new Scenario(3, 1, 0, HonestFamily.ISOTROPIC, ByzantinePlacement.ALIE, 1))
        .hasMessageContaining("d ≥ 1");
  }
}
