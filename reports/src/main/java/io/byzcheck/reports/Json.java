package io.byzcheck.reports;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * A small, dependency-free JSON writer for results: records (by component), maps, iterables,
 * arrays, strings, numbers, booleans, enums and null. Non-finite doubles, which JSON cannot
 * hold, are written as the strings "NaN", "Infinity" and "-Infinity" so that nothing is lost.
 */
public final class Json {
  private Json() {}

  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value);
    return sb.toString();
  }

  public static void write(StringBuilder sb, Object value) {
    switch (value) {
      case null -> sb.append("null");
      case String s -> string(sb, s);
      case Double v -> number(sb, v);
      case Float v -> number(sb, v.doubleValue());
      case Number v -> sb.append(v);
      case Boolean b -> sb.append(b);
      case Enum<?> e -> string(sb, e.name());
      case Character c -> string(sb, c.toString());
      case Map<?, ?> m -> {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (!first) {
            sb.append(',');
          }
          first = false;
          string(sb, String.valueOf(e.getKey()));
          sb.append(':');
          write(sb, e.getValue());
        }
        sb.append('}');
      }
      case Iterable<?> it -> {
        sb.append('[');
        boolean first = true;
        for (Object o : it) {
          if (!first) {
            sb.append(',');
          }
          first = false;
          write(sb, o);
        }
        sb.append(']');
      }
      case Record r -> record(sb, r);
      default -> {
        if (value.getClass().isArray()) {
          sb.append('[');
          for (int i = 0, n = Array.getLength(value); i < n; i++) {
            if (i > 0) {
              sb.append(',');
            }
            write(sb, Array.get(value, i));
          }
          sb.append(']');
        } else {
          string(sb, value.toString());
        }
      }
    }
  }

  private static void record(StringBuilder sb, Record r) {
    sb.append('{');
    RecordComponent[] components = r.getClass().getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      string(sb, components[i].getName());
      sb.append(':');
      try {
        var accessor = components[i].getAccessor();
        accessor.setAccessible(true);
        write(sb, accessor.invoke(r));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + components[i] + " of " + r.getClass(), e);
      }
    }
    sb.append('}');
  }

  private static void number(StringBuilder sb, double v) {
    if (Double.isNaN(v)) {
      sb.append("\"NaN\"");
    } else if (Double.isInfinite(v)) {
      sb.append(v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
    } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      sb.append((long) v);
    } else {
      sb.append(v);
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
