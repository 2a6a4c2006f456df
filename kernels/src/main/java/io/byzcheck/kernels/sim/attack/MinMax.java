package io.byzcheck.kernels.sim.attack;

/**
 * Min-Max (Shejwalkar &amp; Houmansadr 2021, NDSS, §IV-B, AGR-agnostic): every Byzantine worker sends ḡ − γp with
 * the largest γ ({@link GammaSearch}) for which the malicious vector is no farther from any honest vector than
 * the honest vectors are from one another: maxᵢ ‖m − gᵢ‖² ≤ max_{i,j} ‖gᵢ − gⱼ‖² (squared norms, as the authors'
 * code; the same set of γ). p: {@link Perturbation}; γ_init = 10 by default (the authors use 10 or 50).
 */
public record MinMax(Perturbation direction, double initialGamma) implements Attack {

  public MinMax {
    if (direction == null || !(initialGamma > 0) || Double.isInfinite(initialGamma)) {
      throw new IllegalArgumentException("Min-Max needs a direction and γ_init > 0 and finite, got " + direction
          + ", " + initialGamma);
    }
  }

  public static MinMax of(Perturbation direction) {
    return new MinMax(direction, 10);
  }

  @Override
  public String name() {
    return "Min-Max (" + direction.label() + ")";
  }

  @Override
  public void forge(AttackContext context) {
    double[][] h = context.honest();
    double[] mean = context.honestMean();
    double[] p = direction.of(h, mean);
    double diameter = 0;
    for (int i = 0; i < h.length; i++) {
      for (int j = i + 1; j < h.length; j++) {
        diameter = Math.max(diameter, GammaSearch.squaredDistance(h[i], h[j]));
      }
    }
    double bound = diameter;
    double gamma = GammaSearch.largest(initialGamma, g -> {
      double[] m = GammaSearch.candidate(mean, p, g);
      for (double[] x : h) {
        if (GammaSearch.squaredDistance(m, x) > bound) {
          return false;
        }
      }
      return true;
    });
    context.sendAll(GammaSearch.candidate(mean, p, gamma));
  }
}
