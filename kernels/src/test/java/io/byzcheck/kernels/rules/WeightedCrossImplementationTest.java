package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.Awkward;
import io.byzcheck.kernels.WeightedDefinition;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.parallel.ParallelAggregation;
import io.byzcheck.kernels.reference.WeightedReference;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The weighted median and trimmed mean rules (their kernels: scalar, or Vector API ranks) at awkward sizes, through
 * the whole rule (screen, cap, kernels): bit for bit the definition ({@link WeightedDefinition}) on the kept workers
 * and capped weights, within rounding of the integral reference ({@link WeightedReference}), the same floats split
 * over threads, and with integer weights the unweighted rules on the rows repeated. Tagged: at every forced vector
 * width and without the module. Seeds from {@link Awkward#SEED}, printed in every message.
 */
@Tag("vector-width")
class WeightedCrossImplementationTest {
  private static final int[] NS = {1, 2, 3, 15, 33, 64, 65};
  private static final int[] DS = {1, 7, 15, 16, 17, 1003};

  /** A weighted rule with fixed weights as an AggregationRule, for ParallelAggregation. */
  private static AggregationRule withWeights(WeightedRule rule, double[] w) {
    return new AggregationRule() {
      @Override
      public String name() {
        return rule.name();
      }

      @Override
      public void aggregate(WorkerVectors x, int f, float[] out) {
        rule.aggregate(x, w, f, out);
      }
    };
  }

  private static void sameBits(float[] want, float[] got, String at) {
    for (int k = 0; k < want.length; k++) {
      assertThat(Float.floatToRawIntBits(got[k])).as("%s k=%d: want %s got %s (seed %d)", at, k, want[k], got[k],
          Awkward.SEED).isEqualTo(Float.floatToRawIntBits(want[k]));
    }
  }

  @Test
  void rulesAreTheDefinitionAndWithinRoundingOfTheReference() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 180);
    int cases = 0;
    try (ParallelAggregation threads = ParallelAggregation.withThreads(3, 1)) {
      for (int n : NS) {
        for (int d : DS) {
          for (String kind : WeightedDefinition.KINDS) {
            String weights = WeightedDefinition.WEIGHTS[cases % WeightedDefinition.WEIGHTS.length];
            cases++;
            float[][] rows = WeightedDefinition.rows(rnd, kind, n, d);
            double[] w = WeightedDefinition.weights(rnd, weights, n);
            int f = (n - 1) / 4;
            // One Byzantine worker sends a NaN (when f allows): it is excluded with its weight.
            int bad = f > 0 && rnd.nextBoolean() ? rnd.nextInt(n) : -1;
            float[][] sent = rows.clone();
            if (bad >= 0) {
              sent[bad] = rows[bad].clone();
              sent[bad][rnd.nextInt(d)] = Float.NaN;
            }
            WorkerVectors x = WorkerVectors.wrap(sent);
            WeightCap cap = rnd.nextBoolean() ? WeightCap.medianTimes(2) : WeightCap.none();
            int[] keep = java.util.stream.IntStream.range(0, n).filter(i -> i != bad).toArray();
            double[] capped = cap.apply("test", w, n, keep);
            float[][] kept = new float[keep.length][];
            for (int t = 0; t < keep.length; t++) {
              kept[t] = rows[keep[t]];
            }
            double total = WeightedDefinition.total(capped);
            String at = String.format("n=%d d=%d %s, weights %s, %s, NaN worker %d", n, d, kind, weights,
                cap.label(), bad);

            WeightedCoordinateWiseMedian median = new WeightedCoordinateWiseMedian(cap);
            float[] med = median.aggregate(x, w, f);
            sameBits(WeightedDefinition.median(kept, capped), med, "WCWMed " + at);
            float[] split = new float[d];
            threads.aggregate(withWeights(median, w), x, f, split);
            sameBits(med, split, "WCWMed on 3 threads " + at);
            double[][] xd = WorkerVectors.wrap(kept).toDoubles();
            double[] refMed = WeightedReference.median(xd, capped);
            for (int k = 0; k < d; k++) {
              // The same two order statistics (sums in another order decide only at a tie of mass to the last bit).
              // As numbers: the reference's distinct values put −0.0 before 0.0, the rule keeps worker order.
              assertThat(med[k] == (float) refMed[k]).as("WCWMed vs reference %s k=%d: %s vs %s (seed %d)", at, k,
                  med[k], refMed[k], Awkward.SEED).isTrue();
            }

            // The largest β the rule accepts here is below 1/2; the smallest must cover f − (1 if a NaN worker left).
            double largest = java.util.Arrays.stream(capped).max().orElseThrow();
            int fLeft = bad >= 0 ? f - 1 : f;
            double minBeta = Math.min(0.49, fLeft * largest / total);
            double beta = minBeta + rnd.nextDouble() * (0.49 - minBeta);
            if (beta * total < fLeft * largest * (1 - 1e-12)) {
              continue; // a dominant weight: no β < 1/2 covers it (the rule's own error, tested in WeightedRulesTest)
            }
            WeightedTrimmedMean trimmed = new WeightedTrimmedMean(beta, cap);
            float[] trm = trimmed.aggregate(x, w, f);
            double trim = beta * total;
            sameBits(WeightedDefinition.trimmedMean(kept, capped, trim, total - 2 * trim), trm, "WTrMean " + at);
            threads.aggregate(withWeights(trimmed, w), x, f, split);
            sameBits(trm, split, "WTrMean on 3 threads " + at);
            double[] refTrm = WeightedReference.trimmedMean(xd, capped, beta);
            for (int k = 0; k < d; k++) {
              double scale = 0;
              for (double[] row : xd) {
                scale = Math.max(scale, Math.abs(row[k]));
              }
              // Two double derivations of Σ overlap·x / ((1 − 2β)W): each within n·2⁻⁵³·W·max|x| of the exact sum
              // before the division, so apart by twice that over the kept mass, plus the float rounding.
              double tol = Math.ulp((float) refTrm[k]) + 4 * n * 0x1p-53 * total * scale / (total - 2 * trim);
              assertThat((double) trm[k]).as("WTrMean vs reference %s β=%s k=%d (seed %d)", at, beta, k,
                  Awkward.SEED).isCloseTo(refTrm[k], within(tol));
            }
          }
        }
      }
    }
    assertThat(cases).isEqualTo(NS.length * DS.length * WeightedDefinition.KINDS.length);
  }

  /**
   * Integer weights 0 … 3 (uncapped) beyond the vector block sizes: the weighted median is the unweighted median of
   * the rows repeated wᵢ times exactly, and the weighted β-trimmed mean is Yin's on them (βW an integer) within
   * their two summations' rounding, as in {@link WeightedRulesTest}.
   */
  @Test
  void integerWeightsEqualTheUnweightedRulesOnRepeatedRowsAtEverySize() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 181);
    for (int n : NS) {
      for (int d : new int[] {1, 15, 17, 67}) {
        WorkerVectors x = Awkward.vectors(rnd, n, d);
        int[] w = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
          w[i] = rnd.nextInt(4);
          total += w[i];
        }
        if (total == 0) {
          w[0] = 1;
          total = 1;
        }
        WorkerVectors rep = WeightedRulesTest.repeated(x, w);
        String at = String.format("n=%d d=%d W=%d (seed %d)", n, d, total, Awkward.SEED);
        assertThat(new WeightedCoordinateWiseMedian(WeightCap.none()).aggregate(x, WeightedRulesTest.doubles(w), 0))
            .as(at).containsExactly(new CoordinateWiseMedian().aggregate(rep, 0));
        int t = rnd.nextInt((total - 1) / 2 + 1);
        double beta = (double) t / total;
        float[] trimmed = new WeightedTrimmedMean(beta, WeightCap.none()).aggregate(x, WeightedRulesTest.doubles(w), 0);
        float[] yin = CoordinateWiseTrimmedMean.byFraction(beta).aggregate(rep, 0);
        for (int k = 0; k < d; k++) {
          double scale = 0;
          for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(x.row(i)[k]));
          }
          assertThat((double) trimmed[k]).as(at + " β=" + beta + " k=" + k)
              .isCloseTo((double) yin[k], within(4.0 * total * Math.ulp((float) scale)));
        }
      }
    }
  }
}
