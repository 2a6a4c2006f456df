package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.kernels.Awkward;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.reference.BulyanReference;
import io.byzcheck.kernels.reference.MeanReference;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bulyan (El Mhamdi et al. 2018): a case worked by hand from the definition, the reference against the fast
 * rule at awkward sizes (tagged: every forced vector width and the scalar path), and bad input.
 */
@Tag("vector-width")
class BulyanTest {

  /**
   * n = 7, f = 1, d = 1, x = 0, 1, 3, 4, 10, 11, 100; θ = 5, β = 3. Krum on r remaining counts r − 3 neighbours:
   * <ul>
   *   <li>r = 7, 4 nearest: 0 → 1+9+16+100 = 126, 1 → 1+4+9+81 = 95, 3 → 1+4+9+49 = 63, 4 → 1+9+16+36 = 62,
   *       10 → 167, 11 → 214, 100 → more: picks 4;</li>
   *   <li>r = 6, 3 nearest: 0 → 1+9+100 = 110, 1 → 1+4+81 = 86, 3 → 4+9+49 = 62, 10 → 131, 11 → 165: picks 3;</li>
   *   <li>r = 5, 2 nearest: 0 → 101, 1 → 1+81 = 82, 10 → 1+81 = 82, 11 → 101: tie, the smaller contents, 1;</li>
   *   <li>r = 4, 1 nearest: 0 → 100, 10 → 1, 11 → 1: tie, 10;</li>
   *   <li>r = 3, 0 nearest: every score 0: the smallest contents, 0.</li>
   * </ul>
   * S = {4, 3, 1, 10, 0}, median 3; the β = 3 values nearest it are 3, 4 and 1: 8/3. The outlier 100 and its
   * neighbour 11 are never selected.
   */
  @Test
  void handWorkedCase() {
    WorkerVectors x = WorkerVectors.wrap(new float[] {0}, new float[] {1}, new float[] {3}, new float[] {4},
        new float[] {10}, new float[] {11}, new float[] {100});
    assertThat(BulyanReference.selection(x.toDoubles(), 1)).containsExactly(3, 2, 1, 4, 0);
    assertThat(new Bulyan().aggregate(x, 1)).containsExactly(8f / 3);
    assertThat(new BulyanReference().aggregateExact(x.toDoubles(), 1)[0]).isCloseTo(8.0 / 3, within(1e-15));
    // The same input in another worker order: the same output (ties are broken by contents, not index).
    WorkerVectors shuffled = WorkerVectors.wrap(new float[] {100}, new float[] {10}, new float[] {3},
        new float[] {0}, new float[] {11}, new float[] {4}, new float[] {1});
    assertThat(new Bulyan().aggregate(shuffled, 1)).containsExactly(8f / 3);
  }

