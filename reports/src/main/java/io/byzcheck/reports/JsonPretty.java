package io.byzcheck.reports;

/**
 * Indents compact JSON (two spaces per level) so that report.json reads and diffs line by line;
 * arrays of plain values (numbers, strings) stay on one line. Only whitespace outside strings is
 * added, so the document parses to exactly the same value.
 */
final class JsonPretty {
  private JsonPretty() {}

  static String indent(String json) {
    StringBuilder sb = new StringBuilder(json.length() + json.length() / 4);
    int depth = 0;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '"' -> {
          int end = endOfString(json, i);
          sb.append(json, i, end);
          i = end - 1;
        }
        case '{', '[' -> {
          int close = matching(json, i);
          if (json.charAt(i + 1) == (c == '{' ? '}' : ']') || (c == '[' && flat(json, i + 1, close))) {
            sb.append(json, i, close + 1);
            i = close;
          } else {
            sb.append(c);
            newline(sb, ++depth);
          }
        }
        case '}', ']' -> {
          newline(sb, --depth);
          sb.append(c);
        }
        case ',' -> {
          sb.append(c);
          newline(sb, depth);
        }
        case ':' -> sb.append(": ");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static void newline(StringBuilder sb, int depth) {
    sb.append('\n');
    sb.append("  ".repeat(Math.max(depth, 0)));
  }

  /** Index just past the string starting at {@code start} (a quote). */
  private static int endOfString(String s, int start) {
    for (int j = start + 1; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '"') {
        return j + 1;
      }
    }
    throw new IllegalArgumentException("unterminated string at " + start);
  }

  private static int matching(String s, int open) {
    int depth = 0;
    for (int j = open; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '"') {
        j = endOfString(s, j) - 1;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) {
          return j;
        }
      }
    }
    throw new IllegalArgumentException("unbalanced JSON at " + open);
  }

  /** True when s[from, to) holds no nested object or array. */
  private static boolean flat(String s, int from, int to) {
    for (int j = from; j < to; j++) {
      char c = s.charAt(j);
      if (c == '"') {
        j = endOfString(s, j) - 1;
      } else if (c == '{' || c == '[') {
        return false;
      }
    }
    return true;
  }
}
