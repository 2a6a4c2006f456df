package io.byzcheck.reports;

/**
 * The reports module's one way to reject a malformed piece of a report (the shape of Hipparchus'
 * {@code MathUtils.check*}), with one wording: "&lt;what&gt; needs &lt;constraint&gt; (&lt;the values
 * given&gt;)". Bad command-line arguments are {@link ReportOptions.UsageException}s instead.
 */
final class ReportValidation {
  private ReportValidation() {}

  /** {@code holds} or an IllegalArgumentException naming what, the constraint and the values. */
  static void check(String what, boolean holds, String constraint, String given) {
    if (!holds) {
      throw new IllegalArgumentException(what + " needs " + constraint + " (" + given + ")");
    }
  }

  /** Two sizes that must agree, e.g. a table row and its header. */
  static void checkSameSize(String what, String first, int a, String second, int b) {
    check(what, a == b, "as many " + first + " as " + second, a + " " + first + ", " + b + " " + second);
  }
}
