package io.byzcheck.benchmarks.regression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON the regression tool reads (JMH's result files, its own baselines) and writes: objects
 * as {@link LinkedHashMap}, arrays as {@link List}, numbers as {@link Double}, plus strings, booleans
 * and null. JMH writes "NaN" and "Infinity" as strings inside numeric arrays; they stay strings here.
 */
final class Json {
  private final String text;
  private int at;

  private Json(String text) {
    this.text = text;
  }

  /** The value in {@code text}; malformed input is an IllegalArgumentException naming the offset. */
  static Object parse(String text) {
    Json p = new Json(text);
    p.space();
    Object v = p.value();
    p.space();
    if (p.at != text.length()) {
      throw p.error("trailing characters");
    }
    return v;
  }

  private Object value() {
    if (at >= text.length()) {
      throw error("unexpected end of input");
    }
    char c = text.charAt(at);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> m = new LinkedHashMap<>();
    at++;
    space();
    if (peek() == '}') {
      at++;
      return m;
    }
    while (true) {
      space();
      if (peek() != '"') {
        throw error("expected a string key");
      }
      String key = string();
      space();
      expect(':');
      space();
      m.put(key, value());
      space();
      if (peek() == ',') {
        at++;
      } else {
        expect('}');
        return m;
      }
    }
  }

  private List<Object> array() {
    List<Object> l = new ArrayList<>();
    at++;
    space();
    if (peek() == ']') {
      at++;
      return l;
    }
    while (true) {
      space();
      l.add(value());
      space();
      if (peek() == ',') {
        at++;
      } else {
        expect(']');
        return l;
      }
    }
  }

  private String string() {
    at++;
    StringBuilder b = new StringBuilder();
    while (true) {
      if (at >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        return b.toString();
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (at >= text.length()) {
        throw error("unterminated escape");
      }
      char e = text.charAt(at++);
      switch (e) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw error("short \\u escape");
          }
          try {
            b.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          } catch (NumberFormatException ex) {
            throw error("bad \\u escape");
          }
          at += 4;
        }
        default -> b.append(e);
      }
    }
  }

  private Object literal(String word, Object v) {
    if (!text.startsWith(word, at)) {
      throw error("unexpected character '" + text.charAt(at) + "'");
    }
    at += word.length();
    return v;
  }

  private Double number() {
    int start = at;
    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    if (start == at) {
      throw error("unexpected character '" + text.charAt(at) + "'");
    }
    try {
      return Double.valueOf(text.substring(start, at));
    } catch (NumberFormatException e) {
      throw error("bad number '" + text.substring(start, at) + "'");
    }
  }

  private char peek() {
    if (at >= text.length()) {
      throw error("unexpected end of input");
    }
    return text.charAt(at);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    at++;
  }

  private void space() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("malformed JSON at offset " + at + ": " + what);
  }

  /** {@code v} as JSON text, indented by two spaces per level; non-finite numbers as null. */
  static String write(Object v) {
    StringBuilder b = new StringBuilder();
    write(v, b, "");
    return b.append('\n').toString();
  }

  private static void write(Object v, StringBuilder b, String indent) {
    switch (v) {
      case null -> b.append("null");
      case Map<?, ?> m -> {
        if (m.isEmpty()) {
          b.append("{}");
          return;
        }
        b.append("{\n");
        String inner = indent + "  ";
        int i = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
          b.append(inner);
          quote(String.valueOf(e.getKey()), b);
          b.append(": ");
          write(e.getValue(), b, inner);
          b.append(++i < m.size() ? ",\n" : "\n");
        }
        b.append(indent).append('}');
      }
      case List<?> l -> {
        boolean flat = l.stream().noneMatch(x -> x instanceof Map || x instanceof List);
        if (flat) {
          b.append('[');
          for (int i = 0; i < l.size(); i++) {
            write(l.get(i), b, indent);
            b.append(i + 1 < l.size() ? ", " : "");
          }
          b.append(']');
          return;
        }
        b.append("[\n");
        String inner = indent + "  ";
        for (int i = 0; i < l.size(); i++) {
          b.append(inner);
          write(l.get(i), b, inner);
          b.append(i + 1 < l.size() ? ",\n" : "\n");
        }
        b.append(indent).append(']');
      }
      case Double x when !Double.isFinite(x) -> b.append("null");
      case Number x -> b.append(x instanceof Double dd && dd == Math.rint(dd) && Math.abs(dd) < 1e15
          ? String.valueOf(dd.longValue()) : String.valueOf(x));
      case Boolean x -> b.append(x);
      default -> quote(v.toString(), b);
    }
  }

  private static void quote(String s, StringBuilder b) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
