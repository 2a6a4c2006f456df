package io.byzcheck.kernels.sim.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AdditiveNoiseTest {
  @Test
  void theNoiseIsBoundedAlmostSurelyAndAveragesToZero() {
    double[] mu = {1, -2, 0.5};
    Problem p = AdditiveNoise.problem(AdditiveNoise.quadratic(mu), 3, 500, 0.7, 3);
    double[] theta = {0.3, 0.1, -4};
    double[] full = new double[3];
    p.objective().gradient(theta, full);
    double[] h = new double[3];
    AdditiveNoise.quadratic(mu).gradient(theta, h);
    for (int k = 0; k < 3; k++) {
      assertThat(full[k]).isCloseTo(h[k], within(1e-12)); // the pairs cancel: the objective is h
    }
    double[] one = new double[3];
    double max = 0;
    for (int i = 0; i < p.objective().samples(); i++) {
      p.objective().restrict(new int[] {i}).gradient(theta, one);
      double s = 0;
      for (int k = 0; k < 3; k++) {
        s += (one[k] - h[k]) * (one[k] - h[k]);
      }
      max = Math.max(max, Math.sqrt(s));
      assertThat(Math.sqrt(s)).isCloseTo(0.7, within(1e-12)); // on the sphere of radius r
    }
    assertThat(max).isLessThanOrEqualTo(0.7 + 1e-12);
    assertThat(p.optimum().orElseThrow()).containsExactly(mu);
  }

  @Test
  void aBatchGradientIsTheGradientOfTheRestrictedObjectiveBitForBit() {
    Objective o = AdditiveNoise.problem(AdditiveNoise.pseudoHuber(new double[] {0.2, -0.4}, 1), 2, 50, 3, 11)
        .objective();
    double[] theta = {1.5, -0.25};
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    for (int b : new int[] {1, 2, 7, 100}) {
      int[] picks = r.ints(b, 0, o.samples()).toArray();
      picks[0] = picks[b - 1]; // a repeat: samples are drawn with replacement
      double[] fast = new double[2];
      double[] copied = new double[2];
      o.batchGradient(picks, theta, fast);
      o.restrict(picks).gradient(theta, copied);
      assertThat(fast).containsExactly(copied);
    }
    assertThatThrownBy(() -> o.batchGradient(new int[] {0, 100}, theta, new double[2]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sample index 100 is outside 0..99");
    assertThatThrownBy(() -> o.batchGradient(new int[0], theta, new double[2]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
  }

  @Test
  void theCosineShapeIsMinimisedGlobally() {
    double[] mu = {0.3, -1.7, 2.5};
    AdditiveNoise.Shape s = AdditiveNoise.cosine(mu, 2);
    double[] best = s.minimiser();
    // an independent dense scan of each coordinate over [−10, 10]
    for (int k = 0; k < 3; k++) {
      double scan = Double.POSITIVE_INFINITY;
      for (double t = -10; t <= 10; t += 1e-4) {
        scan = Math.min(scan, 0.5 * t * t + 2 * Math.cos(t) - mu[k] * t);
      }
      double at = 0.5 * best[k] * best[k] + 2 * Math.cos(best[k]) - mu[k] * best[k];
      assertThat(at).isLessThanOrEqualTo(scan + 1e-9);
    }
    double[] g = new double[3];
    s.gradient(best, g);
    assertThat(g).containsExactly(new double[] {0, 0, 0}, within(1e-9));
  }

  @Test
  void badParametersAreRejected() {
    assertThatThrownBy(() -> AdditiveNoise.problem(AdditiveNoise.quadratic(new double[2]), 2, 5, -1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("radius");
    assertThatThrownBy(() -> AdditiveNoise.pseudoHuber(new double[2], 0)).hasMessageContaining("ε > 0");
    assertThatThrownBy(() -> AdditiveNoise.problem(AdditiveNoise.quadratic(new double[3]), 2, 5, 1, 1))
        .hasMessageContaining("dimension");
  }
}
