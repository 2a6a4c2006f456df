package io.byzcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.kernels.sim.optim.Trajectory;
import io.byzcheck.properties.Budget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator's experiments as the report runs them, at sizes that keep `mvn verify` quick. */
class PaperReproductionsTest {

  @Test
  void caoLaiSyntheticShowsThePapersPattern() {
    // 10 000 samples, 25 Newton iterations: Figs. 2–5's claims on a smaller N.
    Trajectory[][] r = new CaoLaiSynthetic(10_000, 25).runAll(Budget.CI, (done, total, what) -> { });
    double start = r[0][0].iterates().getFirst().error().orElseThrow();
    for (int c = 0; c < CaoLaiSynthetic.cases().size(); c++) {
      boolean majority = CaoLaiSynthetic.cases().get(c).byzantine() > CaoLaiSynthetic.WORKERS / 2;
      String label = CaoLaiSynthetic.cases().get(c).label();
      assertThat(error(r[c][0])).as("GIANT, %s", label).isGreaterThan(start / 4);
      if (majority) {
        assertThat(error(r[c][1])).as("MNM, %s", label).isGreaterThan(start / 4);
      } else {
        assertThat(error(r[c][1])).as("MNM, %s", label).isLessThan(0.1);
      }
      assertThat(error(r[c][2])).as("CNM, %s", label).isLessThan(0.1);
      assertThat(error(r[c][3])).as("robust GD, %s", label).isLessThan(start / 10);
    }
  }

  private static double error(Trajectory t) {
    return t.diverged() ? Double.POSITIVE_INFINITY : t.finalError();
  }

  @Test
  void yinTable2ProducesTheFourRowsBesideThePapersNumbers() {
    List<String> progress = new ArrayList<>();
    ReproductionResult r = new YinTable2(8_000, 3).run(Budget.CI, (done, total, what) -> progress.add(what));
    assertThat(r.id()).isEqualTo("YIN-TAB2");
    assertThat(r.rows()).hasSize(4);
    assertThat(r.rows()).extracting(row -> row.get(2)).containsExactly("88.0", "76.8", "87.2", "86.9");
    for (List<String> row : r.rows()) {
      // Three full-batch steps from 0 already beat chance (10 %) by far on MNIST.
      assertThat(Double.parseDouble(row.get(1))).as(row.get(0)).isBetween(40.0, 100.0);
    }
    assertThat(progress).contains("Yin Table 2: α = 0.05, median", "Yin Table 2 done");
  }

  @Test
  void yinTable4ProducesTheThreeRowsAndTheMedianResistsRandomLabels() {
    List<String> progress = new ArrayList<>();
    ReproductionResult r = new YinTable4(2_000).run(Budget.CI, (done, total, what) -> progress.add(what));
    assertThat(r.id()).isEqualTo("YIN-TAB4");
    assertThat(r.rows()).extracting(row -> row.get(2)).containsExactly("91.8", "83.7", "89.0");
    double clean = Double.parseDouble(r.rows().get(0).get(1));
    double attackedMean = Double.parseDouble(r.rows().get(1).get(1));
    double median = Double.parseDouble(r.rows().get(2).get(1));
    // 200 digits per machine: each local ERM alone beats chance (10 %) by far; one machine of ten on random
    // labels pulls the mean of the ERMs down, the median keeps close to the clean mean.
    assertThat(clean).isBetween(60.0, 100.0);
    assertThat(attackedMean).isLessThan(clean);
    assertThat(median).isGreaterThan(attackedMean);
    assertThat(progress).contains("Yin Table 4: α = 0.1, median", "Yin Table 4 done");
  }

  @Test
  void resamMomentumRunsEveryResilientRuleAndCgeAtBothBetas() {
    ReproductionResult r = new ResamMomentum(5).run(Budget.CI, (done, total, what) -> { });
    assertThat(r.rows()).hasSize(1 + ResamMomentum.rules().size());
    assertThat(r.rows().getFirst().get(0)).startsWith("no attack");
    assertThat(r.rows().getLast().get(0)).isEqualTo("CGE under little");
    for (List<String> row : r.rows()) {
      // Five SGD steps of 15 × 25 samples already lift softmax regression well above chance (10 %).
      assertThat(Double.parseDouble(row.get(1))).as(row.get(0)).isBetween(30.0, 100.0);
    }
    // Beside little: Min-Max, Min-Sum and the CMA-ES worst attack at β = 0.99, and which hurt most.
    assertThat(r.header()).containsSubsequence("β = 0.99 (%)", "Min-Max (std), β = 0.99 (%)",
        "Min-Sum (std), β = 0.99 (%)", "worst (CMA-ES, 32 every 20 rounds), β = 0.99 (%)", "hurt most at β = 0.99", "paper's claim");
    for (List<String> row : r.rows().subList(1, r.rows().size())) {
      assertThat(row.get(6)).as(row.get(0)).isIn("little", "Min-Max (std)", "Min-Sum (std)", "worst (CMA-ES, 32 every 20 rounds)");
      for (int col = 3; col <= 5; col++) {
        assertThat(Double.parseDouble(row.get(col))).as(row.get(0) + " col " + col).isBetween(0.0, 100.0);
      }
    }
  }

  @Test
  void theReproductionsAreWiredIntoTheReport() {
    assertThat(PaperReproductions.all()).extracting(PaperReproduction::id).containsExactly("YIN-TAB2", "YIN-TAB4", "CAO-FIG2-5",
        "RES-Q-MOM", "CAO-MNIST");
  }

  @Test
  void caoLaiMnistKeepsThePapersShardSizeAndAttackerFractionsOnTheSubset() {
    CaoLaiMnist.Split split = CaoLaiMnist.split();
    // the paper's 240 images per worker; as many workers as the subset's 3s and 5s fill, fewer than the paper's 50
    assertThat(split.train().rows()).isEqualTo(split.workers() * CaoLaiMnist.SHARD);
    assertThat(split.workers()).isBetween(2, 49);
    assertThat(split.train().rows() + split.test().rows()).isLessThan(12_000);
    assertThat((double) split.test().rows() / (split.train().rows() + split.test().rows()))
        .isGreaterThanOrEqualTo(CaoLaiMnist.TEST_FRACTION - 1e-9);
    assertThat(CaoLaiMnist.SERVER_SAMPLE).isLessThanOrEqualTo(CaoLaiMnist.SHARD);
    List<CaoLaiMnist.Case> cases = CaoLaiMnist.cases(split.workers());
    assertThat(2 * cases.get(0).byzantine()).isLessThan(split.workers());
    assertThat(2 * cases.get(2).byzantine()).isGreaterThan(split.workers());
    ReproductionResult r = new CaoLaiMnist(3).run(Budget.CI, (done, total, what) -> { });
    assertThat(r.rows()).hasSize(4);
    for (List<String> row : r.rows()) {
      // CNM and robust GD are robust to any number of attackers: three Newton steps separate 3s from 5s well
      assertThat(Double.parseDouble(row.get(3))).as("CNM, " + row.get(0)).isBetween(80.0, 100.0);
    }
    assertThat(r.note()).contains(split.workers() + " workers × 240");
  }
}
