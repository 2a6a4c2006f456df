package io.byzcheck.benchmarks;

import io.byzcheck.kernels.WorkerVectors;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The round the plain references run on: as {@link RoundState}, but at a dimension of its own
 * ({@code dRef}, 10⁴ by default) so that {@code -p d=1000000} does not send a double-precision
 * reference (the geometric median's iterates to 1e−13, a sort per coordinate) into minutes per call.
 * Read the SIMD speed-up as {@code aggregate} at d = dRef over {@code reference}.
 */
@State(Scope.Benchmark)
public class ReferenceRoundState {
  @Param({"5", "15", "31", "64"})
  public int n;

  @Param({"10000"})
  public int dRef;

  public WorkerVectors x;
  public float[] out;

  @Setup(Level.Trial)
  public void setUp() {
    x = RoundState.gaussian(n, dRef, 0, 0);
    out = new float[dRef];
  }
}
