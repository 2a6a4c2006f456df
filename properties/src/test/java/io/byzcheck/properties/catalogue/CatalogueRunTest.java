package io.byzcheck.properties.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;
import io.byzcheck.properties.Budget;
import io.byzcheck.properties.CatalogueRun;
import io.byzcheck.properties.CheckResult;
import io.byzcheck.properties.ResilienceCheck;
import io.byzcheck.properties.Verdict;
import io.byzcheck.theory.resam.ResilienceCoefficient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Catalogue#run}: one loop for full and filtered runs, a throwing check recorded in both. */
class CatalogueRunTest {
  private static final Budget TINY = new Budget("tiny", 40, 1, 7L);

  /** A rule that fails on every valid input: a finding to record, not a reason to end the run. */
  private static final AggregationRule THROWS = new AggregationRule() {
    @Override
    public String name() {
      return "throws on purpose";
    }

    @Override
    public void aggregate(WorkerVectors x, int f, float[] out) {
      throw new IllegalStateException("broken on purpose");
    }
  };

  private static Catalogue.Entry entry(String id, AggregationRule rule) {
    ResilienceCheck check = ResilienceCheck.of(id, rule, ResilienceCoefficient::coordinateWiseMedian);
    return new Catalogue.Entry(id, id + " " + rule.name(), Verdict.HOLDS, () -> check.run(5, 2, 2, TINY));
  }

  private static final List<Catalogue.Entry> ENTRIES = List.of(entry("RES-T1-CWMED", THROWS),
      entry("RES-T1-CWMED", new CoordinateWiseMedian()), entry("RES-T1-MDA", new CoordinateWiseMedian()));
  private static final List<Catalogue.Control> CONTROLS = List.of(new Catalogue.Control("RES-T1-CWMED",
      "RES-T1-CWMED control: throws", "a control whose rule throws", () -> entry("RES-T1-CWMED", THROWS).check().get()));

  @Test
  void aThrowingRuleInAFilteredRunIsRecordedNotFatal() {
    List<String> progress = new ArrayList<>();
    CatalogueRun run = Catalogue.run(TINY, ENTRIES, CONTROLS, id -> id.startsWith("RES-T1-CW"),
        (done, total, current) -> progress.add(done + "/" + total + " " + current));
    assertThat(run.checks()).extracting(CheckResult::id).containsExactly("RES-T1-CWMED", "RES-T1-CWMED");
    CheckResult thrown = run.checks().get(0);
    assertThat(thrown.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(thrown.counterexample()).contains("the check threw").contains("broken on purpose");
    assertThat(run.checks().get(1).verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(run.checks().get(1).claim().citation()).isEqualTo(ResilienceCoefficient.CWMED);
    // A control that throws is not caught (and does not end the run either).
    assertThat(run.negativeControls()).singleElement().satisfies(nc -> {
      assertThat(nc.caught()).isFalse();
      assertThat(nc.result().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    });
    assertThat(progress).containsExactly("0/3 RES-T1-CWMED throws on purpose", "1/3 RES-T1-CWMED CWMed",
        "2/3 RES-T1-CWMED control: throws", "3/3 done");
  }

  @Test
  void theFullRunIsTheSameLoopWithEveryId() {
    CatalogueRun run = Catalogue.run(TINY, ENTRIES, CONTROLS, Catalogue.ALL, (done, total, current) -> { });
    assertThat(run.checks()).extracting(CheckResult::id).containsExactly("RES-T1-CWMED", "RES-T1-CWMED", "RES-T1-MDA");
    assertThat(run.checks().get(0).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(Catalogue.ids(Budget.CI)).contains("RES-T1-CWMED", "RES-C9-CGE", "INV-SCALING").doesNotHaveDuplicates();
  }
}
