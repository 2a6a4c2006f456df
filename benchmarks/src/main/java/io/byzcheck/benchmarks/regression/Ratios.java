package io.byzcheck.benchmarks.regression;

import io.byzcheck.benchmarks.regression.JmhResults.Trial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-fork ratios to the physical yardstick ({@code YardstickBenchmark.sum}) from the same run: the
 * trial at (n, d) is divided fork by fork by the yardstick at (n, d). Dividing by the same run's
 * yardstick cancels what the machine does to every benchmark alike (a slower memory system, a busier
 * neighbour for the whole run); pairing fork i with fork i keeps the ratios independent, so each
 * carries the yardstick's noise too and the verdicts' spread is honest.
 */
final class Ratios {
  static final String YARDSTICK = "YardstickBenchmark.sum";
  /** The negative control, measured in place of the median and reported under the median's name. */
  static final String CONTROL = "control.SlowedMedianBenchmark.aggregate";
  static final String CONTROLLED = "CoordinateWiseMedianBenchmark.aggregate";

  private Ratios() {}

  /**
   * The samples of a run, keyed by benchmark and parameters (the yardstick itself excluded).
   *
   * @param fallback trials to take the yardstick from when {@code trials} has none at some (n, d)
   *     (an A/B ref older than the yardstick); may be empty
   */
  static Map<String, Sample> of(List<Trial> trials, List<Trial> fallback) {
    Map<String, Trial> merged = merge(trials);
    Map<String, Trial> yardsticks = yardsticks(merged.values());
    yardsticks(merge(fallback).values()).forEach(yardsticks::putIfAbsent);
    Map<String, Sample> out = new TreeMap<>();
    for (Trial t : merged.values()) {
      if (t.benchmark().equals(YARDSTICK)) {
        continue;
      }
      String benchmark = t.benchmark().equals(CONTROL) ? CONTROLLED : t.benchmark();
      Sample shape = new Sample(null, benchmark, t.params(), t.unit(), t.forks(), null);
      Trial y = yardsticks.get(shape.n() + "×" + shape.d());
      if (y == null) {
        throw new IllegalArgumentException("no " + YARDSTICK + " at n = " + shape.n() + ", d = " + shape.d()
            + " in the same run, needed for " + t.key());
      }
      if (!y.unit().equals(t.unit())) {
        throw new IllegalArgumentException(t.key() + " is in " + t.unit() + " but the yardstick in " + y.unit());
      }
      int forks = Math.min(t.forks().length, y.forks().length);
      double[] ratios = new double[forks];
      for (int i = 0; i < forks; i++) {
        ratios[i] = t.forks()[i] / y.forks()[i];
      }
      String key = Trial.key(benchmark, t.params());
      if (out.containsKey(key)) {
        throw new IllegalArgumentException(key + " was measured twice (the control and the rule it replaces?)");
      }
      out.put(key, new Sample(key, benchmark, t.params(), t.unit(), t.forks(), ratios));
    }
    return out;
  }

  /**
   * The samples of one A/B side with the fork times themselves in place of ratios: the other build's
   * fork was measured next to each, so there is nothing to normalise, and a yardstick measured at
   * another moment would only add its own noise.
   */
  static Map<String, Sample> times(List<Trial> trials) {
    Map<String, Sample> out = new TreeMap<>();
    for (Trial t : merge(trials).values()) {
      if (!t.benchmark().equals(YARDSTICK)) {
        String benchmark = t.benchmark().equals(CONTROL) ? CONTROLLED : t.benchmark();
        String key = Trial.key(benchmark, t.params());
        out.put(key, new Sample(key, benchmark, t.params(), t.unit(), t.forks(), t.forks()));
      }
    }
    return out;
  }

  /** The yardstick trials by "n×d". */
  private static Map<String, Trial> yardsticks(Iterable<Trial> trials) {
    Map<String, Trial> y = new LinkedHashMap<>();
    for (Trial t : trials) {
      if (t.benchmark().equals(YARDSTICK)) {
        y.put(t.params().get("n") + "×" + t.params().get("d"), t);
      }
    }
    return y;
  }

  /** Trials of the same key (several JSON files of one run) joined, forks in file order. */
  static Map<String, Trial> merge(List<Trial> trials) {
    Map<String, Trial> out = new LinkedHashMap<>();
    for (Trial t : trials) {
      Trial seen = out.get(t.key());
      if (seen == null) {
        out.put(t.key(), t);
        continue;
      }
      out.put(t.key(), new Trial(t.benchmark(), t.params(), t.unit(), concat(seen.forks(), t.forks())));
    }
    return out;
  }

  /** Samples of several rounds (A/B), each round's ratios taken within that round, joined. */
  static Map<String, Sample> join(List<Map<String, Sample>> rounds) {
    Map<String, Sample> out = new TreeMap<>();
    for (Map<String, Sample> round : rounds) {
      for (Sample s : round.values()) {
        Sample seen = out.get(s.key());
        out.put(s.key(), seen == null ? s : new Sample(s.key(), s.benchmark(), s.params(), s.unit(),
            concat(seen.forkScores(), s.forkScores()), concat(seen.ratios(), s.ratios())));
      }
    }
    return out;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] c = new double[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
