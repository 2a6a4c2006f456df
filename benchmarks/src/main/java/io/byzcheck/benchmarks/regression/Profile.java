package io.byzcheck.benchmarks.regression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The regression profile: the rules at n = 5, 15, 31, 64 and d = 10⁶, MDA at n = 25, SMEA at n = 15, and the median-GD
 * step (m = 50, d = 10⁵), each group with the yardstick at its own (n, d), as four JMH invocations.
 *
 * @param only benchmark classes to run (simple names, "Benchmark" may be left off), or empty for all
 * @param ns the worker counts of the rules
 * @param control run the slowed median ({@link Ratios#CONTROL}) in place of the median
 */
record Profile(Set<String> only, List<Integer> ns, boolean control) {
  static final List<Integer> NS = List.of(5, 15, 31, 64);
  static final List<String> RULES = List.of("MeanBenchmark", "CoordinateWiseMedianBenchmark", "TrimmedMeanBenchmark",
      "MeanAroundMedianBenchmark", "KrumBenchmark", "MultiKrumBenchmark", "NearestNeighbourMixingBenchmark",
      "GeometricMedianBenchmark", "ComparativeGradientEliminationBenchmark", "CentredClippingBenchmark",
      "BucketingBenchmark", "AdaptiveClippingBenchmark", "MoNNABenchmark", "CovarianceAgnosticFilterBenchmark",

      "DivideAndConquerBenchmark", "SignGuardBenchmark", "ClippedClusteringBenchmark", "FlTrustBenchmark");
  static final String MDA = "MinimumDiameterAveragingBenchmark";
  /** SMEA's exhaustive search, like MDA at a worker count of its own (n = 15, f = 3). */
  static final String SMEA = "SmallestMaximumEigenvalueAveragingBenchmark";
  static final String STEP = "MedianGradientDescentStepBenchmark";
  private static final String PACKAGE = "^io\\.byzcheck\\.benchmarks\\.";

  /** Iteration counts (every iteration is 1 s) and forks per benchmark. */
  record Settings(int forks, int warmupIterations, int measurementIterations) {
    /** Six warm-up seconds: at n = 64 a call takes 4–5 s before C2 and the times settle from the 4th on. */
    static final Settings DEFAULT = new Settings(3, 6, 3);

    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("forks", (double) forks);
      m.put("warmupIterations", (double) warmupIterations);
      m.put("measurementIterations", (double) measurementIterations);
      m.put("iterationSeconds", 1.0);
      return m;
    }
  }

  /** One JMH invocation: an include pattern and its -p parameters. */
  record Invocation(String include, List<String> params) {}

  Profile {
    for (String name : only) {
      String c = canonical(name);
      if (!RULES.contains(c) && !c.equals(MDA) && !c.equals(SMEA) && !c.equals(STEP)) {
        throw new IllegalArgumentException("--only: no benchmark class " + name + " in the profile; it has "
            + RULES + ", " + MDA + ", " + SMEA + ", " + STEP);
      }
    }
  }

  private static String canonical(String name) {
    return name.endsWith("Benchmark") ? name : name + "Benchmark";
  }

  private boolean runs(String benchmarkClass) {
    return only.isEmpty() || only.stream().anyMatch(o -> canonical(o).equals(benchmarkClass))
        || control && benchmarkClass.equals("CoordinateWiseMedianBenchmark");
  }

  List<Invocation> invocations() {
    List<Invocation> out = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    for (String r : RULES) {
      if (runs(r)) {
        rules.add(control && r.equals("CoordinateWiseMedianBenchmark") ? "control\\.SlowedMedianBenchmark" : r);
      }
    }
    if (!rules.isEmpty()) {
      out.add(new Invocation(PACKAGE + "(YardstickBenchmark\\.sum|(" + String.join("|", rules) + ")\\.aggregate)$",
          List.of("n=" + join(ns), "d=1000000")));
    }
    if (runs(MDA)) {
      out.add(new Invocation(PACKAGE + "(YardstickBenchmark\\.sum|" + MDA + "\\.aggregate)$",
          List.of("n=25", "d=1000000")));
    }
    if (runs(SMEA)) {
      out.add(new Invocation(PACKAGE + "(YardstickBenchmark\\.sum|" + SMEA + "\\.aggregate)$",
          List.of("n=15", "d=1000000")));
    }
    if (runs(STEP)) {
      out.add(new Invocation(PACKAGE + "(YardstickBenchmark\\.sum|" + STEP + "\\.(step|medianOnly))$",
          List.of("n=50", "d=100000")));
    }
    return out;
  }

  /**
   * The same benchmarks one (benchmark, n) per invocation and without the yardstick, for A/B: each
   * build's fork then runs seconds, not minutes, from the other's.
   */
  List<Invocation> singles() {
    List<Invocation> out = new ArrayList<>();
    for (String r : RULES) {
      if (runs(r)) {
        String cls = control && r.equals("CoordinateWiseMedianBenchmark") ? "control\\.SlowedMedianBenchmark" : r;
        for (int n : ns) {
          out.add(new Invocation(PACKAGE + cls + "\\.aggregate$", List.of("n=" + n, "d=1000000")));
        }
      }
    }
    if (runs(MDA)) {
      out.add(new Invocation(PACKAGE + MDA + "\\.aggregate$", List.of("d=1000000")));
    }
    if (runs(SMEA)) {
      out.add(new Invocation(PACKAGE + SMEA + "\\.aggregate$", List.of("d=1000000")));
    }
    if (runs(STEP)) {
      out.add(new Invocation(PACKAGE + STEP + "\\.step$", List.of("d=100000")));
      out.add(new Invocation(PACKAGE + STEP + "\\.medianOnly$", List.of("d=100000")));
    }
    return out;
  }

  /** Whether this profile measures the baseline entry {@code s}: one it does and a run lacks is MISSING. */
  boolean measures(Sample s) {
    String cls = s.benchmark().substring(0, s.benchmark().indexOf('.'));
    if (RULES.contains(cls)) {
      return runs(cls) && ns.contains(Integer.valueOf(s.n()));
    }
    return runs(cls);
  }

  private static String join(List<Integer> ns) {
    return String.join(",", ns.stream().map(String::valueOf).toList());
  }
}
