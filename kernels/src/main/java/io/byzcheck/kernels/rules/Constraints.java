package io.byzcheck.kernels.rules;

/** Parameter checks shared by the rules, each failing with a message that names the constraint. */
public final class Constraints {
  private Constraints() {}

  /** f &lt; n/2: the majority of workers is honest (RESAM Def. 2 and Table 1; Yin §3 α &lt; 1/2). */
  public static void requireMinorityByzantine(String rule, int n, int f) {
    if (f < 0) {
      throw new IllegalArgumentException(rule + " needs f ≥ 0, got f = " + f);
    }
    if (2 * f >= n) {
      throw new IllegalArgumentException(rule + " needs f < n/2, got n = " + n + ", f = " + f);
    }
  }
}
