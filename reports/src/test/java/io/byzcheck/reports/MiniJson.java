package io.byzcheck.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tests' view of parsed JSON: {@link JsonParser} (strict RFC 8259; any syntax error, including trailing
 * garbage, throws with the offset), with numbers as Longs when written without fraction or exponent, else Doubles.
 */
final class MiniJson {
  private MiniJson() {}

  static Object parse(String text) {
    return plain(JsonParser.parse(text));
  }

  @SuppressWarnings("unchecked")
  private static Object plain(Object v) {
    if (v instanceof JsonParser.Num n) {
      return n.literal().matches("-?[0-9]+") ? (Object) n.asLong() : (Object) n.asDouble();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) m).forEach((k, x) -> out.put(k, plain(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(MiniJson::plain).toList();
    }
    return v;
  }
}
