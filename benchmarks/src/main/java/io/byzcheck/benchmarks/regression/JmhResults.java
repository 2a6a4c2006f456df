package io.byzcheck.benchmarks.regression;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads JMH's JSON result files (-rf json) into one {@link Trial} per benchmark and parameter set. */
final class JmhResults {
  private static final String PACKAGE = "io.byzcheck.benchmarks.";

  private JmhResults() {}

  /**
   * One benchmark at one parameter set: its per-fork scores, each the median of that fork's measurement
   * iterations (from {@code primaryMetric.rawData}, one row per fork). The median, not JMH's mean: on a
   * shared machine one iteration in a fork may be hit by a neighbour's burst, which is noise; a fork that
   * is slow throughout (C2 left vectors boxed in it) stays slow, and that is what the forks are for.
   */
  record Trial(String benchmark, Map<String, String> params, String unit, double[] forks) {
    /** "CoordinateWiseMedianBenchmark.aggregate [d=1000000, n=15]": the name verdicts and baselines use. */
    String key() {
      return key(benchmark, params);
    }

    static String key(String benchmark, Map<String, String> params) {
      return params.isEmpty() ? benchmark : benchmark + " " + params.toString().replace('{', '[').replace('}', ']');
    }
  }

  static List<Trial> read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read JMH result file " + file + ": " + e.getMessage(), e);
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + " is not a JMH JSON result file: " + e.getMessage(), e);
    }
  }

  static List<Trial> parse(String text) {
    if (!(Json.parse(text) instanceof List<?> entries)) {
      throw new IllegalArgumentException("the top level is not an array of benchmark results");
    }
    List<Trial> out = new ArrayList<>();
    for (Object e : entries) {
      out.add(trial(e));
    }
    return out;
  }

  private static Trial trial(Object entry) {
    if (!(entry instanceof Map<?, ?> m) || !(m.get("benchmark") instanceof String name)) {
      throw new IllegalArgumentException("a result without a \"benchmark\" name");
    }
    String where = "benchmark " + name;
    Map<String, String> params = new TreeMap<>();
    if (m.get("params") instanceof Map<?, ?> p) {
      p.forEach((k, v) -> params.put(String.valueOf(k), String.valueOf(v)));
    }
    if (!(m.get("primaryMetric") instanceof Map<?, ?> metric)) {
      throw new IllegalArgumentException(where + ": no primaryMetric");
    }
    if (!(metric.get("rawData") instanceof List<?> raw) || raw.isEmpty()) {
      throw new IllegalArgumentException(where + ": primaryMetric has no rawData (per-fork iterations)");
    }
    double[] forks = new double[raw.size()];
    for (int i = 0; i < forks.length; i++) {
      if (!(raw.get(i) instanceof List<?> iterations) || iterations.isEmpty()) {
        throw new IllegalArgumentException(where + ": rawData fork " + i + " is not a non-empty array");
      }
      double[] scores = new double[iterations.size()];
      for (int j = 0; j < scores.length; j++) {
        if (!(iterations.get(j) instanceof Double x) || !(x > 0) || Double.isInfinite(x)) {
          throw new IllegalArgumentException(where + ": fork " + i + " has a non-positive or non-numeric score "
              + iterations.get(j));
        }
        scores[j] = x;
      }
      forks[i] = Stats.median(scores);
    }
    String unit = metric.get("scoreUnit") instanceof String u ? u : "?";
    String shortName = name.startsWith(PACKAGE) ? name.substring(PACKAGE.length()) : name;
    return new Trial(shortName, params, unit, forks);
  }
}
