package io.byzcheck.benchmarks.regression;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A committed baseline: the per-fork times and ratios to the yardstick of a full regression run,
 * with the machine, JDK, settings and load it was recorded under.
 */
record Baseline(String recorded, Machine machine, Map<String, Object> settings, String note,
    Map<String, Sample> samples) {
  static final String FORMAT = "byzcheck-perf-baseline/1";

  static Baseline read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read baseline " + file + ": " + e.getMessage(), e);
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + " is not a regression baseline: " + e.getMessage(), e);
    }
  }

  static Baseline parse(String text) {
    if (!(Json.parse(text) instanceof Map<?, ?> m) || !FORMAT.equals(m.get("format"))) {
      throw new IllegalArgumentException("no \"format\": \"" + FORMAT + "\"");
    }
    if (!(m.get("benchmarks") instanceof List<?> list)) {
      throw new IllegalArgumentException("no \"benchmarks\" array");
    }
    Map<String, Sample> samples = new TreeMap<>();
    for (Object o : list) {
      Sample s = sample(o);
      samples.put(s.key(), s);
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    if (m.get("settings") instanceof Map<?, ?> st) {
      st.forEach((k, v) -> settings.put(String.valueOf(k), v));
    }
    return new Baseline(String.valueOf(m.get("recorded")), Machine.fromJson(m.get("machine")), settings,
        String.valueOf(m.get("note")), samples);
  }

  private static Sample sample(Object o) {
    if (!(o instanceof Map<?, ?> b) || !(b.get("benchmark") instanceof String name)) {
      throw new IllegalArgumentException("a benchmark entry without a \"benchmark\" name");
    }
    Map<String, String> params = new TreeMap<>();
    if (b.get("params") instanceof Map<?, ?> p) {
      p.forEach((k, v) -> params.put(String.valueOf(k), String.valueOf(v)));
    }
    double[] scores = positives(b.get("forkScores"), name + " forkScores");
    double[] ratios = positives(b.get("ratios"), name + " ratios");
    String key = JmhResults.Trial.key(name, params);
    return new Sample(key, name, params, String.valueOf(b.get("unit")), scores, ratios);
  }

  private static double[] positives(Object o, String what) {
    if (!(o instanceof List<?> l) || l.isEmpty()) {
      throw new IllegalArgumentException(what + " is not a non-empty array");
    }
    double[] x = new double[l.size()];
    for (int i = 0; i < x.length; i++) {
      if (!(l.get(i) instanceof Double v) || !(v > 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(what + "[" + i + "] is not a positive number: " + l.get(i));
      }
      x[i] = (Double) l.get(i);
    }
    return x;
  }

  void write(Path file) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("recorded", recorded);
    m.put("machine", machine.toJson());
    m.put("settings", settings);
    m.put("note", note);
    m.put("rule", Verdicts.Rule.DEFAULT.describe());
    List<Object> list = new ArrayList<>();
    for (Sample s : samples.values()) {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("benchmark", s.benchmark());
      b.put("params", new LinkedHashMap<>(s.params()));
      b.put("unit", s.unit());
      b.put("forkScores", boxed(s.forkScores()));
      b.put("ratios", boxed(s.ratios()));
      list.add(b);
    }
    m.put("benchmarks", list);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, Json.write(m));
  }

  static List<Object> boxed(double[] x) {
    List<Object> l = new ArrayList<>();
    for (double v : x) {
      l.add(v);
    }
    return l;
  }
}
