package io.byzcheck.kernels.sim.attack;

/**
 * "A little is enough" (ALIE, Baruch et al. 2019): every Byzantine worker sends ḡ − z·σ, with ḡ and
 * σ the coordinate-wise mean and standard deviation of the honest messages. Baruch et al. choose
 * z = Φ⁻¹((m − s)/m), s = ⌊m/2 + 1⌋ − q, the largest shift that still keeps the Byzantine vectors
 * inside the majority; RESAM App. D.1 ("little") fixes z = ζ = 1.
 */
public record LittleIsEnough(double z, boolean fromWorkerCounts) implements Attack {

  /** Baruch et al.'s z, computed from m and q each round. */
  public static LittleIsEnough baruch() {
    return new LittleIsEnough(0, true);
  }

  /** A fixed z (RESAM App. D.1 uses ζ = 1). */
  public static LittleIsEnough fixed(double z) {
    if (!Double.isFinite(z)) {
      throw new IllegalArgumentException("ALIE's z must be finite, got " + z);
    }
    return new LittleIsEnough(z, false);
  }

  /** Baruch et al.'s z for m workers of which q are Byzantine. */
  public static double baruchZ(int workers, int byzantine) {
    int s = workers / 2 + 1 - byzantine;
    if (s < 1 || byzantine < 1) {
      throw new IllegalArgumentException("ALIE's z = Φ⁻¹((m − s)/m) needs s = ⌊m/2 + 1⌋ − q ≥ 1 and q ≥ 1, got m = "
          + workers + ", q = " + byzantine);
    }
    return NormalQuantile.inverse((double) (workers - s) / workers);
  }

  @Override
  public String name() {
    return fromWorkerCounts ? "ALIE (Baruch z)" : "ALIE (z = " + z + ")";
  }

  @Override
  public void validate(int workers, int byzantine) {
    if (fromWorkerCounts) {
      baruchZ(workers, byzantine);
    }
  }

  @Override
  public void forge(AttackContext context) {
    double shift = fromWorkerCounts ? baruchZ(context.messages().length, context.out().length) : z;
    double[] mean = context.honestMean();
    double[] std = context.honestStd();
    for (int k = 0; k < mean.length; k++) {
      mean[k] -= shift * std[k];
    }
    context.sendAll(mean);
  }
}
