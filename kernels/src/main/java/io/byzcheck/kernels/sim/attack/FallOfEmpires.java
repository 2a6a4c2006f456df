package io.byzcheck.kernels.sim.attack;

import io.byzcheck.kernels.internal.Checks;

/**
 * Inner-product manipulation, "fall of empires" (Xie et al. 2019; RESAM App. D.1): every Byzantine
 * worker sends (1 − ζ)·ḡ, so that for ζ &gt; 1 the aggregate's inner product with the true gradient
 * can turn negative. RESAM uses ζ = 1.1.
 */
public record FallOfEmpires(double zeta) implements Attack {
  public FallOfEmpires {
    Checks.nonNegative("fall of empires (Xie et al. 2020)", "ζ", zeta);
  }

  @Override
  public String name() {
    return "IPM (ζ = " + zeta + ")";
  }

  @Override
  public void forge(AttackContext context) {
    double[] mean = context.honestMean();
    for (int k = 0; k < mean.length; k++) {
      mean[k] *= 1 - zeta;
    }
    context.sendAll(mean);
  }
}
