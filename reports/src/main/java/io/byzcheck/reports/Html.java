package io.byzcheck.reports;

import java.util.Locale;

/**
 * Text helpers for the HTML page: escaping (rule names, descriptions and counterexamples come from
 * code we do not control, e.g. a user's own rule, so every piece of text is escaped) and number
 * formatting that does not depend on the machine's locale.
 */
final class Html {
  private Html() {}

  /** Escapes text for element content and double-quoted attribute values. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          // Control characters other than tab/newline have no business in a page; show them as U+FFFD.
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            sb.append('\uFFFD');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** A fragment identifier derived from arbitrary text: letters, digits and '-' only. */
  static String anchor(String s) {
    StringBuilder sb = new StringBuilder("id-");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(Character.isLetterOrDigit(c) && c < 0x80 ? Character.toLowerCase(c) : '-');
    }
    return sb.toString();
  }

  /** Four significant digits, plain notation where readable, "∞"/"NaN" for non-finite values. */
  static String num(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "−∞";
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e-3 && a < 1e6) {
      String s = String.format(Locale.ROOT, "%.4g", v);
      return s.contains("e") ? s : stripZeros(s);
    }
    return String.format(Locale.ROOT, "%.3e", v);
  }

  /** Integer-valued numbers with thin grouping, e.g. 20 000. */
  static String count(long v) {
    return String.format(Locale.ROOT, "%,d", v).replace(',', '\u2009');
  }

  /** A fixed-point number for SVG coordinates. */
  static String px(double v) {
    return stripZeros(String.format(Locale.ROOT, "%.1f", v));
  }

  /** Milliseconds as e.g. "4 min 12 s" or "850 ms". */
  static String duration(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    long s = Math.round(millis / 1000.0);
    if (s < 60) {
      return s + " s";
    }
    long m = s / 60;
    if (m < 60) {
      return m + " min " + (s % 60) + " s";
    }
    return (m / 60) + " h " + (m % 60) + " min";
  }

  private static String stripZeros(String s) {
    if (!s.contains(".")) {
      return s;
    }
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }
}
