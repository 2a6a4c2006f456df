package io.byzcheck.properties;

/**
 * How hard the engine searches. The same catalogue runs in {@code mvn verify} at {@link #CI} and
 * in the report at {@link #REPORT}; only the budget differs.
 *
 * @param name "ci" or "report" (or a user's own)
 * @param evaluationsPerCheck objective evaluations the worst-case search may spend per parameter point
 * @param restarts independent search restarts per parameter point
 * @param seed master seed; every check derives its own seed from it and prints it
 */
public record Budget(String name, int evaluationsPerCheck, int restarts, long seed) {
  public static final long DEFAULT_SEED = 20261124L;
  public static final Budget CI = new Budget("ci", 600, 2, DEFAULT_SEED);
  public static final Budget REPORT = new Budget("report", 6_000, 4, DEFAULT_SEED);

  public Budget {
    PropertiesValidation.check("budget " + name, evaluationsPerCheck >= 1 && restarts >= 1,
        "at least one evaluation and one restart", evaluationsPerCheck + " evaluations, " + restarts + " restarts");
  }

  /** The same budget with another master seed (for replaying a printed seed). */
  public Budget withSeed(long newSeed) {
    return new Budget(name, evaluationsPerCheck, restarts, newSeed);
  }
}
