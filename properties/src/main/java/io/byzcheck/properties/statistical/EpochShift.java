package io.byzcheck.properties.statistical;

import io.byzcheck.kernels.sim.attack.Attack;
import io.byzcheck.kernels.sim.attack.AttackContext;
import io.byzcheck.kernels.sim.optim.ByzantineSgd;
import java.util.Locale;

/**
 * The attacker that realises Theorems 3.4–3.5's α² term against ByzantineSGD with restarts: knowing the schedule
 * (epoch e runs T_e = 2^e·T₁ rounds in a ball of radius D/2^{e/2}), every Byzantine worker sends ḡ + s_e·u with
 * s_e = φ·𝔗_B(T_e)/T_e, so its prefix sum B_i stays a fraction φ of the filter's 𝔗_B = 4𝒱√(T_eC_e) from the honest
 * ones for the whole epoch and is never removed. Epoch e's x̄ then carries a bias α·s_e/σ, a gap α²s_e²/(2σ) =
 * 8φ²α²𝒱²C_e/(σT_e): reaching ε takes T ∝ α²𝒱²C/(σε), the order the theorems claim, with its constant explicit.
 */
record EpochShift(double[] direction, int workers, int firstEpoch, double diameter, double noise, double delta,
    double fraction) implements Attack {
  EpochShift {
    direction = new DirectionAttack(direction, 1).direction();
    if (firstEpoch < 1 || workers < 1 || !(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("an epoch shift needs T₁ ≥ 1, m ≥ 1 and a fraction in (0, 1), got " + firstEpoch
          + ", " + workers + ", " + fraction);
    }
  }

  @Override
  public String name() {
    return String.format(Locale.ROOT, "epoch shift ḡ + %.2g·𝔗_B(T_e)/T_e·u", fraction);
  }

  /** s_e at a round (from 1): the epoch whose rounds T₁(2^e − 1) < k ≤ T₁(2^{e+1} − 1) hold it. */
  double shift(int round) {
    long t = firstEpoch;
    long end = firstEpoch;
    double radius = diameter;
    while (round > end) {
      t *= 2;
      end += t;
      radius /= Math.sqrt(2);
    }
    return fraction * ByzantineSgd.thresholds(workers, radius, (int) t, noise, delta)[1] / t;
  }

  @Override
  public void forge(AttackContext context) {
    double[] mean = context.honestMean();
    double s = shift(context.round());
    for (int k = 0; k < mean.length; k++) {
      mean[k] += s * direction[k];
    }
    context.sendAll(mean);
  }
}
