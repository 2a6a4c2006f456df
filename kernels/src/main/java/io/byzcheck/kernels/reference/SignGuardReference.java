package io.byzcheck.kernels.reference;

import io.byzcheck.kernels.rules.RoundSeed;
import io.byzcheck.kernels.rules.SignGuard;

/**
 * SignGuard (Xu et al. 2022, Alg. 1) in double from its definition: norms from the coordinates, the median norm M,
 * the sign counts on the seeded block ({@link SignGuard#blockStart}), S = S₁ ∩ S₂ ({@link SignGuard#selected},
 * shared: it acts on the n norms and 3n counts only), and the mean over S of the vectors clipped to M, formed
 * coordinate by coordinate ({@link Geometry#clippedMean}).
 */
public final class SignGuardReference implements ReferenceRule {
  private final long seed;

  public SignGuardReference(long seed) {
    this.seed = seed;
  }

  @Override
  public String name() {
    return "SignGuard (reference)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    int d = x[0].length;
    int m = SignGuard.blockLength(d);
    int start = SignGuard.blockStart(RoundSeed.of(seed, x), d);
    int[][] counts = new int[x.length][3];
    for (int i = 0; i < x.length; i++) {
      for (int k = start; k < start + m; k++) {
        double v = x[i][k];
        counts[i][v > 0 ? 0 : v < 0 ? 2 : 1]++;
      }
    }
    return Geometry.clippedMean(x, (norms, tau) -> SignGuard.selected(norms, counts, m));
  }
}
