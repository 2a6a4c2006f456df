package io.byzcheck.kernels.internal.vectorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.kernels.WeightedDefinition;
import io.byzcheck.kernels.rules.WeightCap;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The weighted median and trimmed mean kernels ({@link CoordinateKernels#weightedMedian},
 * {@link CoordinateKernels#weightedTrimmedMean}) against {@link WeightedDefinition}, bit for bit (raw float bits: the
 * sign of a zero included), for the scalar kernels, the Vector API ones when the module is present, and this JVM's
 * choice; whole rows and ranges split at aligned points. Tagged: at every forced width and without the module.
 */
@Tag("vector-width")
class WeightedKernelsTest {
  private static final long SEED = 20261202L;
  private static final int[] NS = {1, 2, 3, 4, 15, 16, 33, 64, 65};
  private static final int[] DS = {1, 7, 15, 16, 17, 1001};
  private static final double[] BETAS = {0, 0.1, 0.25, 0.45, 0.49};

  /** The kernels to hold to the definition: the JVM's, the scalar ones, and the Vector API ones if present. */
  private static List<CoordinateKernels> kernels() {
    List<CoordinateKernels> k = new ArrayList<>();
    k.add(VectorizationProvider.base().coordinateKernels());
    k.add(new ScalarCoordinateKernels());
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
      k.add(VectorizationProvider.panama().coordinateKernels());
    }
    return k;
  }

  private static void assertSameBits(float[] expected, float[] actual, String what) {
    for (int k = 0; k < expected.length; k++) {
      assertThat(Float.floatToRawIntBits(actual[k])).as("%s at k = %d: want %s got %s (seed %d)", what, k,
          expected[k], actual[k], SEED).isEqualTo(Float.floatToRawIntBits(expected[k]));
    }
  }

  @Test
  void everyKernelIsTheDefinitionBitForBit() {
    SplittableRandom rnd = new SplittableRandom(SEED);
    List<CoordinateKernels> all = kernels();
    int checked = 0;
    for (int n : NS) {
      for (int d : DS) {
        for (String kind : WeightedDefinition.KINDS) {
          float[][] x = WeightedDefinition.rows(rnd, kind, n, d);
          String weights = WeightedDefinition.WEIGHTS[rnd.nextInt(WeightedDefinition.WEIGHTS.length)];
          double[] w = WeightedDefinition.weights(rnd, weights, n);
          if (rnd.nextBoolean()) { // the rules' cap: c · the median weight
            int[] keep = java.util.stream.IntStream.range(0, n).toArray();
            double[] capped = WeightCap.medianTimes(1 + rnd.nextInt(3)).apply("test", w, n, keep);
            if (WeightedDefinition.total(capped) > 0) {
              w = capped;
              weights += ", capped";
            }
          }
          double total = WeightedDefinition.total(w);
          double beta = BETAS[rnd.nextInt(BETAS.length)];
          double trim = beta * total;
          double kept = total - 2 * trim;
          float[] median = WeightedDefinition.median(x, w);
          float[] trimmed = WeightedDefinition.trimmedMean(x, w, trim, kept);
          String at = String.format("n=%d d=%d %s, weights %s, β=%s", n, d, kind, weights, beta);
          for (CoordinateKernels c : all) {
            String who = c.getClass().getSimpleName() + " " + at;
            float[] out = new float[d];
            c.weightedMedian(x, w, total / 2, out);
            assertSameBits(median, out, "median " + who);
            c.weightedTrimmedMean(x, w, trim, kept, out);
            assertSameBits(trimmed, out, "trimmed mean " + who);
            // Split at aligned points, as the parallel layer calls it; the rest of out is left alone.
            float[] split = new float[d];
            int cut = Math.min(d, CoordinateKernels.RANGE_ALIGNMENT * (1 + rnd.nextInt(3)));
            c.weightedMedian(x, w, total / 2, split, 0, cut);
            c.weightedMedian(x, w, total / 2, split, cut, d);
            assertSameBits(median, split, "split median " + who);
            c.weightedTrimmedMean(x, w, trim, kept, split, cut, d);
            c.weightedTrimmedMean(x, w, trim, kept, split, 0, cut);
            assertSameBits(trimmed, split, "split trimmed mean " + who);
            checked++;
          }
        }
      }
    }
    assertThat(checked).isEqualTo(NS.length * DS.length * WeightedDefinition.KINDS.length * all.size());
  }

  /**
   * The order the ranks must reproduce: workers −1, ±0, ∓0, 1 (−0.0 first on even coordinates, 0.0 first on odd
   * ones), on every lane of full vectors and of the scalar tail. Worked by hand from the definition: weights
   * (2, 1, 1, 1), W/2 = 2.5, running mass 1, 3: lo = hi = worker 0's zero, its sign; (1, 2, 1, 1): 1, 2, 4: worker
   * 1's zero; (1, 1, 1, 1): 1, 2 (lo, worker 0), 3 (hi, worker 1): −0.0 + 0.0 = +0.0. Ordering the zeros by sign
   * (Float.compare) instead would give the same zero on both parities.
   */
  @Test
  void signedZeroTiesKeepWorkerOrder() {
    int d = 37;
    float[][] x = new float[4][d];
    for (int k = 0; k < d; k++) {
      boolean odd = (k & 1) == 1;
      x[0][k] = odd ? 0f : -0f;
      x[1][k] = odd ? -0f : 0f;
      x[2][k] = 1f;
      x[3][k] = -1f;
    }
    for (CoordinateKernels c : kernels()) {
      String who = c.getClass().getSimpleName();
      float[] out = new float[d];
      c.weightedMedian(x, new double[] {2, 1, 1, 1}, 2.5, out);
      assertSameBits(x[0], out, who + " w = (2, 1, 1, 1)");
      c.weightedMedian(x, new double[] {1, 2, 1, 1}, 2.5, out);
      assertSameBits(x[1], out, who + " w = (1, 2, 1, 1)");
      c.weightedMedian(x, new double[] {1, 1, 1, 1}, 2, out);
      float[] plusZero = new float[d];
      assertSameBits(plusZero, out, who + " w = (1, 1, 1, 1)");
    }
  }
}
