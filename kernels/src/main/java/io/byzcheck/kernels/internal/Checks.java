package io.byzcheck.kernels.internal;

/**
 * The parameter checks of the kernels module, in the shape of Hipparchus' {@code MathUtils.check*}: one
 * class, one wording. Every failure is an {@link IllegalArgumentException} reading
 * "‹who› needs ‹constraint›, got ‹name› = ‹value›, …", where who names the rule, optimizer or attack (with
 * its paper where the constraint comes from one) and the constraint is written as the paper writes it.
 * Not exported: callers see only the messages.
 */
public final class Checks {
  private Checks() {}

  /** 0 ≤ f &lt; n: at least one worker is not Byzantine ({@code f} and {@code n} name the symbols used). */
  public static void byzantineCount(String who, String f, int fValue, String n, int nValue) {
    if (fValue < 0 || fValue >= nValue) {
      throw failure(who, "0 ≤ " + f + " < " + n + " = " + nValue, f, fValue);
    }
  }

  /** f &lt; n/2: the majority of workers is honest (RESAM Def. 2 and Table 1; Yin §3, α &lt; 1/2). */
  public static void minorityByzantine(String who, int n, int f) {
    if (f < 0) {
      throw failure(who, "f ≥ 0", "f", f);
    }
    if (2 * f >= n) {
      throw failure(who, "f < n/2", "n", n, "f", f);
    }
  }

  /** value &gt; 0 and finite. */
  public static void positive(String who, String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw failure(who, name + " > 0 and finite", name, value);
    }
  }

  /** value ≥ 0 and finite. */
  public static void nonNegative(String who, String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw failure(who, name + " ≥ 0 and finite", name, value);
    }
  }

  /** value ≥ min. */
  public static void atLeast(String who, String name, long value, long min) {
    if (value < min) {
      throw failure(who, name + " ≥ " + min, name, value);
    }
  }

  /**
   * The general form: {@code ok}, else "who needs constraint, got n₁ = v₁, n₂ = v₂, …" with the names and
   * values given in pairs. Its arguments are boxed on every call: on a per-round path, test and then throw
   * {@link #failure} instead (the checks above do), so that a clean round allocates nothing.
   */
  public static void require(boolean ok, String who, String constraint, Object... namesAndValues) {
    if (!ok) {
      throw failure(who, constraint, namesAndValues);
    }
  }

  /** The exception of a failed check, for callers that test the condition themselves. */
  public static IllegalArgumentException failure(String who, String constraint, Object... namesAndValues) {
    StringBuilder s = new StringBuilder(who).append(" needs ").append(constraint);
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      s.append(i == 0 ? ", got " : ", ").append(namesAndValues[i]).append(" = ").append(namesAndValues[i + 1]);
    }
    return new IllegalArgumentException(s.toString());
  }
}
