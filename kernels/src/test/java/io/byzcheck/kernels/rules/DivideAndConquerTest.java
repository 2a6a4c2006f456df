package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.kernels.Awkward;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.reference.DivideAndConquerReference;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** DnC (Shejwalkar &amp; Houmansadr 2021): cases worked by hand, the seeded subsets, fast = reference, bad input. */
@Tag("vector-width")
class DivideAndConquerTest {

  /**
   * d = 2, all coordinates (b ≥ d), c = 1, f = 2: x = (0,0), (1,0), (0,1), (1,1), (10,10). μ = (2.4, 2.4); the
   * scatter matrix of the centred rows is [[73.2, 72.2], [72.2, 73.2]], top eigenvalue 145.4 with v = (1,1)/√2;
   * scores ((a + b)/√2)² of the centred rows: 11.52, 7.22, 7.22, 3.92, 115.52 (they sum to 145.4). The ⌊c·f⌋ = 2
   * largest, (10,10) and (0,0), go: the mean of (1,0), (0,1), (1,1) is (2/3, 2/3).
   */
  @Test
  void handWorkedCase() {
    WorkerVectors x = WorkerVectors.wrap(new float[] {0, 0}, new float[] {1, 0}, new float[] {0, 1},
        new float[] {1, 1}, new float[] {10, 10});
    DivideAndConquer dnc = DivideAndConquer.of(2, 1, 1.0, 7);
    double[] ref = new DivideAndConquerReference(dnc).aggregateExact(x.toDoubles(), 2);
    assertThat(ref[0]).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(ref[1]).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(dnc.aggregate(x, 2)).containsExactly(2f / 3, 2f / 3);
    // c = 0.5 removes ⌊0.5·2⌋ = 1: (10,10) only.
    assertThat(DivideAndConquer.of(2, 1, 0.5, 7).aggregate(x, 2)).containsExactly(0.5f, 0.5f);
  }

