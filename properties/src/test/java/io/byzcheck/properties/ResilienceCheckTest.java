package io.byzcheck.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;
import io.byzcheck.kernels.rules.Mean;
import io.byzcheck.theory.resam.ResilienceCoefficient;
import org.junit.jupiter.api.Test;

/** The user-facing API, as USAGE.md shows it. */
class ResilienceCheckTest {

  /** The mean is not resilient averaging for any λ: one far outlier moves it arbitrarily. */
  @Test
  void theMeanIsRefutedWithAPasteableCounterexample() {
    AggregationRule mean = new Mean();
    CheckResult r = ResilienceCheck.of("RES-DEF2", mean, ClaimedBound.uncited("RES-DEF2", (n, f, d) -> 10.0))
        .run(7, 2, 3, Budget.CI);
    assertThat(r.verdict()).isEqualTo(Verdict.VIOLATED);
    assertThat(r.bound()).isEqualTo(10.0);
    assertThat(r.claim().citation().locator()).isEqualTo("claimed by the caller");
    assertThat(r.worstRatio()).isGreaterThan(1);
    assertThat(r.counterexample()).contains("new float[][] {").contains("search seed");
  }

  /** A user's own rule, written inline: the coordinate-wise median through its public class, passes. */
  @Test
  void aUsersRuleWithAClaimedLambda() {
    AggregationRule mine = new AggregationRule() {
      private final CoordinateWiseMedian inner = new CoordinateWiseMedian();

      @Override
      public String name() {
        return "my median";
      }

      @Override
      public void aggregate(WorkerVectors x, int f, float[] out) {
        inner.aggregate(x, f, out);
      }
    };
    CheckResult r = ResilienceCheck.of("RES-DEF2", mine, ResilienceCoefficient::coordinateWiseMedian)
        .run(9, 4, 3, Budget.CI);
    // The claim carries Table 1's value and citation into the result.
    assertThat(r.claim()).isEqualTo(ResilienceCoefficient.coordinateWiseMedian(9, 4, 3));
    assertThat(r.bound()).isEqualTo(r.claim().value());
    assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(r.worstRatio()).isBetween(0.0, 1.0);
    assertThat(r.rule()).isEqualTo("my median");
  }

  /** The same budget and seed replay the same search exactly. */
  @Test
  void replayable() {
    ResilienceCheck c = ResilienceCheck.of("RES-T1-CWMED", new CoordinateWiseMedian(),
        ResilienceCoefficient::coordinateWiseMedian);
    assertThat(c.run(5, 2, 2, Budget.CI)).isEqualTo(c.run(5, 2, 2, Budget.CI));
  }
}
