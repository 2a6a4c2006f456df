package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.SmallestMaximumEigenvalueAveragingReference;
import io.byzcheck.kernels.rules.SmallestMaximumEigenvalueAveraging;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Exact SMEA (Allouah et al. 2023) at n = 15, f = 3: one double Gram pass, then C(15, 3) = 455 subsets, each a 12 × 12
 * eigenproblem ({@code aggregate}); the reference's 455 d × d covariances at d = dCov ({@code reference}). Exponential
 * like MDA, so the worker count is a parameter of its own ({@code workers}): read it against the yardstick at n = 15.
 */
public class SmallestMaximumEigenvalueAveragingBenchmark extends Settings {
  private static final int F = 3;

  /** The round of the fast rule. */
  @State(Scope.Benchmark)
  public static class Round extends SpectralRounds {
    @Param({"15"})
    public int workers;

    @Param({"1000000"})
    public int d;

    @Setup(Level.Trial)
    public void setUp() {
      fill(workers, F, d);
    }
  }

  /** The same round at the reference's dimension. */
  @State(Scope.Benchmark)
  public static class ReferenceRound extends SpectralRounds {
    @Param({"15"})
    public int workers;

    @Param({"16"})
    public int dCov;

    @Setup(Level.Trial)
    public void setUp() {
      fill(workers, F, dCov);
    }
  }

  private final AggregationRule smea = new SmallestMaximumEigenvalueAveraging();
  private final AggregationRule reference = new SmallestMaximumEigenvalueAveragingReference();

  @Benchmark
  public float[] aggregate(Round s) {
    smea.aggregate(s.x, F, s.out);
    return s.out;
  }

  @Benchmark
  public float[] reference(ReferenceRound s) {
    reference.aggregate(s.x, F, s.out);
    return s.out;
  }
}
