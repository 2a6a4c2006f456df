package io.byzcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's local demonstration, as it is written: reports/cluster/local-shards.sh runs 3 shards as 3 child
 * JVMs through bin/byzcheck-report, then merges; the merged report.json equals an unsharded run's through the same
 * launcher (timings and thread counts aside). The launcher runs from this test's class path (the jar is built
 * after the tests), with this JVM as JAVA_HOME.
 */
class LocalShardsDemoTest {
  /** Krum* on all 29 points of the grid (Gram-based), at 20 evaluations: seconds per child. */
  static final List<String> OPTIONS = List.of("--only", "RES-T1-KRUM", "--budget", "ci", "--evaluations", "20",
      "--restarts", "1", "--seed", "3", "--threads", "1");

  @Test
  void threeProcessesThenMergeGiveTheUnshardedReport(@TempDir Path tmp) throws Exception {
    Path reports = Path.of(System.getProperty("user.dir"));
    Path sharded = tmp.resolve("sharded");
    List<String> demo = new ArrayList<>(List.of("sh", reports.resolve("cluster/local-shards.sh").toString(), "3",
        sharded.toString()));
    demo.addAll(OPTIONS);
    run(demo, tmp.resolve("demo.log"));
    try (Stream<Path> parts = Files.list(sharded.resolve("parts"))) {
      assertThat(parts.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
          .containsExactlyInAnyOrder("partial-0-of-3.json", "partial-1-of-3.json", "partial-2-of-3.json");
    }
    Path whole = tmp.resolve("whole");
    List<String> unsharded = new ArrayList<>(List.of("sh", reports.resolve("bin/byzcheck-report").toString(),
        "--out", whole.toString()));
    unsharded.addAll(OPTIONS);
    run(unsharded, tmp.resolve("whole.log"));
    assertThat(ParallelAndShardedRunsTest.difference(ParallelAndShardedRunsTest.comparable(sharded),
        ParallelAndShardedRunsTest.comparable(whole), "report.json")).isNull();
    assertThat(ParallelAndShardedRunsTest.page(sharded)).isEqualTo(ParallelAndShardedRunsTest.page(whole));
  }

  private static void run(List<String> command, Path log) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("BYZCHECK_CLASSPATH", Stream.of(System.getProperty("jdk.module.path", ""),
        System.getProperty("java.class.path", "")).filter(s -> !s.isEmpty()).collect(Collectors.joining(
        File.pathSeparator)));
    for (String engine : List.of("SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX", "TEST_SHARD_INDEX", "TEST_TOTAL_SHARDS")) {
      pb.environment().remove(engine);
    }
    Process p = pb.start();
    boolean ended = p.waitFor(5, TimeUnit.MINUTES);
    if (!ended) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    assertThat(ended && p.exitValue() == 0).as(String.join(" ", command) + "\n" + Files.readString(log,
        StandardCharsets.UTF_8)).isTrue();
  }
}
