package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.kernels.WorkerVectors;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The mean allocates nothing in steady state with the screen folded into its sum (issue 14), on clean
 * rounds; measured as {@link MinimumDiameterAveragingAllocationTest} does (whose control shows that the
 * harness sees allocation).
 */
class MeanAllocationTest {
  @Test
  void meanAllocatesNothingOnceWarm() {
    SplittableRandom rnd = new SplittableRandom(8);
    for (int n : new int[] {5, 31}) {
      float[][] rows = new float[n][1_003];
      for (float[] row : rows) {
        for (int k = 0; k < row.length; k++) {
          row[k] = (float) rnd.nextGaussian();
        }
      }
      WorkerVectors x = WorkerVectors.wrap(rows);
      float[] out = new float[rows[0].length];
      Mean mean = new Mean();
      assertThat(MinimumDiameterAveragingAllocationTest.bytesPerCall(() -> mean.aggregate(x, 1, out)))
          .as("bytes per Mean call, n = %d", n).isZero();
    }
  }
}
