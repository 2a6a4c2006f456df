package io.byzcheck.kernels.sim.optim;

import io.byzcheck.kernels.internal.Checks;

/**
 * The f a server tells its aggregation rule, as a function of the number of workers m: the rule's
 * assumption about the Byzantine count, which a run's actual q may exceed (Cao &amp; Lai Figs. 4–5).
 */
@FunctionalInterface
public interface Tolerance {
  int f(int workers);

  /** ⌈m/2⌉ − 1, the largest f an f &lt; m/2 rule accepts (the coordinate-wise median and the geometric median do not use f otherwise). */
  static Tolerance largest() {
    return m -> (m - 1) / 2;
  }

  /** A fixed f, checked against m when the run starts. */
  static Tolerance of(int f) {
    return m -> {
      Checks.byzantineCount("the declared tolerance", "f", f, "m", m);
      return f;
    };
  }

  /** ⌊βm⌋, what the β-trimmed mean tolerates (Yin Thm. 4: α ≤ β). */
  static Tolerance fraction(double beta) {
    Checks.require(beta >= 0 && beta < 0.5, "the β-trimmed tolerance (Yin Thm. 4)", "β ∈ [0, 1/2)", "β", beta);
    return m -> (int) Math.floor(beta * m);
  }
}
