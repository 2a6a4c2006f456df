package io.byzcheck.kernels.internal.vectorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SelectionNetworkTest {

  /**
   * 0-1 principle (Knuth 5.3.4, ex. 11; it holds for selection as for sorting): a comparator network
   * puts the right value at position p for every input iff it does for every 0-1 input. Exhaustive up
   * to n = 20, i.e. 2²⁰ inputs for the largest.
   */
  @Test
  void medianNetworksAreCorrectOnEveryZeroOneInput() {
    for (int n = 1; n <= 20; n++) {
      SelectionNetwork net = SelectionNetwork.median(n);
      float[] x = new float[n];
      for (int bits = 0; bits < (1 << n); bits++) {
        int ones = Integer.bitCount(bits);
        for (int i = 0; i < n; i++) {
          x[i] = (bits >>> i) & 1;
        }
        net.apply(x);
        for (int p : net.outputs()) {
          // Sorted, positions < n − ones hold 0 and the rest hold 1.
          float expected = p < n - ones ? 0f : 1f;
          assertThat(x[p]).as("n=%d input bits=%s position %d", n, Integer.toBinaryString(bits), p)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void medianNetworksAreCorrectOnRandomInputsUpTo32() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int n = 21; n <= SelectionNetwork.MAX_GENERATED_N; n++) {
      SelectionNetwork net = SelectionNetwork.median(n);
      for (int trial = 0; trial < 2000; trial++) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
          x[i] = rnd.nextInt(5); // many ties on purpose
        }
        float[] sorted = x.clone();
        Arrays.sort(sorted);
        net.apply(x);
        for (int p : net.outputs()) {
          assertThat(x[p]).as("n=%d trial %d (seed 7)", n, trial).isEqualTo(sorted[p]);
        }
      }
    }
  }

  @Test
  void pruningRemovesComparatorsTheMedianDoesNotNeed() {
    for (int n = 2; n <= SelectionNetwork.MAX_GENERATED_N; n++) {
      int full = SelectionNetwork.batcherSort(n).size();
      int median = SelectionNetwork.median(n).size();
      System.out.printf("[byzcheck] n=%d: Batcher sort %d comparators, pruned median %d%n", n, full, median);
      assertThat(median).isLessThanOrEqualTo(full);
    }
    // Known sizes of Batcher's odd-even merge sort: n = 16 → 63, n = 32 → 191 (Knuth 5.3.4).
    assertThat(SelectionNetwork.batcherSort(16)).hasSize(63);
    assertThat(SelectionNetwork.batcherSort(32)).hasSize(191);
  }

  /**
   * Batcher's network is block-recursive: its comparators before the merge stage of runs of 32 stay
   * inside the runs, so once each run is sorted (by the generated code) only the tail
   * {@link SelectionNetwork#afterSortedRuns} is left to interpret.
   */
  @Test
  void stagesBelowARunStayInsideTheRuns() {
    int run = SelectionNetwork.MAX_GENERATED_N;
    for (int n = run + 1; n <= 130; n++) {
      java.util.List<int[]> all = SelectionNetwork.batcherSort(n);
      java.util.List<int[]> merges = SelectionNetwork.batcherSort(n, run);
      for (int[] c : all.subList(0, all.size() - merges.size())) {
        assertThat(c[0] / run).as("n=%d comparator %d-%d", n, c[0], c[1]).isEqualTo(c[1] / run);
      }
      assertThat(all.subList(all.size() - merges.size(), all.size())).as("n=%d", n).containsExactlyElementsOf(merges);
    }
  }

  /** Sorted runs of 32 plus the merges sort (and the pruned merges place the median) on tie-heavy inputs. */
  @Test
  void mergesAfterSortedRunsFinishTheSort() {
    int run = SelectionNetwork.MAX_GENERATED_N;
    SplittableRandom rnd = new SplittableRandom(11);
    for (int n = run + 1; n <= 100; n++) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      SelectionNetwork sort = SelectionNetwork.afterSortedRuns(n, run, all);
      SelectionNetwork median = SelectionNetwork.afterSortedRuns(n, run, SelectionNetwork.medianPositions(n));
      assertThat(median.size()).isLessThan(sort.size());
      for (int trial = 0; trial < 50; trial++) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
          x[i] = rnd.nextInt(7);
        }
        float[] want = x.clone();
        Arrays.sort(want);
        for (int from = 0; from < n; from += run) {
          Arrays.sort(x, from, Math.min(n, from + run));
        }
        float[] y = x.clone();
        sort.apply(x);
        assertThat(x).as("n=%d trial %d", n, trial).containsExactly(want);
        median.apply(y);
        for (int p : median.outputs()) {
          assertThat(y[p]).as("n=%d trial %d position %d", n, trial, p).isEqualTo(want[p]);
        }
      }
    }
  }
}
