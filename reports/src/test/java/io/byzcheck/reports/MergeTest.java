package io.byzcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.properties.CheckResult;
import io.byzcheck.properties.Verdict;
import io.byzcheck.properties.stats.Evaluation;
import io.byzcheck.properties.stats.StatisticalResult;
import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Partial results: lossless, written where the engines say, and merged only when they are one run's. */
class MergeTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    out.reset();
    err.reset();
    return new ReportMain(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
        StandardCharsets.UTF_8), CatalogueSource.withoutStatistical(), List.of(), Clock.systemUTC(), System::nanoTime,
        false).withEnvironment(env).run(args);
  }

  /** The four RES-L10 entries at 20 evaluations: a real run of a second. */
  private int shard(Path dir, String shard, String... more) {
    List<String> a = new ArrayList<>(List.of("--out", dir.toString(), "--only", "RES-L10", "--budget", "ci",
        "--evaluations", "20", "--restarts", "1", "--threads", "1", "--shard", shard));
    a.addAll(List.of(more));
    return run(Map.of(), a.toArray(String[]::new));
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void resultsSurviveThePartialEncodingBitForBit() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("n", 5);
    params.put("σ", 5.0);
    params.put("f", "½‖x−μ‖²");
    params.put("seed", 1L << 60);
    params.put("flag", true);
    CheckResult c = CheckResult.against(Bound.of(0.1 + 0.2, new Citation("RES-T1-CWMED", "RES", "Table 1"), "f < n/2"),
        "RES-T1-CWMED", "CWMed \"quoted\"\n", params, -0.0, Long.MAX_VALUE, Long.MIN_VALUE, Verdict.HOLDS, null);
    StatisticalResult s = new StatisticalResult("RES-L1", "s", params, "e", Double.NaN, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, Double.MIN_VALUE, "c", 1e-310, 16, 400, -3, "m", 4.9e-324, 1 / 3.0, 2.5,
        Verdict.INCONCLUSIVE, "none", List.of(new Evaluation("t = 1", 0.1, 0, 1, 2, 3, 4, 5, true, false)),
        new double[] {-0.0, Math.PI, Double.NaN}, true);
    for (Object r : List.of(c, s)) {
      String json = TypedJson.write(r, r.getClass());
      Object back = TypedJson.read(JsonParser.parse(json), r.getClass());
      assertThat(TypedJson.write(back, r.getClass())).isEqualTo(json);
      assertThat(Json.write(back)).isEqualTo(Json.write(r));
    }
    CheckResult back = (CheckResult) TypedJson.read(JsonParser.parse(TypedJson.write(c, CheckResult.class)),
        CheckResult.class);
    assertThat(back).isEqualTo(c);
    assertThat(back.parameters().get("n")).isInstanceOf(Integer.class);
    assertThat(back.parameters().get("σ")).isInstanceOf(Double.class);
    assertThat(Double.doubleToRawLongBits(back.worstRatio())).isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void theEnginesVariablesPickTheShardAndBazelsStatusFileIsTouched(@TempDir Path tmp) throws Exception {
    Path status = tmp.resolve("bazel/status");
    String[] args = {"--out", tmp.toString(), "--only", "RES-L10", "--evaluations", "20", "--restarts", "1"};
    assertThat(run(Map.of("TEST_SHARD_INDEX", "1", "TEST_TOTAL_SHARDS", "2", "TEST_SHARD_STATUS_FILE",
        status.toString()), args)).as(stderr()).isZero();
    assertThat(tmp.resolve("partial-1-of-2.json")).exists();
    assertThat(status).exists();
    assertThat(stderr()).contains("shard 1/2 (from the Bazel test sharding)");
    // sbatch --array=1-2: task 1 is shard 0
    assertThat(run(Map.of("SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_COUNT", "2"),
        args)).as(stderr()).isZero();
    assertThat(tmp.resolve("partial-0-of-2.json")).exists();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("partial-0-of-2.json");
    // an explicit --shard wins over the environment
    List<String> explicit = new ArrayList<>(List.of(args));
    explicit.addAll(List.of("--shard", "0/1"));
    assertThat(run(Map.of("JOB_COMPLETION_INDEX", "3"), explicit.toArray(String[]::new))).isZero();
    assertThat(tmp.resolve("partial-0-of-1.json")).exists();
    assertThat(run(Map.of("JOB_COMPLETION_INDEX", "3"), args)).isEqualTo(ReportMain.USAGE);
    assertThat(stderr()).contains("BYZCHECK_SHARD_COUNT is not set");
    // the two Bazel/Slurm shards merge
    assertThat(run(Map.of(), "merge", "--out", tmp.resolve("merged").toString(),
        tmp.resolve("partial-0-of-2.json").toString(), tmp.resolve("partial-1-of-2.json").toString()))
        .as(stderr()).isZero();
    assertThat(tmp.resolve("merged/report.json")).exists();
  }

  @Test
  void mergeRefusesMissingDuplicateAndForeignShards(@TempDir Path tmp) throws Exception {
    Path parts = tmp.resolve("parts");
    assertThat(shard(parts, "0/3")).as(stderr()).isZero();
    assertThat(shard(parts, "2/3")).as(stderr()).isZero();
    Path merged = tmp.resolve("merged");
    assertThat(run(Map.of(), "merge", "--out", merged.toString(), parts.toString())).isEqualTo(ReportMain.USAGE);
    assertThat(stderr()).contains("error: merge: shard [1] of 0…2 missing (have [0, 2]); run it with --shard 1/3");

    Files.copy(parts.resolve("partial-0-of-3.json"), tmp.resolve("copy.json"));
    assertThat(run(Map.of(), "merge", "--out", merged.toString(), parts.toString(), tmp.resolve("copy.json")
        .toString())).isEqualTo(ReportMain.USAGE);
    assertThat(stderr()).contains("shard 0/3 appears twice");

    Path other = tmp.resolve("other");
    assertThat(shard(other, "1/3", "--seed", "5")).isZero();
    assertThat(run(Map.of(), "merge", "--out", merged.toString(), parts.toString(), other.toString()))
        .isEqualTo(ReportMain.USAGE);
    assertThat(stderr()).contains("has master seed 5 but").contains("only the shards of one run merge");

    Path bigger = tmp.resolve("bigger");
    assertThat(shard(bigger, "1/3", "--evaluations", "21")).isZero();
    assertThat(run(Map.of(), "merge", "--out", merged.toString(), parts.toString(), bigger.toString()))
        .isEqualTo(ReportMain.USAGE);
    assertThat(stderr()).contains("has budget Budget[name=ci, evaluationsPerCheck=21");

    Path fourShards = tmp.resolve("four");
    assertThat(shard(fourShards, "1/4")).isZero();
    assertThat(run(Map.of(), "merge", "--out", merged.toString(), parts.toString(), fourShards.toString()))
        .isEqualTo(ReportMain.USAGE);
    assertThat(stderr()).contains("has shard count 4 but");

    Path notPartial = Files.writeString(tmp.resolve("report.json"), "{\"schema\":\"byzcheck-report/1\"}");
    assertThat(run(Map.of(), "merge", "--out", merged.toString(), notPartial.toString())).isEqualTo(ReportMain.USAGE);
    assertThat(stderr()).contains("needs schema byzcheck-partial/1 (a file written by a --shard run)");
    assertThat(run(Map.of(), "merge", "--out", merged.toString(), tmp.resolve("nothing-here").toString()))
        .isEqualTo(ReportMain.USAGE);
    assertThat(stderr()).contains("does not exist");
    assertThat(merged.resolve("index.html")).doesNotExist();

    // and the complete set merges
    assertThat(shard(parts, "1/3")).isZero();
    assertThat(run(Map.of(), "merge", "--out", merged.toString(), parts.toString())).as(stderr()).isZero();
    assertThat(merged.resolve("index.html")).exists();
  }
}
