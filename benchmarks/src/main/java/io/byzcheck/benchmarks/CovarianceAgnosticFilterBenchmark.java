package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.reference.CovarianceAgnosticFilterReference;
import io.byzcheck.kernels.rules.CovarianceAgnosticFilter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CAF (Allouah et al. 2025) at f = ⌊(n−1)/4⌋, the last f workers far: one double Gram pass, at most n filter rounds of
 * an n × n eigenproblem in coefficient space, one combination pass ({@code aggregate}, parameters n and d as the other
 * rules'); the reference's d × d covariances at d = dCov ({@code reference}).
 */
public class CovarianceAgnosticFilterBenchmark extends Settings {

  /** The round of the fast rule. */
  @State(Scope.Benchmark)
  public static class Round extends SpectralRounds {
    @Param({"5", "15", "31", "64"})
    public int n;

    @Param({"1000000"})
    public int d;

    @Setup(Level.Trial)
    public void setUp() {
      fill(n, f(n), d);
    }
  }

  /** The same round at the reference's dimension. */
  @State(Scope.Benchmark)
  public static class ReferenceRound extends SpectralRounds {
    @Param({"5", "15", "31", "64"})
    public int n;

    @Param({"16"})
    public int dCov;

    @Setup(Level.Trial)
    public void setUp() {
      fill(n, f(n), dCov);
    }
  }

  static int f(int n) {
    return (n - 1) / 4;
  }

  private final AggregationRule caf = new CovarianceAgnosticFilter();
  private final AggregationRule reference = new CovarianceAgnosticFilterReference();

  @Benchmark
  public float[] aggregate(Round s) {
    caf.aggregate(s.x, f(s.n), s.out);
    return s.out;
  }

  @Benchmark
  public float[] reference(ReferenceRound s) {
    reference.aggregate(s.x, f(s.n), s.out);
    return s.out;
  }
}
