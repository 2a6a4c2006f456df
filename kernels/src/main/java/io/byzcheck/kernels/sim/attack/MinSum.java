package io.byzcheck.kernels.sim.attack;

/**
 * Min-Sum (Shejwalkar &amp; Houmansadr 2021, NDSS, §IV-B, AGR-agnostic): every Byzantine worker sends ḡ − γp with
 * the largest γ ({@link GammaSearch}) for which the malicious vector's sum of squared distances to the honest
 * vectors stays within a threshold. Two thresholds, named:
 * <ul>
 *   <li>{@link #authorsCode}: minᵢ Σⱼ ‖gᵢ − gⱼ‖², the authors' published code (no farther in sum than the most
 *       central honest vector);</li>
 *   <li>{@link #paperText}: maxᵢ Σⱼ ‖gᵢ − gⱼ‖², the paper's equation (no farther than the least central).</li>
 * </ul>
 */
public record MinSum(Perturbation direction, double initialGamma, boolean paper) implements Attack {

  public MinSum {
    if (direction == null || !(initialGamma > 0) || Double.isInfinite(initialGamma)) {
      throw new IllegalArgumentException("Min-Sum needs a direction and γ_init > 0 and finite, got " + direction
          + ", " + initialGamma);
    }
  }

  public static MinSum authorsCode(Perturbation direction) {
    return new MinSum(direction, 10, false);
  }

  public static MinSum paperText(Perturbation direction) {
    return new MinSum(direction, 10, true);
  }

  @Override
  public String name() {
    return "Min-Sum (" + direction.label() + (paper ? ", paper's max" : "") + ")";
  }

  @Override
  public void forge(AttackContext context) {
    double[][] h = context.honest();
    double[] mean = context.honestMean();
    double[] p = direction.of(h, mean);
    double threshold = paper ? 0 : Double.POSITIVE_INFINITY;
    for (double[] a : h) {
      double s = 0;
      for (double[] b : h) {
        s += GammaSearch.squaredDistance(a, b);
      }
      threshold = paper ? Math.max(threshold, s) : Math.min(threshold, s);
    }
    double bound = threshold;
    double gamma = GammaSearch.largest(initialGamma, g -> {
      double[] m = GammaSearch.candidate(mean, p, g);
      double s = 0;
      for (double[] x : h) {
        s += GammaSearch.squaredDistance(m, x);
      }
      return s <= bound;
    });
    context.sendAll(GammaSearch.candidate(mean, p, gamma));
  }
}
