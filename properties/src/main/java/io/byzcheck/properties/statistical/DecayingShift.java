package io.byzcheck.properties.statistical;

import io.byzcheck.kernels.sim.attack.Attack;
import io.byzcheck.kernels.sim.attack.AttackContext;
import java.util.Locale;

/**
 * A control's attacker for the rates of ByzantineSGD with restarts: every Byzantine worker sends ḡ + s·k^{−p}·u at
 * round k, a bias that fades more slowly than the 1/√T that ByzantineSGD's filter enforces (p &lt; 1/2). With the
 * filter opened it is never removed, so f(x̄) − f* ≈ (α s)² k^{−2p}/2 and the iterations to reach ε grow as
 * ε^{−1/(2p)} instead of 1/ε.
 */
record DecayingShift(double[] direction, double length, double power) implements Attack {
  DecayingShift {
    direction = new DirectionAttack(direction, length).direction();
    if (!(power > 0) || !Double.isFinite(power)) {
      throw new IllegalArgumentException("a decaying shift needs a finite power p > 0, got " + power);
    }
  }

  @Override
  public String name() {
    return String.format(Locale.ROOT, "decaying shift ḡ + %.3g·k^(−%.3g)·u", length, power);
  }

  @Override
  public void forge(AttackContext context) {
    double[] mean = context.honestMean();
    double scale = length * Math.pow(context.round(), -power);
    for (int k = 0; k < mean.length; k++) {
      mean[k] += scale * direction[k];
    }
    context.sendAll(mean);
  }
}
