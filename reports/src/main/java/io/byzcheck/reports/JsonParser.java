package io.byzcheck.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader (RFC 8259), the inverse of {@link Json}: objects become {@link LinkedHashMap}s (key order
 * kept), arrays {@link List}s, numbers stay {@link Number}s as written — a {@link JsonParser.Num} keeping the
 * literal, so that a double round-trips bit for bit and a long is not squeezed through a double.
 */
final class JsonParser {
  /** A number as written in the document. */
  record Num(String literal) {
    long asLong() {
      return Long.parseLong(literal);
    }

    double asDouble() {
      return Double.parseDouble(literal);
    }
  }

  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  private final String s;
  private int i;

  private JsonParser(String s) {
    this.s = s;
  }

  /** The value the text holds; an IllegalArgumentException naming the offset when it is not JSON. */
  static Object parse(String text) {
    JsonParser p = new JsonParser(text);
    p.space();
    Object v = p.value();
    p.space();
    p.expect(p.i == text.length(), "the end of the document");
    return v;
  }

  private Object value() {
    expect(i < s.length(), "a value");
    char c = s.charAt(i);
    switch (c) {
      case '{' -> {
        i++;
        Map<String, Object> m = new LinkedHashMap<>();
        space();
        if (peek('}')) {
          return m;
        }
        do {
          space();
          expect(i < s.length() && s.charAt(i) == '"', "a string key");
          String k = string();
          space();
          expect(peek(':'), "':'");
          space();
          m.put(k, value());
          space();
        } while (peek(','));
        expect(peek('}'), "',' or '}'");
        return m;
      }
      case '[' -> {
        i++;
        List<Object> a = new ArrayList<>();
        space();
        if (peek(']')) {
          return a;
        }
        do {
          space();
          a.add(value());
          space();
        } while (peek(','));
        expect(peek(']'), "',' or ']'");
        return a;
      }
      case '"' -> {
        return string();
      }
      default -> {
        if (s.startsWith("true", i)) {
          i += 4;
          return Boolean.TRUE;
        }
        if (s.startsWith("false", i)) {
          i += 5;
          return Boolean.FALSE;
        }
        if (s.startsWith("null", i)) {
          i += 4;
          return null;
        }
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
          i++;
        }
        expect(i > start, "a value");
        String lit = s.substring(start, i);
        if (!NUMBER.matcher(lit).matches()) {
          i = start;
          expect(false, "a number (RFC 8259: no leading zero, '+' or bare '.')");
        }
        return new Num(lit);
      }
    }
  }

  private String string() {
    i++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      expect(i < s.length(), "the closing '\"'");
      char c = s.charAt(i++);
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        expect(c >= 0x20, "no raw control character in a string");
        sb.append(c);
        continue;
      }
      expect(i < s.length(), "an escape");
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          expect(i + 4 <= s.length(), "four hex digits");
          sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
        }
        default -> expect(false, "a valid escape");
      }
    }
  }

  private boolean peek(char c) {
    if (i < s.length() && s.charAt(i) == c) {
      i++;
      return true;
    }
    return false;
  }

  private void space() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private void expect(boolean ok, String what) {
    ReportValidation.check("JSON", ok, what + " at offset " + i, i < s.length()
        ? "found '" + s.substring(i, Math.min(s.length(), i + 20)) + "'" : "found the end");
  }
}
