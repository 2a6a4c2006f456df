package io.byzcheck.reports;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Results to JSON and back without loss, for the partial results of a sharded run: a record is written by its
 * components and rebuilt by its canonical constructor from its declared (generic) component types; doubles are
 * written as {@link Double#toString} (which round-trips exactly, −0.0 included) or "NaN"/"Infinity"/"-Infinity";
 * a value declared {@code Object} (a parameter map's values) carries its type, e.g. {@code {"int": 5}}, so that
 * the 5 of n = 5 comes back an Integer, not a Double. A merged report renders from the decoded results exactly as
 * an unsharded run renders from the originals.
 */
final class TypedJson {
  private TypedJson() {}

  static String write(Object value, Type type) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, type);
    return sb.toString();
  }

  static void write(StringBuilder sb, Object value, Type type) {
    Class<?> raw = raw(type);
    if (value == null) {
      sb.append("null");
    } else if (raw == Object.class) {
      sb.append("{\"").append(tag(value)).append("\":");
      write(sb, value, value.getClass());
      sb.append('}');
    } else if (value instanceof Double || value instanceof Float) {
      double v = ((Number) value).doubleValue();
      if (Double.isFinite(v)) {
        sb.append(v);
      } else {
        Json.write(sb, Double.toString(v));
      }
    } else if (value instanceof Number || value instanceof Boolean) {
      sb.append(value);
    } else if (value instanceof String || value instanceof Enum<?>) {
      Json.write(sb, value);
    } else if (value instanceof Record r) {
      sb.append('{');
      RecordComponent[] cs = r.getClass().getRecordComponents();
      for (int k = 0; k < cs.length; k++) {
        if (k > 0) {
          sb.append(',');
        }
        Json.write(sb, cs[k].getName());
        sb.append(':');
        write(sb, read(cs[k], r), cs[k].getGenericType());
      }
      sb.append('}');
    } else if (value instanceof Map<?, ?> m) {
      Type v = typeArgument(type, 1);
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        Json.write(sb, String.valueOf(e.getKey()));
        sb.append(':');
        write(sb, e.getValue(), v);
      }
      sb.append('}');
    } else if (value instanceof List<?> list) {
      Type t = typeArgument(type, 0);
      sb.append('[');
      for (int k = 0; k < list.size(); k++) {
        if (k > 0) {
          sb.append(',');
        }
        write(sb, list.get(k), t);
      }
      sb.append(']');
    } else if (value.getClass().isArray()) {
      Class<?> t = value.getClass().getComponentType();
      sb.append('[');
      for (int k = 0, n = Array.getLength(value); k < n; k++) {
        if (k > 0) {
          sb.append(',');
        }
        write(sb, Array.get(value, k), t);
      }
      sb.append(']');
    } else {
      throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " into a partial result");
    }
  }

  /** The value of {@code json} (from {@link JsonParser#parse}) as the declared {@code type}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object read(Object json, Type type) {
    Class<?> raw = raw(type);
    if (json == null) {
      ReportValidation.check("a partial result", !raw.isPrimitive(), "a value for every " + raw.getSimpleName(),
          "null");
      return null;
    }
    if (raw == Object.class) {
      Map<String, Object> tagged = as(json, Map.class, type);
      ReportValidation.check("a partial result", tagged.size() == 1, "one type tag per untyped value", "" + tagged);
      Map.Entry<String, Object> e = tagged.entrySet().iterator().next();
      return read(e.getValue(), untag(e.getKey()));
    }
    if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
      double v = json instanceof String s ? Double.parseDouble(s) : TypedJson.<JsonParser.Num>as(json, JsonParser.Num.class, type).asDouble();
      return raw == float.class || raw == Float.class ? (Object) (float) v : (Object) v;
    }
    if (raw == long.class || raw == Long.class) {
      return TypedJson.<JsonParser.Num>as(json, JsonParser.Num.class, type).asLong();
    }
    if (raw == int.class || raw == Integer.class) {
      return Math.toIntExact(TypedJson.<JsonParser.Num>as(json, JsonParser.Num.class, type).asLong());
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return as(json, Boolean.class, type);
    }
    if (raw == String.class) {
      return as(json, String.class, type);
    }
    if (raw.isEnum()) {
      return Enum.valueOf((Class<? extends Enum>) raw, as(json, String.class, type));
    }
    if (raw.isRecord()) {
      Map<String, Object> m = as(json, Map.class, type);
      RecordComponent[] cs = raw.getRecordComponents();
      Class<?>[] types = new Class<?>[cs.length];
      Object[] args = new Object[cs.length];
      for (int k = 0; k < cs.length; k++) {
        types[k] = cs[k].getType();
        ReportValidation.check("a partial result's " + raw.getSimpleName(), m.containsKey(cs[k].getName()),
            "its component " + cs[k].getName(), "keys " + m.keySet());
        args[k] = read(m.get(cs[k].getName()), cs[k].getGenericType());
      }
      try {
        Constructor<?> c = raw.getDeclaredConstructor(types);
        return c.newInstance(args);
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException("cannot rebuild a " + raw.getName() + " from a partial result: " + e, e);
      }
    }
    if (Map.class.isAssignableFrom(raw)) {
      Type v = typeArgument(type, 1);
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) as(json, Map.class, type)).entrySet()) {
        out.put(e.getKey(), read(e.getValue(), v));
      }
      return out;
    }
    if (List.class.isAssignableFrom(raw)) {
      Type t = typeArgument(type, 0);
      List<Object> out = new ArrayList<>();
      for (Object o : (List<Object>) as(json, List.class, type)) {
        out.add(read(o, t));
      }
      return out;
    }
    if (raw.isArray()) {
      List<Object> list = as(json, List.class, type);
      Object out = Array.newInstance(raw.getComponentType(), list.size());
      for (int k = 0; k < list.size(); k++) {
        Array.set(out, k, read(list.get(k), raw.getComponentType()));
      }
      return out;
    }
    throw new IllegalArgumentException("cannot read a " + type.getTypeName() + " from a partial result");
  }

  private static String tag(Object v) {
    return switch (v) {
      case Integer x -> "int";
      case Long x -> "long";
      case Double x -> "double";
      case String x -> "string";
      case Boolean x -> "boolean";
      default -> throw new IllegalArgumentException("cannot write an untyped " + v.getClass().getName()
          + " into a partial result (parameter values are int, long, double, string or boolean)");
    };
  }

  private static Class<?> untag(String tag) {
    return switch (tag) {
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "double" -> Double.class;
      case "string" -> String.class;
      case "boolean" -> Boolean.class;
      default -> throw new IllegalArgumentException("a partial result needs a known type tag (int, long, double, "
          + "string, boolean) (" + tag + ")");
    };
  }

  private static Object read(RecordComponent c, Record r) {
    try {
      var accessor = c.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + c + " of " + r.getClass(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T as(Object json, Class<?> want, Type type) {
    ReportValidation.check("a partial result", want.isInstance(json), "a JSON " + want.getSimpleName() + " for "
        + type.getTypeName(), "found " + json.getClass().getSimpleName() + " " + json);
    return (T) json;
  }

  private static Class<?> raw(Type t) {
    return switch (t) {
      case Class<?> c -> c;
      case ParameterizedType p -> (Class<?>) p.getRawType();
      case GenericArrayType g -> Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
      case WildcardType w -> raw(w.getUpperBounds()[0]);
      default -> Object.class;
    };
  }

  private static Type typeArgument(Type t, int k) {
    return t instanceof ParameterizedType p ? p.getActualTypeArguments()[k] : Object.class;
  }
}
