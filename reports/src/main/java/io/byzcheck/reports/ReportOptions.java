package io.byzcheck.reports;

import io.byzcheck.properties.Budget;
import java.nio.file.Path;

/**
 * The command line of {@link ReportMain}, parsed. Both {@code --flag value} and
 * {@code --flag=value} are accepted.
 *
 * @param out directory for index.html and report.json
 * @param budget the engine budget, with the master seed
 * @param only run only checks whose THEORY.md ID starts with this, or null for all
 * @param help true when --help was given (nothing else is done)
 * @param threads threads to run the checks on ({@code --threads}, else the {@code byzcheck.threads} system
 *     property, else every core)
 * @param shard the slice to run ({@code --shard i/k}), or null: the batch engine's variables decide, else all
 * @param merge for {@code merge}: the partial results (files or directories) to combine; null for a run
 */
public record ReportOptions(Path out, Budget budget, String only, boolean help, int threads, Shard shard,
    java.util.List<Path> merge) {
  /** The system property giving the default thread count. */
  public static final String THREADS_PROPERTY = "byzcheck.threads";

  /** A command-line mistake; the message says which argument and what was expected. */
  public static final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
      super(message);
    }
  }

  public static final String USAGE = """
      Usage: ReportMain [options]
             ReportMain merge [--out DIR] PARTIAL...
        Runs the ByzCheck check catalogue and writes index.html and report.json.

        --out DIR          output directory (default: ./report); created if missing
        --budget ci|report engine budget (default: report). ci: %s evaluations x %d restarts per
                           parameter point (about 1-2 min); report: %s x %d (several minutes)
        --seed N           master seed (default: %d); every check derives its seed from it,
                           so the same seed replays the same search
        --only PREFIX      only checks whose THEORY.md ID starts with PREFIX (e.g. RES-T1-CW); several
                           prefixes separated by commas (e.g. YIN-T2,YIN-OBS1) select any of them
        --evaluations N    override the budget's evaluations per parameter point
        --restarts N       override the budget's restarts per parameter point
        --threads N        run the checks on N threads (default: the byzcheck.threads system property,
                           else every core); results are identical at any N
        --shard I/K        run only slice I of K (0-based: 0/K … K-1/K), balanced by expected cost, and
                           write DIR/partial-I-of-K.json instead of the report. Without --shard, the
                           slice comes from SLURM_ARRAY_TASK_ID/_MIN/_COUNT (Slurm job arrays),
                           JOB_COMPLETION_INDEX with BYZCHECK_SHARD_COUNT (Kubernetes Indexed Jobs) or
                           TEST_SHARD_INDEX/TEST_TOTAL_SHARDS (Bazel-style), if set
        -h, --help         this text

      merge: combines the partial results of all K shards (files, or directories holding
        partial-I-of-K.json) into DIR/index.html and DIR/report.json, the same as an unsharded run
        with that seed. Refuses partials of different runs, and missing or duplicate shards.

      Via Maven, from the repository root:
        mvn -B -q -pl reports -am package -DskipTests exec:exec@report -Dreport.args="--budget ci"
      """.formatted(Html.count(Budget.CI.evaluationsPerCheck()), Budget.CI.restarts(),
      Html.count(Budget.REPORT.evaluationsPerCheck()), Budget.REPORT.restarts(), Budget.DEFAULT_SEED);

  public static ReportOptions parse(String... args) {
    return parseWith(System.getProperty(THREADS_PROPERTY), args);
  }

  /** With {@code threadsProperty} as the value of {@link #THREADS_PROPERTY} (null when unset). */
  public static ReportOptions parseWith(String threadsProperty, String... args) {
    boolean merge = args.length > 0 && args[0].equals("merge");
    java.util.List<Path> inputs = new java.util.ArrayList<>();
    Integer threads = null;
    Shard shard = null;
    Path out = Path.of("report");
    Budget budget = Budget.REPORT;
    Long seed = null;
    Integer evaluations = null;
    Integer restarts = null;
    String only = null;
    for (int i = merge ? 1 : 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("-h") || arg.equals("--help")) {
        return new ReportOptions(out, budget, null, true, 1, null, null);
      }
      if (merge && !arg.startsWith("-")) {
        inputs.add(Path.of(arg));
        continue;
      }
      String flag = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        flag = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      switch (flag) {
        case "--out", "--budget", "--seed", "--only", "--evaluations", "--restarts", "--threads", "--shard" -> {
          if (merge && !flag.equals("--out")) {
            throw new UsageException("merge takes only --out and the partial results; " + flag
                + " was fixed by the shards' run");
          }
          if (value == null) {
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
              throw new UsageException(flag + " needs a value");
            }
            value = args[++i];
          }
          if (value.isBlank()) {
            throw new UsageException(flag + " needs a non-empty value");
          }
        }
        default -> throw new UsageException("unknown argument '" + arg + "' (see --help)");
      }
      switch (flag) {
        case "--out" -> out = Path.of(value);
        case "--budget" -> budget = switch (value) {
          case "ci" -> Budget.CI;
          case "report" -> Budget.REPORT;
          default -> throw new UsageException("--budget must be ci or report, got '" + value + "'");
        };
        case "--seed" -> seed = parseLong(flag, value);
        case "--only" -> only = value;
        case "--evaluations" -> evaluations = positiveInt(flag, value);
        case "--restarts" -> restarts = positiveInt(flag, value);
        case "--threads" -> threads = threads(flag, value);
        case "--shard" -> shard = Shard.parse(value);
        default -> throw new AssertionError(flag);
      }
    }
    if (threads == null) {
      threads = threadsProperty == null ? Runtime.getRuntime().availableProcessors()
          : threads("-D" + THREADS_PROPERTY, threadsProperty);
    }
    budget = new Budget(budget.name(), evaluations != null ? evaluations : budget.evaluationsPerCheck(),
        restarts != null ? restarts : budget.restarts(), seed != null ? seed : budget.seed());
    if (merge && inputs.isEmpty()) {
      throw new UsageException("merge needs the partial results of a sharded run (files or directories)");
    }
    return new ReportOptions(out, budget, only, false, threads, shard, merge ? java.util.List.copyOf(inputs) : null);
  }

  /** At most {@link #MAX_THREADS}: more would be a typo, not a machine. */
  private static int threads(String flag, String value) {
    int t = positiveInt(flag, value.strip());
    if (t > MAX_THREADS) {
      throw new UsageException(flag + " must be a positive integer ≤ " + MAX_THREADS + ", got '" + value + "'");
    }
    return t;
  }

  static final int MAX_THREADS = 4096;

  private static long parseLong(String flag, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new UsageException(flag + " must be an integer, got '" + value + "'");
    }
  }

  private static int positiveInt(String flag, String value) {
    long v = parseLong(flag, value);
    if (v < 1 || v > Integer.MAX_VALUE) {
      throw new UsageException(flag + " must be a positive integer, got '" + value + "'");
    }
    return (int) v;
  }
}