  /** With f = 0 nothing is discarded: θ = β = n, the mean. */
  @Test
  void withoutByzantineWorkersItIsTheMean() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 160);
    for (int n = 3; n <= 12; n++) {
      WorkerVectors x = Awkward.vectors(rnd, n, 9);
      float[] got = new Bulyan().aggregate(x, 0);
      double[] want = new MeanReference().aggregateExact(x.toDoubles(), 0);
      for (int k = 0; k < 9; k++) {
        assertThat((double) got[k]).as("n=%d k=%d (seed %d)", n, k, Awkward.SEED)
            .isCloseTo(want[k], within(1e-6 * Math.abs(want[k]) + 1e-3 * ulpScale(x, k)));
      }
    }
  }

  private static double ulpScale(WorkerVectors x, int k) {
    double m = 0;
    for (int i = 0; i < x.n(); i++) {
      m = Math.max(m, Math.abs(x.row(i)[k]));
    }
    return Math.ulp((float) m);
  }

  private static void compare(WorkerVectors x, int f, String what) {
    int n = x.n();
    int d = x.d();
    WorkerVectors before = x.deepCopy();
    float[] got = new Bulyan().aggregate(x, f);
    double[] want = new BulyanReference().aggregateExact(x.toDoubles(), f);
    double spread = 0;
    double[] centre = new MeanReference().aggregateExact(x.toDoubles(), 0);
    for (double[] row : x.toDoubles()) {
      double s = 0;
      for (int k = 0; k < d; k++) {
        s += (row[k] - centre[k]) * (row[k] - centre[k]);
      }
      spread = Math.max(spread, Math.sqrt(s));
    }
    for (int k = 0; k < d; k++) {
      // The selection is the reference's (Gaussian inputs: no ties); then float rounding of a β-term average.
      assertThat((double) got[k]).as("%s n=%d f=%d d=%d k=%d (seed %d)", what, n, f, d, k, Awkward.SEED)
          .isCloseTo(want[k], within(1e-6 * spread + 4 * Math.ulp((float) Math.abs(want[k]))));
    }
    assertThat(x.sameContents(before)).as("Bulyan modified its input").isTrue();
  }

  /** Every n from 3 to 29 at the largest f and at f = 1, every awkward d (lanes ± 1, primes). */
  @Test
  void fastRuleSelectsAndAveragesWhatTheDefinitionDoes() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 161);
    for (int n = 3; n <= 29; n++) {
      for (int f : new int[] {(n - 3) / 4, Math.min(1, (n - 3) / 4)}) {
        for (int d : Awkward.dimensions()) {
          compare(FastAgainstReference.gaussian(rnd, n, d, 0), f, "gaussian");
        }
      }
    }
  }

  /**
   * Large d and a large common offset (the naive float Gram's failure case: squared distances of ~d lost to an
   * offset of 10³).
   */
  @Test
  void largeDimensionsAndLargeOffsets() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 162);
    for (int[] p : new int[][] {{7, 1, 4099}, {11, 2, 20_011}, {15, 3, 100_003}, {19, 4, 1_031}}) {
      compare(FastAgainstReference.gaussian(rnd, p[0], p[2], 0), p[1], "gaussian");
      compare(FastAgainstReference.gaussian(rnd, p[0], p[2], 1e3), p[1], "offset 1e3");
    }
  }

  /**
   * Bulyan's own sizes, where MeaMed's f' = 2f exceeds half of θ = n − 2f (its own vector block): n = 4f + 3 for
   * f = 1, 2, 3, 7 and n = 64, f = 15, at d = 1, 15, 17 (lanes ± 1 and a tail) and 1001, on Gaussian rows; then
   * on small integers, which tie within coordinates and between Krum scores (exact in every Gram: integer
   * products and sums), broken by contents in both. Huge values (±3.4·10³⁸) at random positions make the Krum
   * scores differ only below the Gram's rounding (the reference may then pick another worker), so they are tested
   * on the crafted input of {@link FastAgainstReference#hugeValuesStayFinite} here and, in MeaMed's block, bit for
   * bit against the scalar kernel (ScalarAndPanamaKernelsTest).
   */
  @Test
  void bulyanSizesWithTiesAndHugeValuesMatchTheDefinition() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 164);
    int[][] sizes = {{7, 1}, {11, 2}, {15, 3}, {31, 7}, {64, 15}};
    for (int[] p : sizes) {
      for (int d : new int[] {1, 15, 17, 1001}) {
        compare(FastAgainstReference.gaussian(rnd, p[0], d, 0), p[1], "gaussian");
        float[][] ties = new float[p[0]][d];
        for (int i = 0; i < p[0]; i++) {
          for (int k = 0; k < d; k++) {
            ties[i][k] = rnd.nextInt(-2, 3);
          }
        }
        compare(WorkerVectors.wrap(ties), p[1], "integer ties");
      }
    }
    FastAgainstReference.hugeValuesStayFinite(new Bulyan(), new BulyanReference());
  }

  /** Identical honest workers, f Byzantine far away: the honest vector exactly. */
  @Test
  void identicalHonestWorkersAreReturnedExactly() {
    for (int f = 0; f <= 3; f++) {
      int n = 4 * f + 3;
      float[][] rows = new float[n][];
      for (int i = 0; i < n; i++) {
        rows[i] = i < n - f ? new float[] {0.1f, -3e7f, 5} : new float[] {1e30f, i, -1e30f};
      }
      assertThat(new Bulyan().aggregate(WorkerVectors.wrap(rows), f)).as("f=%d", f)
          .containsExactly(0.1f, -3e7f, 5);
    }
  }

  @Test
  void parameterConstraintsAreNamed() {
    WorkerVectors six = Awkward.vectors(new SplittableRandom(1), 6, 3);
    assertThatThrownBy(() -> new Bulyan().aggregate(six, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Bulyan (El Mhamdi et al. 2018) needs n ≥ 4f + 3, got n = 6, f = 1");
    assertThatThrownBy(() -> new Bulyan().aggregate(six, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Bulyan (El Mhamdi et al. 2018) needs f ≥ 0, got f = -1");
    WorkerVectors two = Awkward.vectors(new SplittableRandom(2), 2, 3);
    assertThatThrownBy(() -> new Bulyan().aggregate(two, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("n ≥ 4f + 3");
    WorkerVectors seven = Awkward.vectors(new SplittableRandom(3), 7, 3);
    assertThatThrownBy(() -> new Bulyan().aggregate(seven, 1, new float[2])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("output buffer has length 2 but d = 3");
  }

  /**
   * A NaN or ±∞ worker is excluded and charged to f: the rule then runs on the n − k finite workers with f − k
   * (n − k ≥ 4(f − k) + 3 still holds); more than f such workers is an error naming them.
   */
  @Test
  void nonFiniteWorkersAreExcludedAndChargedToF() {
    FastAgainstReference.nonFiniteWorkersAreExcludedAndChargedToF(new Bulyan(), Awkward.SEED + 163);
  }
}
