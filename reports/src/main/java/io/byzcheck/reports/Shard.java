package io.byzcheck.reports;

import java.util.Map;
import java.util.function.Function;

/**
 * One slice of a sharded run: shard {@code index} of {@code count}, 0-based ({@code --shard 0/3}, {@code 1/3},
 * {@code 2/3}), as Kubernetes' {@code JOB_COMPLETION_INDEX} and Bazel's {@code TEST_SHARD_INDEX} count.
 */
record Shard(int index, int count) {
  Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new ReportOptions.UsageException("a shard needs 0 ≤ index < count (0-based: 0/" + Math.max(count, 1)
          + " … " + (Math.max(count, 1) - 1) + "/" + Math.max(count, 1) + "), got " + index + "/" + count);
    }
  }

  /** {@code i/k} as on the command line. */
  static Shard parse(String text) {
    int slash = text.indexOf('/');
    if (slash <= 0 || slash == text.length() - 1) {
      throw new ReportOptions.UsageException("--shard must be INDEX/COUNT, 0-based (e.g. 0/4 … 3/4), got '" + text
          + "'");
    }
    return new Shard(integer("--shard index", text.substring(0, slash)), integer("--shard count",
        text.substring(slash + 1)));
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }

  /** The file a shard's partial result goes to. */
  String fileName() {
    return "partial-" + index + "-of-" + count + ".json";
  }

  /**
   * Where a shard came from when no {@code --shard} was given: the batch engine's own variables.
   *
   * @param statusFile Bazel's {@code TEST_SHARD_STATUS_FILE}, to touch (it tells Bazel the runner shards), or null
   */
  record FromEnvironment(Shard shard, String source, String statusFile) {}

  /**
   * The shard the engine's variables give, or null when none are set. Read in this order:
   * <ul>
   * <li>Slurm job arrays: {@code SLURM_ARRAY_TASK_ID} − {@code SLURM_ARRAY_TASK_MIN} of
   *     {@code SLURM_ARRAY_TASK_COUNT} ({@code --array=1-8} and {@code --array=0-7} both give 0…7); the array
   *     must be one contiguous range with step 1 (MAX − MIN + 1 = COUNT), or shards would be missing;
   * <li>Kubernetes Indexed Jobs: {@code JOB_COMPLETION_INDEX} of {@code BYZCHECK_SHARD_COUNT} — Kubernetes does
   *     not expose {@code spec.completions} to the pod, so the manifest sets it (reports/cluster/indexed-job.yaml);
   * <li>Bazel-style test sharding: {@code TEST_SHARD_INDEX} of {@code TEST_TOTAL_SHARDS}.
   * </ul>
   * An engine whose variables are only partly set is an error, not an unsharded run.
   */
  static FromEnvironment fromEnvironment(Map<String, String> env) {
    Function<String, String> get = k -> {
      String v = env.get(k);
      return v == null || v.isBlank() ? null : v.strip();
    };
    if (get.apply("SLURM_ARRAY_TASK_ID") != null) {
      String what = "Slurm array (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT)";
      int id = integer("SLURM_ARRAY_TASK_ID", need(get, "SLURM_ARRAY_TASK_ID", what));
      int count = integer("SLURM_ARRAY_TASK_COUNT", need(get, "SLURM_ARRAY_TASK_COUNT", what));
      int min = integer("SLURM_ARRAY_TASK_MIN", need(get, "SLURM_ARRAY_TASK_MIN", what));
      String max = get.apply("SLURM_ARRAY_TASK_MAX");
      String step = get.apply("SLURM_ARRAY_TASK_STEP");
      if ((max != null && integer("SLURM_ARRAY_TASK_MAX", max) - min + 1 != count)
          || (step != null && integer("SLURM_ARRAY_TASK_STEP", step) != 1)) {
        throw new ReportOptions.UsageException("a Slurm array needs one contiguous range of task IDs (e.g. "
            + "--array=0-" + (count - 1) + "), got MIN = " + min + ", MAX = " + max + ", STEP = " + step
            + ", COUNT = " + count);
      }
      return new FromEnvironment(new Shard(id - min, count), "Slurm array task " + id, null);
    }
    if (get.apply("JOB_COMPLETION_INDEX") != null) {
      String what = "Kubernetes Indexed Job (JOB_COMPLETION_INDEX and BYZCHECK_SHARD_COUNT = the Job's completions)";
      return new FromEnvironment(new Shard(integer("JOB_COMPLETION_INDEX", get.apply("JOB_COMPLETION_INDEX")),
          integer("BYZCHECK_SHARD_COUNT", need(get, "BYZCHECK_SHARD_COUNT", what))), "Kubernetes Indexed Job", null);
    }
    if (get.apply("TEST_TOTAL_SHARDS") != null || get.apply("TEST_SHARD_INDEX") != null) {
      String what = "Bazel-style sharding (TEST_SHARD_INDEX and TEST_TOTAL_SHARDS)";
      return new FromEnvironment(new Shard(integer("TEST_SHARD_INDEX", need(get, "TEST_SHARD_INDEX", what)),
          integer("TEST_TOTAL_SHARDS", need(get, "TEST_TOTAL_SHARDS", what))), "Bazel test sharding",
          get.apply("TEST_SHARD_STATUS_FILE"));
    }
    return null;
  }

  private static String need(Function<String, String> get, String name, String what) {
    String v = get.apply(name);
    if (v == null) {
      throw new ReportOptions.UsageException(what + ": " + name + " is not set");
    }
    return v;
  }

  private static int integer(String what, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new ReportOptions.UsageException(what + " must be an integer, got '" + value + "'");
    }
  }
}
