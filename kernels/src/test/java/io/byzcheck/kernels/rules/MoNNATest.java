package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.kernels.Awkward;
import io.byzcheck.kernels.ByzantineInputException;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.reference.MoNNAReference;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * MoNNA's nearest-neighbour averaging (Farhadkhani et al. 2023): cases worked by hand, the fast rule against the
 * reference at awkward sizes (tagged: forced vector widths and the scalar path), the pivot through the non-finite
 * policy, and bad input.
 */
@Tag("vector-width")
class MoNNATest {

  private static WorkerVectors line(float... v) {
    float[][] rows = new float[v.length][];
    for (int i = 0; i < v.length; i++) {
      rows[i] = new float[] {v[i]};
    }
    return WorkerVectors.wrap(rows);
  }

  /**
   * x = 0, 1, 3, 7, 100, f = 2: the n − f = 3 nearest of the pivot. Pivot 2 (x = 3): distances 3, 2, 0, 4, 97 →
   * {3, 1, 0}, mean 4/3. Pivot 3 (x = 7): 7, 6, 4, 0, 93 → {7, 3, 1}, 11/3. Pivot 4 (the outlier, if it were
   * trusted): {100, 7, 3}, 110/3 — why the pivot must be honest.
   */
  @Test
  void handWorkedCases() {
    WorkerVectors x = line(0, 1, 3, 7, 100);
    assertThat(MoNNA.pivot(2).aggregate(x, 2)[0]).isCloseTo(4f / 3, within(1e-6f));
    assertThat(MoNNA.pivot(3).aggregate(x, 2)[0]).isCloseTo(11f / 3, within(1e-6f));
    assertThat(MoNNA.pivot(4).aggregate(x, 2)[0]).isCloseTo(110f / 3, within(1e-5f));
    assertThat(new MoNNAReference(2).aggregateExact(x.toDoubles(), 2)[0]).isCloseTo(4.0 / 3, within(1e-15));
    // f = 0: every input, the mean.
    assertThat(MoNNA.pivot(0).aggregate(x, 0)[0]).isCloseTo(111f / 5, within(1e-5f));
  }

  /** x = 0, −1, 1, pivot 0, f = 1: −1 and 1 tie at distance 1 for the one place left; the smaller contents win. */
  @Test
  void equalDistancesAreBrokenByContentsNotOrder() {
    assertThat(MoNNA.pivot(0).aggregate(line(0, -1, 1), 1)).containsExactly(-0.5f);
    assertThat(MoNNA.pivot(0).aggregate(line(0, 1, -1), 1)).containsExactly(-0.5f);
    assertThat(new MoNNAReference(0).aggregateExact(line(0, 1, -1).toDoubles(), 1)).containsExactly(-0.5);
  }

  @Test
  void fastRuleEqualsTheReference() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 190);
    for (int n = 1; n <= 13; n++) {
      for (int d : Awkward.dimensions()) {
        WorkerVectors x = Awkward.vectors(rnd, n, d);
        WorkerVectors before = x.deepCopy();
        int f = rnd.nextInt((n + 1) / 2);
        int p = rnd.nextInt(n);
        float[] got = MoNNA.pivot(p).aggregate(x, f);
        float[] want = new MoNNAReference(p).aggregate(x, f);
        for (int k = 0; k < d; k++) {
          double scale = 0;
          for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(x.row(i)[k]));
          }
          // Same neighbourhood (distances in double both ways), then one double average rounded once: the
          // combination's double sum errs by n·2⁻⁵³ of the inputs' scale (seen when the average cancels to 0).
          assertThat((double) got[k]).as("n=%d f=%d d=%d p=%d k=%d (seed %d)", n, f, d, p, k, Awkward.SEED)
              .isCloseTo(want[k], within(2 * Math.ulp(want[k]) + n * 0x1p-52 * scale + 1e-37));
        }
        assertThat(x.sameContents(before)).as("MoNNA modified its input").isTrue();
      }
    }
  }

  /** A non-finite worker is excluded and charged to f, and the pivot keeps its identity among the others. */
  @Test
  void nonFiniteWorkersAreExcludedAndThePivotFollows() {
    WorkerVectors bad = line(Float.NaN, 0, 1, 3, 100);
    WorkerVectors finite = line(0, 1, 3, 100);
    // Pivot 2 (x = 1) becomes pivot 1 of the finite four, f = 2 becomes 1: {1, 0, 3}, 4/3.
    assertThat(MoNNA.pivot(2).aggregate(bad, 2)).containsExactly(MoNNA.pivot(1).aggregate(finite, 1));
    assertThat(MoNNA.pivot(2).aggregate(bad, 2)[0]).isCloseTo(4f / 3, within(1e-6f));
    assertThat(new MoNNAReference(2).aggregate(bad, 2)).containsExactly(MoNNA.pivot(2).aggregate(bad, 2));
    assertThatThrownBy(() -> MoNNA.pivot(2).aggregate(bad, 0)).isInstanceOf(ByzantineInputException.class)
        .hasMessageContaining("workers [0]");
    // The pivot is trusted: its own non-finite vector is an error, not a worker to exclude.
    assertThatThrownBy(() -> MoNNA.pivot(0).aggregate(bad, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MoNNA (Farhadkhani et al. 2023) needs a finite pivot (the trusted worker's own vector), got pivot = 0");
    assertThatThrownBy(() -> new MoNNAReference(0).aggregate(bad, 2))
        .hasMessageContaining("needs a finite pivot");
    // Huge finite values: squared distances in double do not overflow.
    float[] out = MoNNA.pivot(0).aggregate(line(3.4e38f, -3.4e38f, 3.4e38f), 1);
    assertThat(out).containsExactly(3.4e38f);
  }

  @Test
  void parameterConstraintsAreNamed() {
    WorkerVectors x = line(0, 1, 2, 3);
    assertThatThrownBy(() -> MoNNA.pivot(4).aggregate(x, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MoNNA (Farhadkhani et al. 2023) needs pivot < n, got pivot = 4, n = 4");
    assertThatThrownBy(() -> MoNNA.pivot(0).aggregate(x, 2)).hasMessage(
        "MoNNA (Farhadkhani et al. 2023) needs f < n/2, got n = 4, f = 2");
    assertThatThrownBy(() -> MoNNA.pivot(-1)).hasMessage(
        "MoNNA (Farhadkhani et al. 2023) needs the pivot index ≥ 0, got the pivot index = -1");
    assertThatThrownBy(() -> MoNNA.pivot(0).aggregate(x, 1, new float[2]))
        .hasMessageContaining("output buffer has length 2 but d = 1");
  }
}
