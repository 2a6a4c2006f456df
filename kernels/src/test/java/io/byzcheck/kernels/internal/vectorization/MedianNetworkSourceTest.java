package io.byzcheck.kernels.internal.vectorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed generated networks are exactly what the generator produces today. */
class MedianNetworkSourceTest {

  @Test
  void committedMedianNetworksMatchGenerator() throws IOException {
    check(MedianNetworkGenerator.TARGET, MedianNetworkGenerator.source());
  }

  @Test
  void committedSortNetworksMatchGenerator() throws IOException {
    check(MedianNetworkGenerator.SORT_TARGET, MedianNetworkGenerator.sortSource());
  }

  @Test
  void committedMergeNetworksMatchGenerator() throws IOException {
    check(MedianNetworkGenerator.MERGE_TARGET, MedianNetworkGenerator.mergeSource());
  }

  private static void check(String target, String expected) throws IOException {
    Path file = Path.of(target);
    if (Boolean.getBoolean("byzcheck.regenerate")) {
      Files.writeString(file, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .as("%s is stale: regenerate it (see MedianNetworkGenerator)", file)
        .isEqualTo(expected);
  }
}
