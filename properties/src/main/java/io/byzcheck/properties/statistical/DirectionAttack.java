package io.byzcheck.properties.statistical;

import io.byzcheck.kernels.sim.attack.Attack;
import io.byzcheck.kernels.sim.attack.AttackContext;
import java.util.Arrays;
import java.util.Locale;

/**
 * The attack the CMA-ES search drives: every Byzantine worker sends ḡ + s·u/‖u‖, the honest mean shifted by a
 * fixed direction u and length s (ALIE and IPM are special directions: −σ and −ḡ). A fixed direction is the
 * bias that accumulates in ByzantineSGD's A_i and B_i and in a momentum, which is what the bounds must absorb.
 */
record DirectionAttack(double[] direction, double length) implements Attack {
  DirectionAttack {
    double n = 0;
    for (double v : direction) {
      n += v * v;
    }
    if (!(n > 0) || !Double.isFinite(n) || !(length >= 0) || !Double.isFinite(length)) {
      throw new IllegalArgumentException("a direction attack needs a finite non-zero u and a finite s ≥ 0");
    }
    direction = direction.clone();
    for (int k = 0; k < direction.length; k++) {
      direction[k] /= Math.sqrt(n);
    }
  }

  @Override
  public String name() {
    StringBuilder sb = new StringBuilder("direction (CMA-ES): ḡ + ");
    sb.append(String.format(Locale.ROOT, "%.3g", length)).append("·u, u = [");
    for (int k = 0; k < direction.length; k++) {
      sb.append(k > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.3f", direction[k]));
    }
    return sb.append(']').toString();
  }

  @Override
  public void forge(AttackContext context) {
    double[] mean = context.honestMean();
    for (int k = 0; k < mean.length; k++) {
      mean[k] += length * direction[k];
    }
    context.sendAll(mean);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DirectionAttack a && Arrays.equals(a.direction, direction) && a.length == length;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(direction) * 31 + Double.hashCode(length);
  }

  @Override
  public String toString() {
    return name();
  }
}
