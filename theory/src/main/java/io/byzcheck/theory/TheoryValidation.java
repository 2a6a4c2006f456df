package io.byzcheck.theory;

/**
 * The theory module's one way to reject parameters outside a statement's hypotheses (the shape of
 * Hipparchus' {@code MathUtils.check*}), with one wording, the same as {@link Admissibility#orThrow()}:
 * "&lt;statement (paper, locator)&gt; needs &lt;constraint&gt; (&lt;the values given&gt;)". Each check
 * throws IllegalArgumentException; a statement with several named conditions uses {@link Admissibility}.
 */
public final class TheoryValidation {
  private TheoryValidation() {}

  /** The general form: {@code holds} or an error naming the statement, the constraint and the values. */
  public static void check(Citation statement, boolean holds, String constraint, String given) {
    if (!holds) {
      throw violation(statement, constraint, given);
    }
  }

  /** The error itself, for a caller whose condition is clearer as its own branch: {@code throw violation(…)}. */
  public static IllegalArgumentException violation(Citation statement, String constraint, String given) {
    return new IllegalArgumentException(statement + " needs " + constraint + " (" + given + ")");
  }

  /** n ≥ 1 workers and 0 ≤ f &lt; n Byzantine ones (e.g. RES Prop. 2, Lemma 1). */
  public static void checkByzantineCount(Citation statement, int n, int f) {
    check(statement, n >= 1 && f >= 0 && f < n, "n ≥ 1 and 0 ≤ f < n", "n = " + n + ", f = " + f);
  }

  /** n ≥ 1 and 0 ≤ f &lt; n/2, the range of resilient averaging (RES Def. 2) and of its consequences. */
  public static void checkMinorityByzantine(Citation statement, int n, int f) {
    check(statement, n >= 1 && f >= 0 && 2L * f < n, "n ≥ 1 and 0 ≤ f < n/2", "n = " + n + ", f = " + f);
  }

  /** An integer parameter at least {@code min}, e.g. d ≥ 1. */
  public static void checkAtLeast(Citation statement, String name, long value, long min) {
    check(statement, value >= min, name + " ≥ " + min, name + " = " + value);
  }

  /** A finite parameter &gt; 0. */
  public static void checkPositive(Citation statement, String name, double value) {
    check(statement, value > 0 && Double.isFinite(value), "a finite " + name + " > 0", name + " = " + value);
  }

  /** A finite parameter ≥ 0. */
  public static void checkNonNegative(Citation statement, String name, double value) {
    check(statement, value >= 0 && Double.isFinite(value), "a finite " + name + " ≥ 0", name + " = " + value);
  }
}
