package io.byzcheck.kernels.sim.attack;

/**
 * Each Byzantine worker sends independent N(0, σ²) coordinates: the Gaussian attack, and Cao &amp;
 * Lai's "random" attack (§V-A: the attacker randomly generates gradient values).
 */
public record RandomVectors(double sigma) implements Attack {
  public RandomVectors {
    if (!(sigma > 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("σ must be finite and > 0, got " + sigma);
    }
  }

  @Override
  public String name() {
    return "Gaussian (σ = " + sigma + ")";
  }

  @Override
  public void forge(AttackContext context) {
    for (double[] o : context.out()) {
      for (int k = 0; k < o.length; k++) {
        o[k] = sigma * context.rng().nextGaussian();
      }
    }
  }
}
