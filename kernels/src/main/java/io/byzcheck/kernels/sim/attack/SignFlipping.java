package io.byzcheck.kernels.sim.attack;

import io.byzcheck.kernels.internal.Checks;

/**
 * Each Byzantine worker sends −s times its honest message: sign flipping (Allen-Zhu et al., RESAM
 * App. D.1, s = 1) and Cao &amp; Lai's "inverse" attack (§V-A: the inverse of the gradient or Newton
 * direction it computed on its own data).
 */
public record SignFlipping(String name, double scale) implements Attack {
  public SignFlipping {
    Checks.positive("sign flipping", "the flipping scale", scale);
  }

  public static SignFlipping signFlipping() {
    return new SignFlipping("sign flipping", 1);
  }

  /** Cao &amp; Lai's inverse attack. */
  public static SignFlipping inverse() {
    return new SignFlipping("inverse", 1);
  }

  @Override
  public void forge(AttackContext context) {
    for (int b = 0; b < context.out().length; b++) {
      for (int k = 0; k < context.out()[b].length; k++) {
        context.out()[b][k] = -scale * context.own()[b][k];
      }
    }
  }
}
