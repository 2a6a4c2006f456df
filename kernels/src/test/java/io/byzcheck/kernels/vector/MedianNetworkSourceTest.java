package io.byzcheck.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed generated networks are exactly what the generator produces today. */
class MedianNetworkSourceTest {

  @Test
  void committedSourceMatchesGenerator() throws IOException {
    Path file = Path.of(MedianNetworkGenerator.TARGET);
    String expected = MedianNetworkGenerator.source();
    if (Boolean.getBoolean("byzcheck.regenerate")) {
      Files.writeString(file, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .as("%s is stale: regenerate it (see MedianNetworkGenerator)", file)
        .isEqualTo(expected);
  }
}
