package io.byzcheck.benchmarks.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * JMH JSON written by hand, in the shape JMH 1.37 writes (-rf json): one entry per benchmark and
 * parameter set, primaryMetric.rawData one array of iteration scores per fork. The times are made up
 * from a ratio to a yardstick and a multiplicative noise, from a fixed seed.
 */
final class SyntheticJmh {
  private final List<String> entries = new ArrayList<>();
  private final SplittableRandom random;

  SyntheticJmh(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A benchmark at n (d = 10⁶) whose forks take the given times, 3 iterations each with 0.1 % jitter. */
  SyntheticJmh add(String benchmark, int n, double... forkMs) {
    StringBuilder raw = new StringBuilder("[");
    for (int f = 0; f < forkMs.length; f++) {
      raw.append(f > 0 ? ", [" : "[");
      for (int i = 0; i < 3; i++) {
        raw.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.6f",
            forkMs[f] * (1 + 0.001 * (random.nextDouble() - 0.5))));
      }
      raw.append(']');
    }
    raw.append(']');
    entries.add("""
        {
          "jmhVersion" : "1.37", "benchmark" : "io.byzcheck.benchmarks.%s", "mode" : "avgt", "threads" : 1,
          "forks" : %d, "params" : { "d" : "1000000", "n" : "%d" },
          "primaryMetric" : { "score" : 1.0, "scoreError" : "NaN", "scoreUnit" : "ms/op", "rawData" : %s },
          "secondaryMetrics" : { }
        }""".formatted(benchmark, forkMs.length, n, raw));
    return this;
  }

  /**
   * The yardstick at n with forks of {@code yardstickMs} each (times a common per-fork machine factor
   * of noise {@code noise}), and each named benchmark at {@code ratio} × the same fork's yardstick
   * times its own noise.
   */
  SyntheticJmh round(int n, int forks, double yardstickMs, double noise, Object... benchmarkAndRatio) {
    double[] y = new double[forks];
    for (int f = 0; f < forks; f++) {
      y[f] = yardstickMs * noisy(noise);
    }
    add("YardstickBenchmark.sum", n, y);
    for (int b = 0; b < benchmarkAndRatio.length; b += 2) {
      double ratio = ((Number) benchmarkAndRatio[b + 1]).doubleValue();
      double[] t = new double[forks];
      for (int f = 0; f < forks; f++) {
        t[f] = y[f] * ratio * noisy(noise);
      }
      add((String) benchmarkAndRatio[b], n, t);
    }
    return this;
  }

  private double noisy(double noise) {
    return Math.exp(noise * random.nextGaussian());
  }

  String json() {
    return "[\n" + String.join(",\n", entries) + "\n]\n";
  }
}
