package io.byzcheck.kernels.sim.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;
import io.byzcheck.kernels.rules.Mean;
import io.byzcheck.kernels.sim.problem.Dataset;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each attack's message, against values worked out by hand from its definition. */
class AttackTest {
  // Honest messages (1, 10), (3, 20), (5, 30): mean (3, 20); population std (√(8/3), √(200/3)).
  private static final double[][] HONEST = {{1, 10}, {3, 20}, {5, 30}};
  private static final double[][] OWN = {{2, -4}, {-6, 8}};

  private static AttackContext context(AggregationRule rule) {
    float[][] messages = new float[5][];
    messages[0] = new float[] {1, 10};
    messages[2] = new float[] {3, 20};
    messages[4] = new float[] {5, 30};
    return new AttackContext(HONEST, OWN, new double[2][2], messages, new int[] {1, 3}, Optional.ofNullable(rule), 2,
        new SplittableRandom(1), 1);
  }

  @Test
  void signFlippingAndInverseSendMinusTheirOwnMessage() {
    AttackContext c = context(null);
    SignFlipping.inverse().forge(c);
    assertThat(c.out()[0]).containsExactly(-2, 4);
    assertThat(c.out()[1]).containsExactly(6, -8);
    new SignFlipping("x", 3).forge(c);
    assertThat(c.out()[1]).containsExactly(18, -24);
  }

  @Test
  void fallOfEmpiresSendsOneMinusZetaTimesTheHonestMean() {
    AttackContext c = context(null);
    new FallOfEmpires(1.1).forge(c);
    // (1 − 1.1)·(3, 20) = (−0.3, −2)
    assertThat(c.out()[0][0]).isCloseTo(-0.3, offset(1e-12));
    assertThat(c.out()[1][1]).isCloseTo(-2, offset(1e-12));
  }

  @Test
  void littleIsEnoughShiftsTheMeanByZStandardDeviations() {
    AttackContext c = context(null);
    LittleIsEnough.fixed(1).forge(c);
    assertThat(c.out()[0][0]).isCloseTo(3 - Math.sqrt(8.0 / 3), offset(1e-12));
    assertThat(c.out()[1][1]).isCloseTo(20 - Math.sqrt(200.0 / 3), offset(1e-12));
  }

  @Test
  void baruchZMatchesTheNormalTable() {
    // m = 50, q = 10: s = ⌊26⌋ − 10 = 16, p = (50 − 16)/50 = 0.68, Φ⁻¹(0.68) = 0.4677 (standard normal table).
    assertThat(LittleIsEnough.baruchZ(50, 10)).isCloseTo(0.4677, offset(1e-4));
    // m = 5, q = 2 (the context above): s = 3 − 2 = 1, p = 4/5, Φ⁻¹(0.8) = 0.8416.
    assertThat(LittleIsEnough.baruchZ(5, 2)).isCloseTo(0.8416, offset(1e-4));
    assertThatThrownBy(() -> LittleIsEnough.baruch().validate(50, 26)).hasMessageContaining("s = ⌊m/2 + 1⌋ − q ≥ 1");
  }

  @Test
  void normalQuantileMatchesKnownValues() {
    assertThat(NormalQuantile.inverse(0.975)).isCloseTo(1.959964, offset(1e-6));
    assertThat(NormalQuantile.inverse(0.01)).isCloseTo(-2.326348, offset(1e-6));
    assertThat(NormalQuantile.inverse(0.5)).isCloseTo(0, offset(1e-12));
    assertThat(NormalQuantile.inverse(1e-10)).isCloseTo(-6.361341, offset(1e-5));
    assertThatThrownBy(() -> NormalQuantile.inverse(1)).hasMessageContaining("p ∈ (0, 1)");
  }

  @Test
  void mimicCopiesTheChosenHonestWorker() {
    AttackContext c = context(null);
    new Mimic(2).forge(c);
    assertThat(c.out()[0]).containsExactly(5, 30);
    assertThatThrownBy(() -> new Mimic(3).validate(5, 2)).hasMessageContaining("only 3 honest workers");
  }

