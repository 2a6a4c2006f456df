package io.byzcheck.kernels.sim.attack;

/**
 * Byzantine workers send NaN or ±∞ (whole vectors, or one poisoned coordinate in an otherwise honest
 * message) to exercise the servers' non-finite policy: such workers are excluded and counted against f.
 */
public record NonFinite(Kind kind) implements Attack {
  public enum Kind { NAN, POSITIVE_INFINITY, NEGATIVE_INFINITY, ONE_NAN_COORDINATE }

  @Override
  public String name() {
    return "non-finite (" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
  }

  @Override
  public void forge(AttackContext context) {
    for (int b = 0; b < context.out().length; b++) {
      double[] o = context.out()[b];
      switch (kind) {
        case NAN -> java.util.Arrays.fill(o, Double.NaN);
        case POSITIVE_INFINITY -> java.util.Arrays.fill(o, Double.POSITIVE_INFINITY);
        case NEGATIVE_INFINITY -> java.util.Arrays.fill(o, Double.NEGATIVE_INFINITY);
        case ONE_NAN_COORDINATE -> {
          System.arraycopy(context.own()[b], 0, o, 0, o.length);
          o[context.rng().nextInt(o.length)] = Double.NaN;
        }
      }
    }
  }
}
