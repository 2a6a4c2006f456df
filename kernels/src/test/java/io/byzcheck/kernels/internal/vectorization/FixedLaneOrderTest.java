package io.byzcheck.kernels.internal.vectorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Gram kernels' sums have one order whatever the JIT has done: the same inputs give the same bits in an
 * interpreted JVM ({@code -Xint}) and in one where C2 has compiled every kernel method that sums lanes
 * (checked in HotSpot's code list, not assumed from a call count), both child processes; and the Panama kernel
 * matches, bit for bit, a scalar model of the order it documents ({@link LaneOrderModel}). Before the lanes
 * were summed in a fixed order, {@code reduceLanes(ADD)} gave other last bits once compiled. Runs at every
 * forced width (tag vector-width) and on the scalar path.
 */
@Tag("vector-width")
class FixedLaneOrderTest {
  private static boolean panama() {
    return VectorizationProvider.getInstance().gramKernel().getClass().getSimpleName().equals("PanamaGramKernel");
  }

  @Test
  void panamaKernelSumsInTheModelsOrder() {
    assumeTrue(panama(), "the scalar kernels: plain Java arithmetic, one order by the language's rules");
    GramKernel kernel = VectorizationProvider.getInstance().gramKernel();
    assertThat(LaneOrderProbe.results(kernel)).isEqualTo(LaneOrderProbe.results(LaneOrderModel.ofPanama(false)));
  }

  /**
   * Negative control: the inputs are order-sensitive, so a model summing the lanes backwards disagrees with the
   * kernel on some case of every pass (the ranking Gram's lanes are summed in float, where order shows most).
   */
  @Test
  void theComparisonSeesAnotherOrder() {
    assumeTrue(panama(), "the scalar kernels have no lanes");
    assumeTrue(PanamaSpecies.DOUBLE.length() > 2, "two double lanes have one sum only: a + b = b + a");
    List<String> kernel = LaneOrderProbe.results(VectorizationProvider.getInstance().gramKernel());
    List<String> backwards = LaneOrderProbe.results(LaneOrderModel.ofPanama(true));
    java.util.Set<String> seen = new java.util.TreeSet<>();
    for (int i = 0; i < kernel.size(); i++) {
      if (!kernel.get(i).equals(backwards.get(i))) {
        seen.add(kernel.get(i).substring(0, kernel.get(i).indexOf(' ')));
      }
    }
    assertThat(seen).as("passes where a backward lane sum changes a result")
        .contains("gram", "floatGram", "squaredDistance", "squaredNorms");
  }

  /**
   * Two child JVMs with this JVM's kernel settings: one interprets only; the other has C2 alone (no C1, whose
   * vector code is the interpreter's) and must not inline the kernel's methods, so that the probe can repeat
   * until every summing method has C2 code of its own ({@link LaneOrderProbe#main}). Their bits must agree.
   */
  @Test
  void compiledCodeGivesTheInterpretedBits() throws Exception {
    List<String> interpreted = child(List.of("-Xint"));
    String kernelClass = VectorizationProvider.getInstance().gramKernel().getClass().getName();
    List<String> compiled = child(List.of("-XX:-TieredCompilation", "-Xbatch", "-XX:CompileThreshold=1000",
        "-XX:CompileCommand=quiet", "-XX:CompileCommand=dontinline," + kernelClass + "::*",
        "-XX:CompileCommand=dontinline," + GramKernel.class.getName() + "::*", LaneOrderProbe.class.getName(),
        "--until-compiled"));
    assertThat(compiled).as("C2-compiled vs interpreted").isEqualTo(interpreted);
    if (panama()) {
      assertThat(compiled).as("C2-compiled vs the model").isEqualTo(LaneOrderProbe.results(LaneOrderModel.ofPanama(false)));
    }
  }

  /**
   * The probe's lines from a child JVM with this JVM's kernel settings and the given options; the last
   * options may name the main class and its arguments, by default the probe's plain run.
   */
  private static List<String> child(List<String> options) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElseThrow());
    int main = options.indexOf(LaneOrderProbe.class.getName());
    cmd.addAll(main < 0 ? options : options.subList(0, main));
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
      cmd.add("--add-modules=jdk.incubator.vector");
    }
    for (String p : new String[] {VectorSettings.TESTS_PROPERTY, VectorSettings.BITS_PROPERTY,
        VectorSettings.DISABLE_PROPERTY}) {
      if (System.getProperty(p) != null) {
        cmd.add("-D" + p + "=" + System.getProperty(p));
      }
    }
    cmd.add("-cp");
    cmd.add(location(LaneOrderProbe.class) + File.pathSeparator + location(VectorizationProvider.class));
    cmd.addAll(main < 0 ? List.of(LaneOrderProbe.class.getName()) : options.subList(main, options.size()));
    Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
      }
    }
    // A guard against a hung child, not a timing check: the probe takes seconds.
    assertThat(child.waitFor(10, TimeUnit.MINUTES)).as("child finished: %s", cmd).isTrue();
    assertThat(child.exitValue()).as("child's exit code (3: C2 never compiled a summing method), %s", cmd).isZero();
    assertThat(lines).as("child's output, %s", cmd).hasSize(4 * LaneOrderProbe.CASES.length);
    return lines;
  }

  private static String location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
