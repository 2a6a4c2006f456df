package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.kernels.FiniteWorkers;
import io.byzcheck.kernels.reference.Geometry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs of the full adversarial corpus (issue 16) that failed before their fix, replayed from their seeds through
 * the corpus's own rule entries ({@link CorpusRule}) and its DISTANCE tolerance 10⁻⁶·S + 2 ulp(ref) per coordinate.
 * Tagged: they run at every forced vector width and on the scalar path.
 */
@Tag("vector-width")
class Issue16RegressionTest {

  /**
   * FLTrust(CWMed): subnormal workers (n = 11, 13, 38; d ≤ 4) whose rescaling factor ‖g₀‖/‖gᵢ‖ reaches ~10⁷, so
   * the convex combination rounded to a subnormal float before the scaling by Σβ lost up to 10⁷ × 2⁻¹⁵⁰ (before:
   * e.g. 1.971487e−39 against 1.9720779e−39).
   */
  @ParameterizedTest
  @ValueSource(longs = {20261184790767L, 20261184804307L, 20261184785758L})
  void flTrustAgreesWithItsReferenceOnCorpusInputs(long seed) {
    assertAgrees(flTrust(), CorpusInput.of(seed, 100_003));
  }

  /**
   * The corpus's one FLTrust "crash" (n = 3, d = 3, huge values): the float64 reference's aggregate has coordinate
   * 1 at 3.42e38 &gt; Float.MAX_VALUE (‖g₀‖ = 5.14e38), so the rule's error is its documented refusal, now counted
   * as one by the corpus ({@link CorpusRule}'s FLTrust entry), and the rule must keep refusing it.
   */
  @org.junit.jupiter.api.Test
  void flTrustRefusesTheCorpusInputWhoseExactAggregateOverflows() {
    CorpusInput in = CorpusInput.of(20261184881515L, 100_003);
    CorpusRule rule = flTrust();
    double[] want = rule.reference(in, in.x().toDoubles(), 0);
    assertThat(want[1]).isGreaterThan(Float.MAX_VALUE);
    assertThat(rule.valid(in, rule.f(in))).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> rule.fast(in).aggregate(in.x(), rule.f(in)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("within float32 range");
  }

  /**
   * ClippedClustering: "offset" data (n = 5, d = 75358, a tiny spread on a large common offset), whose cosine
   * distances 1 − ⟨a, b⟩/(‖a‖‖b‖) cancelled to noise on both sides, so the clusters differed (before: −99999.984
   * against the reference's −99999.966). Both now compute 1 − cos without the cancellation.
   */
  @ParameterizedTest
  @ValueSource(longs = {20261184846687L})
  void clippedClusteringAgreesWithItsReferenceOnOffsetCorpusInputs(long seed) {
    assertAgrees(rule("ClippedClustering"), CorpusInput.of(seed, 100_003));
  }

  private static CorpusRule flTrust() {
    return rule("FLTrust(CWMed)");
  }

  private static CorpusRule rule(String name) {
    return CorpusRule.all().stream().filter(r -> r.name.equals(name)).findFirst().orElseThrow();
  }

  static void assertAgrees(CorpusRule rule, CorpusInput in) {
    int f = rule.f(in);
    float[] got = rule.fast(in).aggregate(in.x(), f);
    FiniteWorkers s = FiniteWorkers.screen(in.x(), f);
    double[][] x = s.vectors().toDoubles();
    double[] want = rule.reference(in, x, s.f());
    int d = x[0].length;
    double[] mean = new double[d];
    for (double[] row : x) {
      for (int k = 0; k < d; k++) {
        mean[k] += row[k] / x.length;
      }
    }
    double spread = 0;
    for (double[] row : x) {
      spread = Math.max(spread, Math.sqrt(Geometry.squaredDistance(row, mean)));
    }
    for (int k = 0; k < d; k++) {
      double tol = 1e-6 * spread + 2 * Math.ulp((float) want[k]);
      assertThat(Math.abs(got[k] - want[k])).as("%s, seed %d, coordinate %d: got %s, reference %s", rule.name,
          in.seed(), k, got[k], want[k]).isLessThanOrEqualTo(tol);
    }
  }
}
