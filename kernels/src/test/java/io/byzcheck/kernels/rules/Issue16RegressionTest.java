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
   * WGM(1e-6;2×med) on the CI corpus's "mixed" family (rows of norms 10⁻⁵ … 10¹⁸, seeded capped weights): before it
   * shared GM's recentred Gram, stall detection and direct certificates, it threw "certified relative gap … after
   * 100000 Weiszfeld iterations" on the default path at the first five seeds, and at 128 bits at the last four
   * too. Now it returns a point whose weighted objective Σwᵢ‖z − xᵢ‖, computed in coordinates on the finite rows,
   * is within 10⁻⁶ (plus the rounding of the float output) of the best of the weighted points and the weighted
   * coordinate-wise median: the corpus's OBJECTIVE check, independent of the rule's certificate.
   */
  @ParameterizedTest(name = "corpus input {0}")
  @ValueSource(longs = {20261184783588L, 20261184783714L, 20261184783927L, 20261184784224L, 20261184784321L,
      20261184784238L, 20261184784273L, 20261184784309L, 20261184784313L})
  void weightedGeometricMedianCertifiesTheMixedScaleCorpusInputs(long seed) {
    CorpusInput in = CorpusInput.of(seed, 300);
    CorpusRule rule = rule("WGM(1e-6;2×med)");
    int f = rule.f(in);
    float[] got = rule.fast(in).aggregate(in.x(), f);
    double[][] x = FiniteWorkers.screen(in.x(), f).vectors().toDoubles();
    double[] w = rule.objectiveWeights(in);
    double total = 0;
    double best = Geometry.sumOfDistances(x, w, io.byzcheck.kernels.reference.WeightedReference.median(x, w));
    for (int i = 0; i < x.length; i++) {
      total += w[i];
      if (w[i] > 0) {
        best = Math.min(best, Geometry.sumOfDistances(x, w, x[i]));
      }
    }
    double[] z = new double[got.length];
    double rounding = 0;
    for (int k = 0; k < got.length; k++) {
      z[k] = got[k];
      rounding += Math.pow(Math.ulp(got[k]), 2);
    }
    rounding = total * Math.sqrt(rounding);
    System.out.printf("WGM corpus input %d: n = %d, d = %d, objective %.17g, best candidate %.17g%n", seed,
        x.length, got.length, Geometry.sumOfDistances(x, w, z), best);
    assertThat(Geometry.sumOfDistances(x, w, z)).as("WGM objective, corpus input %d", seed)
        .isLessThanOrEqualTo(best * (1 + 1e-6) + rounding);
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
    double spread = AdversarialCorpusTest.spread(x);
    for (int k = 0; k < d; k++) {
      double tol = 1e-6 * spread + 2 * Math.ulp((float) want[k]);
      assertThat(Math.abs(got[k] - want[k])).as("%s, seed %d, coordinate %d: got %s, reference %s", rule.name,
          in.seed(), k, got[k], want[k]).isLessThanOrEqualTo(tol);
    }
  }
}
