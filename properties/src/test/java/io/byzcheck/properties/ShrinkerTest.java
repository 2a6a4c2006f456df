package io.byzcheck.properties;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShrinkerTest {

  /** "Violates" when some value exceeds 5: the shrunk input is one worker, one coordinate, rounded to 7. */
  @Test
  void dropsWorkersAndCoordinatesAndRoundsWhileStillViolating() {
    double[][] x = {{0.1, 0.2, 0.3}, {1.5, 7.2813, -2}, {0.4, 0.5, 0.6}, {3, 2, 1}};
    Shrinker.Candidate c = Shrinker.shrink(new Shrinker.Candidate(x, 1), t -> {
      for (double[] row : t.x()) {
        for (double v : row) {
          if (v > 5) {
            return true;
          }
        }
      }
      return false;
    });
    assertThat(c.x()).hasDimensions(1, 1);
    assertThat(c.x()[0][0]).isEqualTo(7.0);
    assertThat(c.f()).isZero();
  }

  @Test
  void literalIsPasteableFloatSource() {
    assertThat(Literals.floatMatrix(new double[][] {{1, -0.5}, {1e-3, 2}}))
        .isEqualTo("new float[][] {{1.0f, -0.5f}, {0.001f, 2.0f}}");
  }
}