  @Test
  void nonFiniteAttacksSendNanOrInfinity() {
    AttackContext c = context(null);
    new NonFinite(NonFinite.Kind.NEGATIVE_INFINITY).forge(c);
    assertThat(c.out()[1]).containsExactly(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
    new NonFinite(NonFinite.Kind.ONE_NAN_COORDINATE).forge(c);
    for (double[] o : c.out()) {
      assertThat(java.util.Arrays.stream(o).filter(Double::isNaN).count()).isEqualTo(1);
    }
  }

  @Test
  void adaptiveAttackDoesAtLeastAsMuchDamageAsAFixedScaleOnItsGrid() {
    // s = 1 is on the grid (2⁻⁴·2⁴): along −σ it is ALIE with z = 1, along −ḡ it is IPM with ζ = 1.
    for (AggregationRule rule : new AggregationRule[] {new Mean(), new CoordinateWiseMedian()}) {
      AttackContext alie = context(rule);
      new AdaptiveScale(AdaptiveScale.Direction.ALIE).forge(alie);
      AttackContext fixedAlie = context(rule);
      LittleIsEnough.fixed(1).forge(fixedAlie);
      double[] mean = alie.honestMean();
      assertThat(alie.damage(alie.out()[0], mean)).as("ALIE direction on %s", rule.name())
          .isGreaterThanOrEqualTo(alie.damage(fixedAlie.out()[0], mean));
      AttackContext ipm = context(rule);
      new AdaptiveScale(AdaptiveScale.Direction.IPM).forge(ipm);
      AttackContext fixedIpm = context(rule);
      new FallOfEmpires(1).forge(fixedIpm);
      assertThat(ipm.damage(ipm.out()[0], mean)).as("IPM direction on %s", rule.name())
          .isGreaterThanOrEqualTo(ipm.damage(fixedIpm.out()[0], mean));
    }
  }

  @Test
  void adaptiveAttackSearchesBothSigns() {
    // A rule that only moves when the Byzantine vectors lie above the honest mean: the damaging scale is negative
    // along the IPM direction −ḡ (ḡ + s·(−ḡ) > ḡ needs s < 0), which a one-sided search would miss.
    AggregationRule upwardsOnly = new AggregationRule() {
      @Override
      public String name() {
        return "max of first coordinate";
      }

      @Override
      public void aggregate(io.byzcheck.kernels.WorkerVectors x, int f, float[] out) {
        float best = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < x.n(); i++) {
          best = Math.max(best, x.get(i, 0));
        }
        java.util.Arrays.fill(out, 0);
        out[0] = Math.max(best, 5);
        out[1] = 20;
      }
    };
    AttackContext c = context(upwardsOnly);
    new AdaptiveScale(AdaptiveScale.Direction.IPM).forge(c);
    assertThat(c.out()[0][0]).isGreaterThan(3);
    assertThat(c.damage(c.out()[0], c.honestMean())).isGreaterThan(100);
  }

  @Test
  void labelFlippingMapsYToNineMinusY() {
    Dataset d = new Dataset(new double[] {0, 0, 0}, 3, 1, new double[] {0, 3, 9});
    assertThat(LabelFlipping.reversed(10).poison(d, new SplittableRandom(1)).targets()).containsExactly(9, 6, 0);
    Dataset random = LabelFlipping.uniform(10).poison(d, new SplittableRandom(1));
    assertThat(java.util.Arrays.stream(random.targets()).allMatch(y -> y >= 0 && y <= 9 && y == Math.rint(y))).isTrue();
    assertThat(LabelFlipping.uniform(10).poison(d, new SplittableRandom(1))).isEqualTo(random);
    assertThatThrownBy(() -> LabelFlipping.reversed(2).poison(d, new SplittableRandom(1)))
        .hasMessageContaining("class labels 0..1");
  }
}
