package io.byzcheck.kernels.internal.vectorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.byzcheck.kernels.Backend;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Proves each surefire execution really runs the configuration it claims to. */
@Tag("vector-width")
class VectorizationTest {

  @Test
  void runsTheConfiguredImplementation() {
    VectorizationProvider p = VectorizationProvider.getInstance();
    String description = Backend.describe();
    System.out.println("[byzcheck] kernels run as: " + description);
    assertThat(VectorSettings.TEST_MODE).as("surefire sets -D%s=true", VectorSettings.TESTS_PROPERTY).isTrue();
    if (Boolean.getBoolean("byzcheck.expect.scalar")) {
      assertThat(p.vectorized()).as(description).isFalse();
      assertThat(p.coordinateKernels()).isInstanceOf(ScalarCoordinateKernels.class);
      assertThat(p.gramKernel()).isInstanceOf(ScalarGramKernel.class);
      assertThat(description).contains("add --add-modules jdk.incubator.vector");
      assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isEmpty();
      return;
    }
    assertThat(p.vectorized()).as(description).isTrue();
    assertThat(p.coordinateKernels()).isInstanceOf(PanamaCoordinateKernels.class);
    assertThat(p.gramKernel()).isInstanceOf(PanamaGramKernel.class);
    int forced = VectorSettings.FORCED_BITS;
    if (forced != 0) {
      assertThat(PanamaSpecies.FLOAT.vectorBitSize()).isEqualTo(forced);
      assertThat(description).contains(forced + "-bit");
    }
  }

  @Test
  void aForcedWidthMustBeOneTheKernelsSupport() {
    assertThat(VectorSettings.forcedBits(null)).isZero();
    assertThat(VectorSettings.forcedBits(" 256 ")).isEqualTo(256);
    assertThatThrownBy(() -> VectorSettings.forcedBits("1024"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("byzcheck.vector.bits must be 128, 256 or 512, got '1024'");
  }
}
