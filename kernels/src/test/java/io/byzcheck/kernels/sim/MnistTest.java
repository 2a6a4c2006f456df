package io.byzcheck.kernels.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.byzcheck.kernels.sim.problem.Dataset;
import io.byzcheck.kernels.sim.problem.IdxReader;
import io.byzcheck.kernels.sim.problem.Mnist;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class MnistTest {

  /** A 2×2×3 IDX tensor written by hand: magic 0x00000803, sizes 2, 2, 3, then 12 bytes. */
  private static byte[] handMadeIdx() {
    return new byte[] {0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 255};
  }

  @Test
  void readsARawIdxTensor() throws IOException {
    IdxReader.Tensor t = IdxReader.read(new ByteArrayInputStream(handMadeIdx()), "test");
    assertThat(t.shape()).containsExactly(2, 2, 3);
    assertThat(t.itemSize()).isEqualTo(6);
    assertThat(t.values()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255);
  }

  @Test
  void readsAGzippedIdxTensor() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(handMadeIdx());
    }
    assertThat(IdxReader.read(new ByteArrayInputStream(bytes.toByteArray()), "test").values()).endsWith(10, 255);
  }

  @Test
  void malformedFilesAreClearErrors() {
    byte[] truncated = java.util.Arrays.copyOf(handMadeIdx(), 20);
    assertThatThrownBy(() -> IdxReader.read(new ByteArrayInputStream(truncated), "labels"))
        .isInstanceOf(IOException.class).hasMessageContaining("labels: truncated IDX file");
    byte[] badMagic = handMadeIdx();
    badMagic[0] = 7;
    assertThatThrownBy(() -> IdxReader.read(new ByteArrayInputStream(badMagic), "x"))
        .hasMessageContaining("not an IDX file");
    byte[] floats = handMadeIdx();
    floats[2] = 0x0D;
    assertThatThrownBy(() -> IdxReader.read(new ByteArrayInputStream(floats), "x"))
        .hasMessageContaining("element type 0xd is not supported");
    byte[] trailing = java.util.Arrays.copyOf(handMadeIdx(), handMadeIdx().length + 1);
    assertThatThrownBy(() -> IdxReader.read(new ByteArrayInputStream(trailing), "x"))
        .hasMessageContaining("trailing bytes");
  }

  @Test
  void bundledSubsetHasTheLabelCountsOfItsReadme() {
    Dataset all = Mnist.load();
    assertThat(all.rows()).isEqualTo(10_000);
    assertThat(all.cols()).isEqualTo(785);
    int[] counts = new int[10];
    for (double y : all.targets()) {
      counts[(int) y]++;
    }
    // From ../shared/data/mnist-10k/README.md: "Label counts: 0:1001 1:1127 2:991 3:1032 4:980 5:863 6:1014 7:1070 8:944 9:978."
    assertThat(counts).containsExactly(1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978);
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int i = 0; i < all.rows(); i++) {
      assertThat(all.features()[i * 785 + 784]).isEqualTo(1.0);
      for (int k = 0; k < 784; k++) {
        min = Math.min(min, all.features()[i * 785 + k]);
        max = Math.max(max, all.features()[i * 785 + k]);
      }
    }
    assertThat(min).isEqualTo(0.0);
    assertThat(max).isEqualTo(1.0);
  }

  @Test
  void bundledFilesAreTheSharedOnes() throws IOException {
    // The copy in the jar must be the data set described in ../shared/data/mnist-10k (when that folder is present).
    java.nio.file.Path shared = java.nio.file.Path.of("..", "..", "shared", "data", "mnist-10k", "labels-idx1-ubyte.gz");
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(shared), "../shared is not beside the repo");
    try (var in = MnistTest.class.getResourceAsStream("/io/byzcheck/kernels/sim/mnist-10k/labels-idx1-ubyte.gz")) {
      assertThat(in.readAllBytes()).isEqualTo(java.nio.file.Files.readAllBytes(shared));
    }
  }
}
