package io.byzcheck.benchmarks;

import io.byzcheck.kernels.rules.WeightCap;
import io.byzcheck.kernels.rules.WeightedCoordinateWiseMedian;
import io.byzcheck.kernels.rules.WeightedGeometricMedian;
import io.byzcheck.kernels.rules.WeightedKrum;
import io.byzcheck.kernels.rules.WeightedMean;
import io.byzcheck.kernels.rules.WeightedRule;
import io.byzcheck.kernels.rules.WeightedTrimmedMean;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The weighted rules (per-worker sample counts, capped at twice the median weight) on the round of
 * {@link RoundState}, f = ⌊(n − 1)/4⌋; the weights are integers in [60, 100] from seed 42, and the trimmed mean
 * trims β = 0.45 of the mass at each end: its condition βW ≥ f·max w (Yin's f ≤ βm by mass) then holds at every
 * n of the parameters (27n ≥ 25(n − 1)); the time is the per-coordinate ordering of the values whatever β. Read
 * as a ratio to {@link YardstickBenchmark} at the same (n, d), and beside the unweighted rule's own benchmark: the
 * weighted median and trimmed mean run the coordinate kernels' {@code weightedMedian} / {@code weightedTrimmedMean}
 * (on the Vector API path stable ranks by n² lane-wise compares per block, where the unweighted ones run sorting
 * networks; with the module absent, an insertion sort per coordinate).
 */
public class WeightedRuleBenchmark extends Settings {

  /** The rule, by the name of its unweighted benchmark class. */
  @State(Scope.Benchmark)
  public static class Rule {
    @Param({"Mean", "CoordinateWiseMedian", "TrimmedMean", "GeometricMedian", "Krum"})
    public String rule;

    WeightedRule weighted;
    double[] weights;

    @Setup(Level.Trial)
    public void setUp(RoundState s) {
      WeightCap cap = WeightCap.medianTimes(2);
      weighted = switch (rule) {
        case "Mean" -> new WeightedMean(cap);
        case "CoordinateWiseMedian" -> new WeightedCoordinateWiseMedian(cap);
        case "TrimmedMean" -> new WeightedTrimmedMean(0.45, cap);
        case "GeometricMedian" -> new WeightedGeometricMedian(1e-6, cap);
        case "Krum" -> new WeightedKrum(cap);
        default -> throw new IllegalArgumentException("unknown rule " + rule);
      };
      SplittableRandom rnd = new SplittableRandom(42);
      weights = new double[s.n];
      for (int i = 0; i < s.n; i++) {
        weights[i] = 60 + rnd.nextInt(41);
      }
    }
  }

  @Benchmark
  public float[] aggregate(RoundState s, Rule r) {
    r.weighted.aggregate(s.x, r.weights, (s.n - 1) / 4, s.out);
    return s.out;
  }
}
