package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.Awkward;
import io.byzcheck.kernels.ByzantineInputException;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.reference.FlTrustReference;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** FLTrust (Cao et al. 2021): a case worked by hand, fast = reference, the server's vector, bad input. */
@Tag("vector-width")
class FlTrustTest {
  private static final float[] G0 = {1, 0};

  /**
   * g₀ = (1, 0). (2, 0): cos 1, rescaled to (1, 0). (1, 1): cos 1/√2, rescaled to (1, 1)/√2. (−1, 0): cos −1,
   * trust 0. (0, 3): cos 0, trust 0. g = (1·(1, 0) + (1/√2)·(1/√2, 1/√2))/(1 + 1/√2) = (1.5, 0.5)/(1 + 1/√2).
   */
  @Test
  void handWorkedCase() {
    WorkerVectors x = WorkerVectors.wrap(new float[] {2, 0}, new float[] {1, 1}, new float[] {-1, 0},
        new float[] {0, 3});
    double z = 1 + 1 / Math.sqrt(2);
    double[] ref = new FlTrustReference().aggregateExact(x.toDoubles(), new double[] {1, 0});
    assertThat(ref[0]).isCloseTo(1.5 / z, within(1e-15));
    assertThat(ref[1]).isCloseTo(0.5 / z, within(1e-15));
    float[] out = new float[2];
    new FlTrust().aggregate(x, G0, 0, out);
    assertThat((double) out[0]).isCloseTo(1.5 / z, within(1e-6));
    assertThat((double) out[1]).isCloseTo(0.5 / z, within(1e-6));
  }

  /** Nobody earns trust (every cosine ≤ 0, or a zero vector): the zero vector, the stated policy for 0/0. */
  @Test
  void noTrustGivesTheZeroVector() {
    WorkerVectors x = WorkerVectors.wrap(new float[] {-1, 0}, new float[] {0, 2}, new float[] {0, 0});
    float[] out = {7, 7};
    new FlTrust().aggregate(x, G0, 1, out);
    assertThat(out).containsExactly(0, 0);
    new FlTrust().aggregate(x, new float[] {0, 0}, 1, out);
    assertThat(out).containsExactly(0, 0);
  }

  /**
   * EXT-FLTRUST-NOLAMBDA's instance: identical honest x = g₀ and one Byzantine b at a positive cosine with g₀, in
   * another direction. b is trusted, so g ≠ x although diam S = 0.
   */
  @Test
  void identicalHonestWorkersAreNotReturnedWhenAByzantineEarnsTrust() {
    float[] x = {3, 4};
    WorkerVectors w = WorkerVectors.wrap(x, x, x, new float[] {5, 0});
    float[] out = new float[2];
    new FlTrust().aggregate(w, x, 1, out);
    // cos(b, x) = 3/5; b rescaled to ‖x‖ = 5: (5, 0). g = (3·(3, 4) + 0.6·(5, 0))/3.6.
    assertThat((double) out[0]).isCloseTo((9 + 3) / 3.6, within(1e-5));
    assertThat((double) out[1]).isCloseTo(12 / 3.6, within(1e-5));
  }

  @Test
  void fastRuleEqualsTheDefinition() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 200);
    for (int n = 1; n <= 15; n += 2) {
      for (int d : Awkward.dimensions()) {
        WorkerVectors x = Awkward.vectors(rnd, n, d);
        float[] g0 = Awkward.vectors(rnd, 1, d).row(0);
        float[] got = new float[d];
        new FlTrust().aggregate(x, g0, 0, got);
        double[] g0d = new double[d];
        for (int k = 0; k < d; k++) {
          g0d[k] = g0[k];
        }
        double[] want = new FlTrustReference().aggregateExact(x.toDoubles(), g0d);
        double norm = 0;
        for (float v : g0) {
          norm += (double) v * v;
        }
        for (int k = 0; k < d; k++) {
          assertThat((double) got[k]).as("n=%d d=%d k=%d (seed %d)", n, d, k, Awkward.SEED)
              .isCloseTo(want[k], within(1e-6 * Math.sqrt(norm) + Math.ulp((float) Math.abs(want[k]))));
        }
      }
    }
  }

  /** The server's vector is trusted: wrong length or a non-finite coordinate is an error, never ignored. */
  @Test
  void theServersVectorIsChecked() {
    WorkerVectors x = WorkerVectors.wrap(new float[] {1, 2}, new float[] {2, 1});
    float[] out = new float[2];
    assertThatThrownBy(() -> new FlTrust().aggregate(x, new float[3], 0, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("FLTrust (Cao et al. 2021) needs the server's vector g₀ of length d = 2, got length = 3");
    assertThatThrownBy(() -> new FlTrust().aggregate(x, new float[] {1, Float.NaN}, 0, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("g₀[1] = NaN");
    assertThatThrownBy(() -> new FlTrust().aggregate(x, null, 0, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length = null");
  }

  /** A NaN worker is excluded and charged to f; more than f is an error naming them. */
  @Test
  void nonFiniteWorkersAreExcludedAndChargedToF() {
    float[] a = {1, 2};
    float[] b = {2, 1};
    WorkerVectors bad = WorkerVectors.wrap(a, new float[] {Float.NaN, 0}, b);
    float[] out = new float[2];
    float[] clean = new float[2];
    new FlTrust().aggregate(bad, G0, 1, out);
    new FlTrust().aggregate(WorkerVectors.wrap(a, b), G0, 0, clean);
    assertThat(out).containsExactly(clean);
    assertThatThrownBy(() -> new FlTrust().aggregate(bad, G0, 0, out)).isInstanceOf(ByzantineInputException.class)
        .hasMessageContaining("workers [1]");
  }

  /**
   * Huge workers are rescaled to ‖g₀‖ without overflow; a g₀ whose norm exceeds float32 range makes an output
   * coordinate unrepresentable: an error, not ±∞.
   */
  @Test
  void hugeValuesAreRescaledOrRejected() {
    WorkerVectors huge = WorkerVectors.wrap(new float[] {3.4e38f, 3.4e38f}, new float[] {3.4e38f, -1e38f});
    float[] out = new float[2];
    new FlTrust().aggregate(huge, G0, 0, out);
    assertThat(Float.isFinite(out[0]) && Float.isFinite(out[1])).isTrue();
    assertThat(Math.hypot(out[0], out[1])).isLessThanOrEqualTo(1 + 1e-6);
    WorkerVectors one = WorkerVectors.wrap(new float[] {1, 0.001f});
    assertThatThrownBy(() -> new FlTrust().aggregate(one, new float[] {3e38f, 3e38f}, 0, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("within float32 range");
  }

  /** As an {@link AggregationRule} with g₀ a function of the round (the catalogue's form). */
  @Test
  void withAServerVectorFunctionItIsAnAggregationRule() {
    AggregationRule rule = new FlTrust().withServerVector("(1, 0)", x -> G0.clone());
    assertThat(rule.name()).isEqualTo("FLTrust (g₀ = (1, 0))");
    WorkerVectors x = WorkerVectors.wrap(new float[] {2, 0}, new float[] {0, 5});
    assertThat(rule.aggregate(x, 0)).containsExactly(1, 0);
  }
}
