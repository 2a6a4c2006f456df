package io.byzcheck.kernels.sim.attack;

/**
 * Inner-product manipulation, "fall of empires" (Xie et al. 2019; RESAM App. D.1): every Byzantine
 * worker sends (1 − ζ)·ḡ, so that for ζ &gt; 1 the aggregate's inner product with the true gradient
 * can turn negative. RESAM uses ζ = 1.1.
 */
public record FallOfEmpires(double zeta) implements Attack {
  public FallOfEmpires {
    if (!(zeta >= 0) || Double.isInfinite(zeta)) {
      throw new IllegalArgumentException("ζ must be finite and ≥ 0, got " + zeta);
    }
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
