package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.reference.AdaptiveClippingReference;
import io.byzcheck.kernels.reference.BucketingReference;
import io.byzcheck.kernels.reference.MeanReference;
import io.byzcheck.kernels.reference.NearestNeighbourMixingReference;
import io.byzcheck.kernels.reference.ReferenceRule;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The pre-aggregations' references ({@code reference}: NNM, Bucketing, ARC, each followed by the mean's
 * reference) agree with the fast compositions on awkward sizes (n = 1..13, d = 1, 3, 17, 100, every
 * f &lt; n/2), at every forced vector width and on the scalar path; the reference benchmarks time these
 * references. Gaussian inputs with a few far rows, seed 2026 (printed on failure).
 */
@Tag("vector-width")
class PreAggregationReferencesTest {
  private static final long SEED = 2026;

  private static void agree(String what, Supplier<AggregationRule> fast, Supplier<ReferenceRule> reference) {
    agree(what, fast, reference, n -> n);
  }

  /** As above; {@code rowsAfter(n)} is how many vectors the rule after the pre-aggregation gets (f must stay below half). */
  private static void agree(String what, Supplier<AggregationRule> fast, Supplier<ReferenceRule> reference,
      IntUnaryOperator rowsAfter) {
    SplittableRandom rnd = new SplittableRandom(SEED);
    // One instance each for the whole sweep: Bucketing's k-th call draws the k-th permutation on both sides.
    AggregationRule f = fast.get();
    ReferenceRule r = reference.get();
    for (int n = 1; n <= 13; n++) {
      for (int d : new int[] {1, 3, 17, 100}) {
        for (int byz = 0; 2 * byz < n && 2 * byz < rowsAfter.applyAsInt(n); byz++) {
          float[][] rows = new float[n][d];
          for (int i = 0; i < n; i++) {
            double shift = i < n - byz ? 0 : 30 * (1 + rnd.nextDouble());
            for (int k = 0; k < d; k++) {
              rows[i][k] = (float) (shift + rnd.nextGaussian());
            }
          }
          WorkerVectors x = WorkerVectors.wrap(rows);
          float[] got = f.aggregate(x, byz);
          float[] want = r.aggregate(x, byz);
          for (int k = 0; k < d; k++) {
            double tol = 1e-5 * (1 + Math.abs(want[k]));
            assertThat((double) Math.abs(got[k] - want[k])).as("%s n=%d d=%d f=%d k=%d seed=%d", what, n, d, byz, k, SEED)
                .isLessThanOrEqualTo(tol);
          }
        }
      }
    }
  }

  @Test
  void nearestNeighbourMixingThenMean() {
    agree("Mean∘NNM", () -> new NearestNeighbourMixing().then(new Mean()),
        () -> new NearestNeighbourMixingReference().then(new MeanReference()));
  }

  @Test
  void bucketingThenMean() {
    // The mean after bucketing is called with the same f on ⌈n/s⌉ buckets, so f < ⌈n/s⌉/2 here.
    agree("Mean∘Bucketing(2)", () -> new Bucketing(2, 42).then(new Mean()), () -> new BucketingReference(2, 42).then(new MeanReference()),
        n -> (n + 1) / 2);
    agree("Mean∘Bucketing(3)", () -> new Bucketing(3, 7).then(new Mean()), () -> new BucketingReference(3, 7).then(new MeanReference()),
        n -> (n + 2) / 3);
  }

  @Test
  void adaptiveClippingThenMean() {
    agree("Mean∘ARC", () -> NormClipping.adaptive().then(new Mean()), () -> new AdaptiveClippingReference().then(new MeanReference()));
  }

  /** Negative control: the check above catches a reference that mixes over one neighbour too few. */
  @Test
  void theComparisonCatchesAWrongReference() {
    ReferenceRule wrong = new ReferenceRule() {
      @Override
      public String name() {
        return "NNM with n − f − 1 neighbours";
      }

      @Override
      public double[] aggregateExact(double[][] x, int f) {
        return new NearestNeighbourMixingReference().then(new MeanReference())
            .aggregateExact(x, Math.min(x.length - 1, f + 1));
      }
    };
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> agree("wrong", () -> new NearestNeighbourMixing().then(new Mean()), () -> wrong))
        .isInstanceOf(AssertionError.class);
  }
}
