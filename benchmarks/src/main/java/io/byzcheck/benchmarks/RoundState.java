package io.byzcheck.benchmarks;

import io.byzcheck.kernels.WorkerVectors;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One round of n worker vectors of dimension d (Gaussian around a common mean, as honest
 * gradients are), built once per trial from a fixed seed, plus the caller's output buffer.
 */
@State(Scope.Benchmark)
public class RoundState {
  @Param({"5", "15", "31", "64"})
  public int n;

  @Param({"10000", "1000000"})
  public int d;

  public WorkerVectors x;
  public float[] out;

  @Setup(Level.Trial)
  public void setUp() {
    x = gaussian(n, d, 0, 0);
    out = new float[d];
  }

  /**
   * n rows of N(1, 1) coordinates from seed 42, of which the last {@code far} are shifted by
   * {@code offset} (Byzantine vectors far from the honest cloud).
   */
  public static WorkerVectors gaussian(int n, int d, int far, double offset) {
    SplittableRandom rnd = new SplittableRandom(42);
    float[][] rows = new float[n][d];
    for (int i = 0; i < n; i++) {
      double shift = i < n - far ? 0 : offset;
      for (int k = 0; k < d; k++) {
        rows[i][k] = (float) (1.0 + shift + rnd.nextGaussian());
      }
    }
    return WorkerVectors.wrap(rows);
  }
}