  /**
   * The subsets: b distinct coordinates in increasing order, the same for the same seed and input, another for
   * another seed (some of 20), whatever the workers' order and the thread.
   */
  @Test
  void subsetsAreSeededByTheRuleAndTheRoundNotTheOrderOrThread() throws Exception {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 180);
    WorkerVectors x = FastAgainstReference.gaussian(rnd, 9, 101, 0);
    long round = RoundSeed.of(42, x.liveRows());
    int[] r = DivideAndConquer.coordinates(round, 0, 101, 10);
    assertThat(r).hasSize(10).isSorted().doesNotHaveDuplicates();
    assertThat(r[0]).isGreaterThanOrEqualTo(0);
    assertThat(r[9]).isLessThan(101);
    assertThat(DivideAndConquer.coordinates(round, 0, 101, 10)).containsExactly(r);
    assertThat(DivideAndConquer.coordinates(round, 1, 101, 10)).isNotEqualTo(r);
    float[][] reversed = new float[9][];
    for (int i = 0; i < 9; i++) {
      reversed[i] = x.row(8 - i);
    }
    assertThat(RoundSeed.of(42, reversed)).isEqualTo(round);
    long differing = java.util.stream.LongStream.range(0, 20)
        .filter(s -> !Arrays.equals(DivideAndConquer.coordinates(RoundSeed.of(s, x.liveRows()), 0, 101, 10), r))
        .count();
    assertThat(differing).isGreaterThanOrEqualTo(19);
    DivideAndConquer dnc = DivideAndConquer.of(10, 3, 1.0, 42);
    float[] here = dnc.aggregate(x, 2);
    float[] there = CompletableFuture.supplyAsync(() -> dnc.aggregate(x, 2)).get();
    assertThat(there).containsExactly(here);
    // Reversed workers: the same subsets (the round's seed above) and the same good set, so the same mean up to the
    // combination pass's rounding, which follows the rows' order (1 ulp seen on one of 101 coordinates; another
    // good set would move the mean by ~0.1, far beyond 1e−6).
    float[] back = dnc.aggregate(WorkerVectors.wrap(reversed), 2);
    for (int k = 0; k < here.length; k++) {
      assertThat(back[k]).as("k=%d", k).isCloseTo(here[k], within(1e-6f));
    }
  }

  /** Subsets smaller than d (b = 3, 10, 40) and all coordinates, several iterations, c = 1 and 2. */
  @Test
  void fastRuleFiltersAndAveragesWhatTheDefinitionDoes() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 181);
    for (int n = 3; n <= 21; n += 3) {
      for (int d : Awkward.dimensions()) {
        for (int[] p : new int[][] {{3, 1}, {10, 3}, {40, 2}}) {
          int f = n / 5;
          double c = p[1] == 3 ? 1 : 2;
          if (n <= p[1] * DivideAndConquer.removed(c, f)) {
            continue;
          }
          DivideAndConquer dnc = DivideAndConquer.of(p[0], p[1], c, n * 31L + d);
          FastAgainstReference.compare(dnc, new DivideAndConquerReference(dnc),
              FastAgainstReference.gaussian(rnd, n, d, 1e3), f, "b=" + p[0] + " niters=" + p[1] + " c=" + c);
        }
      }
    }
    DivideAndConquer big = DivideAndConquer.of(50, 2, 1.0, 3);
    FastAgainstReference.compare(big, new DivideAndConquerReference(big), FastAgainstReference.gaussian(rnd, 15,
        100_003, 0), 3, "large d");
  }

  /**
   * EXT-DNC-NOLAMBDA's instance, n = 5, f = 2, d = 1, A = 4: honest 0, 0, 0; Byzantine 4 and A/(n − 1) = 1. μ = 1,
   * scores 1, 1, 1, 9, 0: the far Byzantine and one zero go, the near Byzantine stays: the mean of 0, 0, 1 is 1/3,
   * not 0, although diam S = 0.
   */
  @Test
  void identicalHonestWorkersAreNotReturnedWhenAByzantineSitsAtTheMean() {
    WorkerVectors x = WorkerVectors.wrap(new float[] {0}, new float[] {0}, new float[] {0}, new float[] {4},
        new float[] {1});
    DivideAndConquer dnc = DivideAndConquer.withDefaults(1);
    assertThat(new DivideAndConquerReference(dnc).aggregateExact(x.toDoubles(), 2)[0]).isCloseTo(1.0 / 3,
        within(1e-15));
    assertThat(dnc.aggregate(x, 2)).containsExactly(1f / 3);
  }

  /** f = 0 removes nobody: the mean. */
  @Test
  void withoutByzantineWorkersItIsTheMean() {
    WorkerVectors x = WorkerVectors.wrap(new float[] {1, 4}, new float[] {2, 8}, new float[] {6, 0});
    assertThat(DivideAndConquer.of(1, 4, 1.0, 1).aggregate(x, 0)).containsExactly(3, 4);
  }

  @Test
  void parameterConstraintsAreNamed() {
    WorkerVectors x = FastAgainstReference.gaussian(new SplittableRandom(1), 6, 3, 0);
    assertThatThrownBy(() -> DivideAndConquer.of(10, 3, 1.0, 0).aggregate(x, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DnC (Shejwalkar & Houmansadr 2021) needs n > niters·⌊c·f⌋ (a non-empty intersection of good "
            + "sets), got n = 6, niters = 3, c = 1.0, f = 2");
    assertThatThrownBy(() -> DivideAndConquer.of(0, 1, 1.0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DnC (Shejwalkar & Houmansadr 2021) needs b ≥ 1, got b = 0");
    assertThatThrownBy(() -> DivideAndConquer.of(5, 1, Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs c > 0 and finite");
  }

  /**
   * The subsets are the partial Fisher–Yates of the class comment, drawn here on a full d-long permutation from the
   * same stream: equal on both sides of the sparse form's threshold (16·b ≤ d) and at d = 10⁶, b = 10⁴.
   */
  @Test
  void subsetsAreThePartialFisherYatesShuffle() {
    long seed = Awkward.SEED + 166;
    for (int[] p : new int[][] {{16, 1}, {33, 2}, {32, 2}, {1000, 62}, {1000, 63}, {160, 10}, {1_000_000, 10_000}}) {
      int d = p[0];
      int b = p[1];
      for (int it = 0; it < 3; it++) {
        SplittableRandom rnd = RoundSeed.stream(seed, it);
        int[] perm = new int[d];
        for (int k = 0; k < d; k++) {
          perm[k] = k;
        }
        for (int t = 0; t < b; t++) {
          int j = t + rnd.nextInt(d - t);
          int tmp = perm[t];
          perm[t] = perm[j];
          perm[j] = tmp;
        }
        int[] want = Arrays.copyOf(perm, b);
        Arrays.sort(want);
        assertThat(DivideAndConquer.coordinates(seed, it, d, b)).as("d=%d b=%d it=%d (seed %d)", d, b, it, seed)
            .containsExactly(want);
      }
    }
  }

  /** The clean round's non-finite check rides on another pass: it must see every position. */
  @Test
  void aNonFiniteValueAtAnyPositionIsScreened() {
    FastAgainstReference.nonFiniteAtEveryPositionIsScreened(DivideAndConquer.of(5, 2, 1.0, 9), Awkward.SEED + 165);
  }

  @Test
  void nonFiniteWorkersAreExcludedAndChargedToF() {
    FastAgainstReference.nonFiniteWorkersAreExcludedAndChargedToF(DivideAndConquer.of(5, 2, 1.0, 9),
        Awkward.SEED + 182);
  }

  @Test
  void hugeValuesStayFinite() {
    DivideAndConquer dnc = DivideAndConquer.of(2, 2, 1.0, 5);
    FastAgainstReference.hugeValuesStayFinite(dnc, new DivideAndConquerReference(dnc));
  }
}
