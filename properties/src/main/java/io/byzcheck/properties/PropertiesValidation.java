package io.byzcheck.properties;

/**
 * The properties module's one way to reject a bad argument (the shape of Hipparchus' {@code MathUtils.check*}),
 * with one wording: "&lt;what is checked (statement or engine part)&gt; needs &lt;constraint&gt; (&lt;the
 * values given&gt;)". Statements' own hypotheses are checked in {@code theory} (TheoryValidation); these are
 * the engine's.
 */
public final class PropertiesValidation {
  private PropertiesValidation() {}

  /** The general form: {@code holds} or an IllegalArgumentException naming what, the constraint and the values. */
  public static void check(String what, boolean holds, String constraint, String given) {
    if (!holds) {
      throw new IllegalArgumentException(what + " needs " + constraint + " (" + given + ")");
    }
  }

  /** n ≥ 1 inputs of which 0 ≤ f &lt; n are Byzantine. */
  public static void checkByzantineCount(String what, int n, int f) {
    check(what, n >= 1 && f >= 0 && f < n, "n ≥ 1 and 0 ≤ f < n", "n = " + n + ", f = " + f);
  }

  /** A finite value &gt; 0 (e.g. a claimed λ by which a ratio is divided). */
  public static void checkPositive(String what, String name, double value) {
    check(what, value > 0 && Double.isFinite(value), "a finite " + name + " > 0", name + " = " + value);
  }
}
