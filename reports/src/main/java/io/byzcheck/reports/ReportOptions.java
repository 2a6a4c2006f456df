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
 */
public record ReportOptions(Path out, Budget budget, String only, boolean help) {

  /** A command-line mistake; the message says which argument and what was expected. */
  public static final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
      super(message);
    }
  }

  public static final String USAGE = """
      Usage: ReportMain [options]
        Runs the ByzCheck check catalogue and writes index.html and report.json.

        --out DIR          output directory (default: ./report); created if missing
        --budget ci|report engine budget (default: report). ci: %s evaluations x %d restarts per
                           parameter point (about 1-2 min); report: %s x %d (several minutes)
        --seed N           master seed (default: %d); every check derives its seed from it,
                           so the same seed replays the same search
        --only PREFIX      only checks whose THEORY.md ID starts with PREFIX (e.g. RES-T1-CW)
        --evaluations N    override the budget's evaluations per parameter point
        --restarts N       override the budget's restarts per parameter point
        -h, --help         this text

      Via Maven, from the repository root:
        mvn -B -q -pl reports -am package -DskipTests exec:exec@report -Dreport.args="--budget ci"
      """.formatted(Html.count(Budget.CI.evaluationsPerCheck()), Budget.CI.restarts(),
      Html.count(Budget.REPORT.evaluationsPerCheck()), Budget.REPORT.restarts(), Budget.DEFAULT_SEED);

  public static ReportOptions parse(String... args) {
    Path out = Path.of("report");
    Budget budget = Budget.REPORT;
    Long seed = null;
    Integer evaluations = null;
    Integer restarts = null;
    String only = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("-h") || arg.equals("--help")) {
        return new ReportOptions(out, budget, null, true);
      }
      String flag = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        flag = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      switch (flag) {
        case "--out", "--budget", "--seed", "--only", "--evaluations", "--restarts" -> {
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
        default -> throw new AssertionError(flag);
      }
    }
    budget = new Budget(budget.name(), evaluations != null ? evaluations : budget.evaluationsPerCheck(),
        restarts != null ? restarts : budget.restarts(), seed != null ? seed : budget.seed());
    return new ReportOptions(out, budget, only, false);
  }

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
