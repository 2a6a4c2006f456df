package io.byzcheck.benchmarks.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regression tool end to end on synthetic JMH JSON (no benchmark runs, no timing): record a
 * baseline with {@code compare --record}, compare another synthetic run with it, read the exit code,
 * the console table and verdict.json. Every synthetic run is seeded; the noise is per fork and
 * multiplicative, as on a machine.
 */
class RegressionToolTest {
  private static final String MEDIAN = "CoordinateWiseMedianBenchmark.aggregate";
  private static final String KRUM = "KrumBenchmark.aggregate";
  private static final String MEAN = "MeanBenchmark.aggregate";

  @TempDir
  Path dir;

  private String console;

  private int tool(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = RegressionMain.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), args);
    console = bytes.toString(StandardCharsets.UTF_8);
    return code;
  }

  private Path write(String name, SyntheticJmh jmh) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, jmh.json());
    return p;
  }

  /** Baseline: 5 forks, 2 % noise, the median at 1.8× and Krum at 2.5× the yardstick, the mean at 1.9×. */
  private Path baseline() throws IOException {
    Path run = write("base.json", new SyntheticJmh(1).round(15, 5, 20, 0.02, MEDIAN, 1.8, KRUM, 2.5, MEAN, 1.9));
    assertThat(tool("compare", "--current", run.toString(), "--record", dir.resolve("baseline.json").toString(),
        "--out", dir.toString())).as(console).isZero();
    return dir.resolve("baseline.json");
  }

  private int compare(Path baseline, SyntheticJmh run, String... more) throws IOException {
    Path current = write("now.json", run);
    String[] args = {"compare", "--current", current.toString(), "--baseline", baseline.toString(), "--out",
        dir.toString()};
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return tool(all);
  }

  @SuppressWarnings("unchecked")
  private String verdictOf(String benchmark) throws IOException {
    Map<String, Object> v = (Map<String, Object>) Json.parse(Files.readString(dir.resolve("verdict.json")));
    for (Object o : (java.util.List<Object>) v.get("benchmarks")) {
      Map<String, Object> e = (Map<String, Object>) o;
      if (((String) e.get("benchmark")).startsWith(benchmark + " ")) {
        return (String) e.get("verdict");
      }
    }
    return "absent";
  }

  @Test
  void aClearRegressionIsFlaggedAndFailsTheRun() throws IOException {
    Path base = baseline();
    // The median 40 % slower relative to the yardstick; the others as before, with fresh noise.
    int code = compare(base, new SyntheticJmh(2).round(15, 5, 20, 0.02, MEDIAN, 1.8 * 1.4, KRUM, 2.5, MEAN, 1.9));
    assertThat(code).as(console).isEqualTo(1);
    assertThat(verdictOf(MEDIAN)).isEqualTo("REGRESSED");
    assertThat(verdictOf(KRUM)).isEqualTo("UNCHANGED");
    assertThat(console).contains("REGRESSION", "Holm", "δ = 10 %");
    assertThat(Files.readString(dir.resolve("index.html"))).contains("<svg", "REGRESSED", MEDIAN);
  }

  @Test
  void aClearImprovementIsFlaggedAndPasses() throws IOException {
    Path base = baseline();
    int code = compare(base, new SyntheticJmh(3).round(15, 5, 20, 0.02, MEDIAN, 1.8, KRUM, 2.5 / 1.5, MEAN, 1.9));
    assertThat(code).as(console).isZero();
    assertThat(verdictOf(KRUM)).isEqualTo("IMPROVED");
    assertThat(verdictOf(MEDIAN)).isEqualTo("UNCHANGED");
  }

  @Test
  void noiseAloneIsUnchanged() throws IOException {
    Path base = baseline();
    for (long seed = 10; seed < 30; seed++) {
      int code = compare(base, new SyntheticJmh(seed).round(15, 5, 20, 0.02, MEDIAN, 1.8, KRUM, 2.5, MEAN, 1.9));
      assertThat(code).as("seed %d: %s", seed, console).isZero();
      assertThat(verdictOf(MEDIAN)).as("seed %d: %s", seed, console).isEqualTo("UNCHANGED");
    }
  }

  @Test
  void aSlowerMachineIsNotARegression() throws IOException {
    // Everything, yardstick included, 1.7× slower: the ratios are what the verdict reads.
    Path base = baseline();
    int code = compare(base, new SyntheticJmh(4).round(15, 5, 34, 0.02, MEDIAN, 1.8, KRUM, 2.5, MEAN, 1.9));
    assertThat(code).as(console).isZero();
    for (String b : new String[] {MEDIAN, KRUM, MEAN}) {
      assertThat(verdictOf(b)).as(console).isEqualTo("UNCHANGED");
    }
  }

  @Test
  void aRealChangeBelowTheMinimumEffectIsUnchanged() throws IOException {
    Path quiet = write("quiet.json", new SyntheticJmh(5).round(15, 5, 20, 0.002, MEDIAN, 1.8, KRUM, 2.5));
    assertThat(tool("compare", "--current", quiet.toString(), "--record", dir.resolve("q.json").toString()))
        .as(console).isZero();
    // 5 % slower with 0.2 % noise: significant, but under δ = 10 %.
    int code = compare(dir.resolve("q.json"), new SyntheticJmh(6).round(15, 5, 20, 0.002, MEDIAN, 1.8 * 1.05, KRUM, 2.5));
    assertThat(code).as(console).isZero();
    assertThat(verdictOf(MEDIAN)).isEqualTo("UNCHANGED");
    assertThat(console).contains("significant change below the minimum effect");
  }

  @Test
  void aBaselineBenchmarkMissingFromTheRunIsReported() throws IOException {
    Path base = baseline();
    int code = compare(base, new SyntheticJmh(7).round(15, 5, 20, 0.02, MEDIAN, 1.8, MEAN, 1.9));
    assertThat(code).as(console).isEqualTo(3);
    assertThat(verdictOf(KRUM)).isEqualTo("MISSING");
  }

  @Test
  void aBenchmarkLeftOutOnPurposeIsNotMissing() throws IOException {
    Path base = baseline();
    int code = compare(base, new SyntheticJmh(7).round(15, 5, 20, 0.02, MEDIAN, 1.8, MEAN, 1.9), "--only",
        "CoordinateWiseMedian,Mean");
    assertThat(code).as(console).isZero();
    assertThat(verdictOf(KRUM)).isEqualTo("absent");
  }

  @Test
  void malformedJsonIsAClearError() throws IOException {
    Path base = baseline();
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "[ { \"benchmark\" : \"io.byzcheck.benchmarks.X.aggregate\", \"primaryMetric\" : { ");
    assertThat(tool("compare", "--current", bad.toString(), "--baseline", base.toString())).isEqualTo(2);
    assertThat(console).contains("error:", "bad.json is not a JMH JSON result file", "malformed JSON at offset");
  }

  @Test
  void jsonWithoutPerForkDataIsAClearError() throws IOException {
    Path base = baseline();
    Path bad = dir.resolve("nofork.json");
    Files.writeString(bad, "[{\"benchmark\": \"io.byzcheck.benchmarks.X.aggregate\", \"primaryMetric\": {\"score\": 1}}]");
    assertThat(tool("compare", "--current", bad.toString(), "--baseline", base.toString())).isEqualTo(2);
    assertThat(console).contains("no rawData");
  }

  @Test
  void aRunWithoutItsYardstickIsAClearError() throws IOException {
    Path base = baseline();
    Path run = write("noyard.json", new SyntheticJmh(8).add(MEDIAN, 15, 36, 36, 36));
    assertThat(tool("compare", "--current", run.toString(), "--baseline", base.toString())).isEqualTo(2);
    assertThat(console).contains("no YardstickBenchmark.sum at n = 15, d = 1000000");
  }

  @Test
  void aBaselineThatIsNotOneIsAClearError() throws IOException {
    Path run = write("run.json", new SyntheticJmh(9).round(15, 3, 20, 0.02, MEDIAN, 1.8));
    Path notBaseline = write("jmh-as-baseline.json", new SyntheticJmh(9).round(15, 3, 20, 0.02, MEDIAN, 1.8));
    assertThat(tool("compare", "--current", run.toString(), "--baseline", notBaseline.toString())).isEqualTo(2);
    assertThat(console).contains("is not a regression baseline");
  }

  @Test
  void theSlowedControlIsComparedUnderTheMedianName() throws IOException {
    Path base = baseline();
    int code = compare(base, new SyntheticJmh(11).round(15, 5, 20, 0.02, "control.SlowedMedianBenchmark.aggregate",
        2.8, KRUM, 2.5, MEAN, 1.9));
    assertThat(code).as(console).isEqualTo(1);
    assertThat(verdictOf(MEDIAN)).isEqualTo("REGRESSED");
  }

  @Test
  void hugeSpreadIsInconclusiveNotUnchanged() throws IOException {
    Path base = baseline();
    // 30 % fork-to-fork noise and 3 forks: a 2δ slowdown cannot be ruled out, whatever the point estimate.
    int code = compare(base, new SyntheticJmh(12).round(15, 3, 20, 0.3, MEDIAN, 1.8, KRUM, 2.5, MEAN, 1.9));
    assertThat(code).as(console).isZero();
    assertThat(verdictOf(MEDIAN)).isEqualTo("INCONCLUSIVE");
  }

  @Test
  void unknownOptionsAndModesAreClearErrors() {
    assertThat(tool("--frobnicate", "1")).isEqualTo(2);
    assertThat(console).contains("unknown option --frobnicate");
    assertThat(tool("bench")).isEqualTo(2);
    assertThat(console).contains("unknown mode 'bench'");
    assertThat(tool("ab")).isEqualTo(2);
    assertThat(console).contains("ab needs a git ref");
    assertThat(tool("run", "--only", "Nonsense")).isEqualTo(2);
    assertThat(console).contains("no benchmark class Nonsense");
  }
}
