package io.byzcheck.benchmarks;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.reference.MinimumDiameterAveragingReference;
import io.byzcheck.kernels.rules.MinimumDiameterAveraging;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Exact MDA (RESAM C.2) at n = 25, f = 5: C(25, 5) = 53 130 subsets, found by branch and bound on the
 * Gram distances ({@code aggregate}), or all enumerated on direct double distances ({@code reference},
 * at d = 10⁴). Five far Byzantine vectors among 20 honest ones. The worker count is a parameter of its
 * own ({@code workers}, not {@code n}), so that {@code -p n=…} for the other rules leaves MDA at its
 * size; read it against the yardstick at n = 25.
 */
public class MinimumDiameterAveragingBenchmark extends Settings {
  private static final int F = 5;
  private static final double FAR = 5;

  /** 25 workers, the last five offset by +5 in every coordinate, and the output buffer. */
  abstract static class Workers {
    WorkerVectors x;
    float[] out;

    void fill(int workers, int d) {
      x = RoundState.gaussian(workers, d, F, FAR);
      out = new float[d];
    }
  }

  /** The round of the fast rule. */
  @State(Scope.Benchmark)
  public static class Round extends Workers {
    @Param({"25"})
    public int workers;

    @Param({"1000000"})
    public int d;

    @Setup(Level.Trial)
    public void setUp() {
      fill(workers, d);
    }
  }

  /** The same round at the references' dimension. */
  @State(Scope.Benchmark)
  public static class ReferenceRound extends Workers {
    @Param({"25"})
    public int workers;

    @Param({"10000"})
    public int dRef;

    @Setup(Level.Trial)
    public void setUp() {
      fill(workers, dRef);
    }
  }

  private final AggregationRule mda = new MinimumDiameterAveraging();
  private final AggregationRule reference = new MinimumDiameterAveragingReference();

  @Benchmark
  public float[] aggregate(Round s) {
    mda.aggregate(s.x, F, s.out);
    return s.out;
  }

  @Benchmark
  public float[] reference(ReferenceRound s) {
    reference.aggregate(s.x, F, s.out);
    return s.out;
  }
}
