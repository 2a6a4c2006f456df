package io.byzcheck.kernels.sim.attack;

import io.byzcheck.kernels.internal.Checks;

/**
 * Each Byzantine worker sends independent N(0, σ²) coordinates: the Gaussian attack, and Cao &amp;
 * Lai's "random" attack (§V-A: the attacker randomly generates gradient values).
 */
public record RandomVectors(double sigma) implements Attack {
  public RandomVectors {
    Checks.positive("random vectors", "σ", sigma);
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
