package io.byzcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The batch engines' own variables, from an injected environment. */
class ShardTest {

  @Test
  void noEngineVariablesMeansNoShard() {
    assertThat(Shard.fromEnvironment(Map.of("PATH", "/bin", "SLURM_JOB_ID", "7"))).isNull();
  }

  @Test
  void slurmCountsFromTheArraysMinimumIndex() {
    // sbatch --array=1-4: task IDs 1…4 are shards 0…3
    Shard.FromEnvironment s = Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_MIN", "1",
        "SLURM_ARRAY_TASK_MAX", "4", "SLURM_ARRAY_TASK_COUNT", "4"));
    assertThat(s.shard()).isEqualTo(new Shard(2, 4));
    assertThat(s.source()).isEqualTo("Slurm array task 3");
    assertThat(s.statusFile()).isNull();
    // --array=0-7
    assertThat(Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "0", "SLURM_ARRAY_TASK_MIN", "0",
        "SLURM_ARRAY_TASK_COUNT", "8")).shard()).isEqualTo(new Shard(0, 8));
  }

  @Test
  void aSlurmArrayWithGapsOrPartVariablesIsRefused() {
    // --array=0-6:2 (IDs 0, 2, 4, 6): ID − MIN would name shards 4 and 6 of 4
    assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_TASK_MIN", "0",
        "SLURM_ARRAY_TASK_MAX", "6", "SLURM_ARRAY_TASK_STEP", "2", "SLURM_ARRAY_TASK_COUNT", "4")))
        .hasMessageStartingWith("a Slurm array needs one contiguous range of task IDs (e.g. --array=0-3)");
    assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_TASK_MIN", "0")))
        .hasMessage("Slurm array (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT): "
            + "SLURM_ARRAY_TASK_COUNT is not set");
    assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "x", "SLURM_ARRAY_TASK_MIN", "0",
        "SLURM_ARRAY_TASK_COUNT", "2"))).hasMessage("SLURM_ARRAY_TASK_ID must be an integer, got 'x'");
  }

  @Test
  void kubernetesIndexedJobsNeedTheCompletionsPassedIn() {
    assertThat(Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "4", "BYZCHECK_SHARD_COUNT", "5")).shard())
        .isEqualTo(new Shard(4, 5));
    assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "4")))
        .hasMessageEndingWith("BYZCHECK_SHARD_COUNT is not set");
    assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "5", "BYZCHECK_SHARD_COUNT", "5")))
        .hasMessage("a shard needs 0 ≤ index < count (0-based: 0/5 … 4/5), got 5/5");
  }

  @Test
  void bazelStyleShardingAndItsStatusFile() {
    Shard.FromEnvironment b = Shard.fromEnvironment(Map.of("TEST_SHARD_INDEX", "1", "TEST_TOTAL_SHARDS", "2",
        "TEST_SHARD_STATUS_FILE", "/tmp/x/status"));
    assertThat(b.shard()).isEqualTo(new Shard(1, 2));
    assertThat(b.statusFile()).isEqualTo("/tmp/x/status");
    assertThat(Shard.fromEnvironment(Map.of("TEST_SHARD_INDEX", "0", "TEST_TOTAL_SHARDS", "1")).statusFile()).isNull();
    assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("TEST_TOTAL_SHARDS", "2")))
        .hasMessageEndingWith("TEST_SHARD_INDEX is not set");
  }

  @Test
  void slurmWinsWhenSeveralEnginesSetVariables() {
    assertThat(Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_TASK_MIN", "0",
        "SLURM_ARRAY_TASK_COUNT", "2", "TEST_SHARD_INDEX", "0", "TEST_TOTAL_SHARDS", "3")).shard())
        .isEqualTo(new Shard(1, 2));
  }
}
