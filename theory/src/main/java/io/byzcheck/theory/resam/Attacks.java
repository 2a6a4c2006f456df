package io.byzcheck.theory.resam;

import io.byzcheck.theory.Admissibility;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.Discrepancy;
import io.byzcheck.theory.TheoryValidation;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Farhadkhani et al. 2022, Appendix D.1 (RES-ATK): the four attacks of the experiments. Empire and little
 * send ḡ_t + ζa_t (ḡ_t an estimate of the true gradient): empire a_t = −ḡ_t, ζ = 1.1, i.e. (1 − ζ)ḡ_t =
 * −0.1·ḡ_t; little a_t = −σ_t (coordinate-wise standard deviation), ζ = 1, i.e. ḡ_t − σ_t. Sign flipping
 * sends −g; label flipping trains on l′ = 9 − l. For reference, the original little attack (Baruch et al.
 * 2019) chooses ζ = z_max = Φ⁻¹((n − s)/n) with s = ⌊n/2 + 1⌋ − f ({@link #alieZMax}); RESAM fixes ζ = 1.
 */
public final class Attacks {
  public static final Citation CITATION = new Citation("RES-ATK", "RES", "Appendix D.1");
  public static final double EMPIRE_ZETA = 1.1;
  public static final double LITTLE_ZETA = 1.0;

  /** The little attack's sign, stated twice. */
  public static final Discrepancy LITTLE_SIGN = new Discrepancy("RES-ATK",
      "D.1 little: 'a_t = −σ_t, where σ_t is the opposite vector of the coordinate-wise standard deviation of ḡ_t'",
      "a_t = −(coordinate-wise standard deviation), so Byzantine workers send ḡ_t − ζ·std (Baruch et al.'s "
          + "μ − z·σ); empire's '(1 ζ)ḡ_t' is read as (1 − ζ)ḡ_t",
      "taking both negations literally gives a_t = +std, the opposite of the attack the paper cites; THEORY.md "
          + "also reads it as −std");

  private static final NormalDistribution STANDARD =
      new NormalDistribution(new org.apache.commons.math3.random.Well19937c(1), 0, 1, 1e-12);

  private Attacks() {}

  /** ḡ_t + ζa_t, ζ ≥ 0. */
  public static double[] send(double[] gBar, double zeta, double[] a) {
    TheoryValidation.check(CITATION, zeta >= 0 && Double.isFinite(zeta), "a fixed ζ ≥ 0", "ζ = " + zeta);
    if (gBar.length != a.length) {
      throw new IllegalArgumentException("D.1 needs ḡ_t and a_t of one dimension");
    }
    double[] out = new double[gBar.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = gBar[k] + zeta * a[k];
    }
    return out;
  }

  /** Empire: a_t = −ḡ_t, ζ = 1.1. */
  public static double[] empire(double[] gBar) {
    double[] a = new double[gBar.length];
    for (int k = 0; k < a.length; k++) {
      a[k] = -gBar[k];
    }
    return send(gBar, EMPIRE_ZETA, a);
  }

  /** Little: a_t = −std_t (coordinate-wise, std ≥ 0), ζ = 1. */
  public static double[] little(double[] gBar, double[] std) {
    double[] a = new double[std.length];
    for (int k = 0; k < a.length; k++) {
      if (!(std[k] >= 0)) {
        throw new IllegalArgumentException("a standard deviation is ≥ 0, got " + std[k] + " at coordinate " + k);
      }
      a[k] = -std[k];
    }
    return send(gBar, LITTLE_ZETA, a);
  }

  /** Sign flipping: −g. */
  public static double[] signFlip(double[] gradient) {
    double[] out = new double[gradient.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = -gradient[k];
    }
    return out;
  }

  /** Label flipping: l′ = 9 − l for labels in {0..9}. */
  public static int flipLabel(int label) {
    if (label < 0 || label > 9) {
      throw new IllegalArgumentException("label flipping is defined on {0, …, 9}, got " + label);
    }
    return 9 - label;
  }

  /** Baruch et al.'s z_max = Φ⁻¹((n − s)/n), s = ⌊n/2 + 1⌋ − f, defined when 1 ≤ s &lt; n. */
  public static double alieZMax(int n, int f) {
    int s = n / 2 + 1 - f;
    Admissibility.of(CITATION)
        .require("n ≥ 2", n >= 2, "n = " + n)
        .require("f ≥ 0", f >= 0, "f = " + f)
        .require("s = ⌊n/2 + 1⌋ − f ≥ 1", s >= 1, "s = " + s)
        .orThrow();
    return STANDARD.inverseCumulativeProbability((double) (n - s) / n);
  }
}
