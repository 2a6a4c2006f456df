package io.byzcheck.kernels.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.kernels.FiniteWorkers;
import org.junit.jupiter.api.Test;

class VectorsTest {
  @Test
  void theOnePassRoundingAgreesWithRoundingThenTheFiniteScreen() {
    double big = 3.4028234663852886e38; // Float.MAX_VALUE as a double: finite in float32
    double[][] cases = {
        {1, -2.5, 0}, {big, -big}, {big * 1.0000001}, {-big * 2}, {Double.NaN, 1}, {1, Double.POSITIVE_INFINITY},
        {Double.NEGATIVE_INFINITY}, {1e-50, -0.0}, {}, new double[37]};
    cases[9][36] = Double.NaN; // past every lane width, at an awkward length
    for (double[] a : cases) {
      float[] onePass = new float[a.length];
      boolean finite = Vectors.toFiniteFloats(a, onePass);
      float[] rounded = Vectors.toFloats(a);
      assertThat(onePass).containsExactly(rounded);
      assertThat(finite).as("%s", java.util.Arrays.toString(a)).isEqualTo(FiniteWorkers.allFinite(rounded));
    }
    assertThat(Vectors.toFiniteFloats(new double[] {big}, new float[1])).isTrue();
    assertThat(Vectors.toFiniteFloats(new double[] {big * 1.0000001}, new float[1])).isFalse();
  }
}
