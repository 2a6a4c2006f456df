package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.rules.Bucketing;
import io.byzcheck.kernels.rules.CentredClipping;
import io.byzcheck.kernels.rules.ComparativeGradientElimination;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;
import io.byzcheck.kernels.rules.CoordinateWiseTrimmedMean;
import io.byzcheck.kernels.rules.GeometricMedian;
import io.byzcheck.kernels.rules.Krum;
import io.byzcheck.kernels.rules.Mean;
import io.byzcheck.kernels.rules.MeanAroundMedian;
import io.byzcheck.kernels.rules.NearestNeighbourMixing;
import io.byzcheck.kernels.rules.NormClipping;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Every rule through {@code ParallelAggregation} at 1 and at all threads ({@link ParallelRoundState}), with the
 * parameters of its single-threaded benchmark (f = ⌊(n − 1)/4⌋, 0 for the mean and CC; Multi-Krum*₄, GM to a
 * certified gap of 1e−6, CC τ = 10, L = 3, bucketing s = 2). Read it as a ratio to
 * {@link ParallelYardstickBenchmark} at the same (n, d, threads) from the same run: near 1 at all threads, the
 * rule reads its input about as fast as the machine's memory allows. MDA is not here: at its n its time is the
 * subset search, on one thread, not d.
 */
public class ParallelRuleBenchmark extends Settings {

  /** The rule, by the name of its single-threaded benchmark class. */
  @State(Scope.Benchmark)
  public static class Rule {
    @Param({"Mean", "CoordinateWiseMedian", "TrimmedMean", "MeanAroundMedian", "Krum", "MultiKrum", "GeometricMedian",
        "NearestNeighbourMixing", "CentredClipping", "ComparativeGradientElimination", "AdaptiveClipping", "Bucketing"})
    public String rule;

    AggregationRule wrapped;
    int f;

    @Setup(Level.Trial)
    public void setUp(ParallelRoundState s) {
      AggregationRule r = switch (rule) {
        case "Mean" -> new Mean();
        case "CoordinateWiseMedian" -> new CoordinateWiseMedian();
        case "TrimmedMean" -> CoordinateWiseTrimmedMean.trimF();
        case "MeanAroundMedian" -> new MeanAroundMedian();
        case "Krum" -> Krum.star();
        case "MultiKrum" -> Krum.multiStar(4);
        case "GeometricMedian" -> GeometricMedian.certified(1e-6);
        case "NearestNeighbourMixing" -> new NearestNeighbourMixing().then(new Mean());
        case "CentredClipping" -> CentredClipping.fromZero(10, 3);
        case "ComparativeGradientElimination" -> new ComparativeGradientElimination();
        case "AdaptiveClipping" -> NormClipping.adaptive().then(new Mean());
        case "Bucketing" -> new Bucketing(2, 42).then(new Mean());
        default -> throw new IllegalArgumentException("unknown rule " + rule);
      };
      wrapped = s.parallel.wrap(r);
      f = rule.equals("Mean") || rule.equals("CentredClipping") ? 0 : (s.n - 1) / 4;
    }
  }

  @Benchmark
  public float[] aggregate(ParallelRoundState s, Rule r) {
    r.wrapped.aggregate(s.x, r.f, s.out);
    return s.out;
  }
}
