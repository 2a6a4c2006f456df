package io.byzcheck.properties.gen;

import java.util.SplittableRandom;

/** How the n − f honest vectors are spread (the honest cluster whose diameter the bound scales with). */
public enum HonestFamily {
  /** i.i.d. N(0, I). */
  ISOTROPIC,
  /** N(0, diag(σ_k²)) with σ_k spanning three orders of magnitude. */
  ANISOTROPIC,
  /** Cauchy-like coordinates (Student t with 1 degree of freedom), clipped to ±10⁴. */
  HEAVY_TAILED,
  /** All honest vectors equal: diameter 0, so any deviation of F(x) from them is a violation. */
  COINCIDENT,
  /** On one line through the origin (RESAM's lower-bound and CGE examples live on lines). */
  COLLINEAR,
  /** Spread 10⁻³ around an offset of 10³ in every coordinate: catches float cancellation. */
  TINY_SPREAD_LARGE_OFFSET;

  /** Draws one honest vector into {@code out}; {@code direction} is shared by all (for COLLINEAR/COINCIDENT). */
  void draw(SplittableRandom rnd, double[] direction, double[] out) {
    int d = out.length;
    switch (this) {
      case ISOTROPIC -> {
        for (int k = 0; k < d; k++) {
          out[k] = rnd.nextGaussian();
        }
      }
      case ANISOTROPIC -> {
        for (int k = 0; k < d; k++) {
          out[k] = rnd.nextGaussian() * Math.pow(10, -1.5 + 3.0 * k / Math.max(1, d - 1));
        }
      }
      case HEAVY_TAILED -> {
        for (int k = 0; k < d; k++) {
          double t = Math.tan(Math.PI * (rnd.nextDouble() - 0.5));
          out[k] = Math.max(-1e4, Math.min(1e4, t));
        }
      }
      case COINCIDENT -> System.arraycopy(direction, 0, out, 0, d);
      case COLLINEAR -> {
        double t = rnd.nextGaussian();
        for (int k = 0; k < d; k++) {
          out[k] = t * direction[k];
        }
      }
      case TINY_SPREAD_LARGE_OFFSET -> {
        for (int k = 0; k < d; k++) {
          out[k] = 1e3 + 1e-3 * rnd.nextGaussian();
        }
      }
    }
  }
}
