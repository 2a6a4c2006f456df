package io.byzcheck.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Proves each surefire execution really runs the configuration it claims to. */
@Tag("vector-width")
class VectorizationTest {

  @Test
  void runsTheConfiguredImplementation() {
    String description = Vectorization.describe();
    System.out.println("[byzcheck] kernels run as: " + description);
    if (Boolean.getBoolean("byzcheck.expect.scalar")) {
      assertThat(Vectorization.enabled()).as(description).isFalse();
      return;
    }
    assertThat(Vectorization.enabled()).as(description).isTrue();
    int forced = Vectorization.forcedBitsOrZero();
    if (forced != 0) {
      assertThat(PanamaSpecies.FLOAT.vectorBitSize()).isEqualTo(forced);
      assertThat(description).contains(forced + "-bit");
    }
  }
}
