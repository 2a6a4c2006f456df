package io.byzcheck.kernels.internal.vectorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed generated networks are exactly what the generator produces today. */
class GeneratedNetworksDriftTest {

  @Test
  void committedMedianNetworksMatchGenerator() throws IOException {
    check(NetworkSourceGenerator.TARGET, NetworkSourceGenerator.source());
  }

  @Test
  void committedSortNetworksMatchGenerator() throws IOException {
    check(NetworkSourceGenerator.SORT_TARGET, NetworkSourceGenerator.sortSource());
  }

  @Test
  void committedMergeNetworksMatchGenerator() throws IOException {
    check(NetworkSourceGenerator.MERGE_TARGET, NetworkSourceGenerator.mergeSource());
  }

  @Test
  void committedTrimmedNetworksMatchGenerator() throws IOException {
    check(NetworkSourceGenerator.TRIMMED_TARGET, NetworkSourceGenerator.trimmedSource());
  }

  private static void check(String target, String expected) throws IOException {
    Path file = Path.of(target);
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .as("%s is stale: regenerate it with mvn -B -Pgenerate-networks -pl kernels process-test-classes", file)
        .isEqualTo(expected);
  }
}
