package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.Awkward;
import io.byzcheck.kernels.ByzantineInputException;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.reference.ReferenceRule;
import java.util.SplittableRandom;

/** What the tests of the filtering rules (DnC, SignGuard, clipped clustering) share: inputs, comparison, bad input. */
final class FastAgainstReference {
  private FastAgainstReference() {}

  /** Gaussian workers around {@code offset}, every fourth ten times farther out (no ties, generic positions). */
  static WorkerVectors gaussian(SplittableRandom rnd, int n, int d, double offset) {
    float[][] rows = new float[n][d];
    for (int i = 0; i < n; i++) {
      double scale = i % 4 == 0 ? 10 : 1;
      for (int k = 0; k < d; k++) {
        rows[i][k] = (float) (offset + scale * rnd.nextGaussian());
      }
    }
    return WorkerVectors.wrap(rows);
  }

  /**
   * The fast rule against its reference: the same selection (generic input: no near ties), then float rounding of
   * an average of at most n rescaled rows, relative to the inputs' spread and the output's size. The input is left
   * as it was.
   */
  static void compare(AggregationRule fast, ReferenceRule reference, WorkerVectors x, int f, String what) {
    WorkerVectors before = x.deepCopy();
    float[] got = fast.aggregate(x, f);
    double[] want = reference.aggregateExact(x.toDoubles(), f);
    double scale = 0;
    for (double[] row : x.toDoubles()) {
      for (double v : row) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    for (int k = 0; k < x.d(); k++) {
      assertThat((double) got[k]).as("%s %s n=%d f=%d d=%d k=%d (seed %d)", fast.name(), what, x.n(), f, x.d(), k,
          Awkward.SEED).isCloseTo(want[k], within(1e-5 * scale + 4 * Math.ulp((float) Math.abs(want[k]))));
    }
    assertThat(x.sameContents(before)).as("%s modified its input", fast.name()).isTrue();
  }

  /**
   * A NaN and a −∞ worker among 11 are excluded and charged to f: the result equals the rule on the 9 finite
   * workers with f − 2; with f = 1 it is an error naming both.
   */
  static void nonFiniteWorkersAreExcludedAndChargedToF(AggregationRule rule, long seed) {
    WorkerVectors x = gaussian(new SplittableRandom(seed), 11, 17, 0);
    float[][] rows = new float[11][];
    for (int i = 0; i < 11; i++) {
      rows[i] = x.row(i).clone();
    }
    rows[2][5] = Float.NaN;
    rows[9][0] = Float.NEGATIVE_INFINITY;
    WorkerVectors bad = WorkerVectors.wrap(rows);
    float[][] finite = new float[9][];
    for (int i = 0, t = 0; i < 11; i++) {
      if (i != 2 && i != 9) {
        finite[t++] = rows[i];
      }
    }
    assertThat(rule.aggregate(bad, 2)).containsExactly(rule.aggregate(WorkerVectors.wrap(finite), 0));
    assertThatThrownBy(() -> rule.aggregate(bad, 1)).isInstanceOf(ByzantineInputException.class)
        .hasMessageContaining("workers [2, 9]");
  }

  /**
   * A NaN or ±∞ at any position of one worker's row (d = 7: the 4-wide part and the tail of the pass that checks
   * finiteness on a clean round) is screened: the result equals the rule on the 4 other workers with f − 1.
   */
  static void nonFiniteAtEveryPositionIsScreened(AggregationRule rule, long seed) {
    WorkerVectors x = gaussian(new SplittableRandom(seed), 5, 7, 0);
    float[][] others = {x.row(0), x.row(1), x.row(2), x.row(4)};
    float[] want = rule.aggregate(WorkerVectors.wrap(others), 0);
    for (int k = 0; k < 7; k++) {
      for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
        float[] row = x.row(3).clone();
        row[k] = bad;
        WorkerVectors y = WorkerVectors.wrap(x.row(0), x.row(1), x.row(2), row, x.row(4));
        assertThat(rule.aggregate(y, 1)).as("%s, %s at k = %d (seed %d)", rule.name(), bad, k, seed)
            .containsExactly(want);
      }
    }
  }

  /**
   * Huge finite coordinates (±3.4·10³⁸, whose squares overflow float but not double) give a finite output equal to
   * the reference's.
   */
  static void hugeValuesStayFinite(AggregationRule fast, ReferenceRule reference) {
    float big = 3.4e38f;
    WorkerVectors x = WorkerVectors.wrap(new float[] {big, -big, 1}, new float[] {big, -big, 2},
        new float[] {big * 0.5f, -big, 0}, new float[] {-big, big, 3}, new float[] {big, big * 0.75f, -1},
        new float[] {big, -big * 0.9f, 5}, new float[] {big * 0.9f, -big, 1});
    float[] got = fast.aggregate(x, 1);
    for (float v : got) {
      assertThat(Float.isFinite(v)).as("%s on ±3.4e38: %s", fast.name(), java.util.Arrays.toString(got)).isTrue();
    }
    compare(fast, reference, x, 1, "huge");
  }
}
