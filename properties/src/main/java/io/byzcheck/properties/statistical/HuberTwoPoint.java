package io.byzcheck.properties.statistical;

import java.util.SplittableRandom;

/**
 * Yin et al. 2018, Appendix G, eq. (73): Huber's two-point construction. Each machine is Byzantine with probability
 * α, independently. In world k ∈ {0, 1} a normal machine's local mean is N(μ_k, s²) (density ψ_k); a Byzantine
 * machine's has the density ∝ (ψ_{1−k} − ψ_k)₊, so that (1 − α)ψ_k + αQ_k is the same in both worlds when
 * TV(ψ₀, ψ₁) = 2Φ(|μ₁ − μ₀|/(2s)) − 1 = α/(1 − α) ({@code MeanEstimationLowerBound#separation}). A Gaussian
 * location family's likelihood ratio depends on a machine's samples through their mean only, so a whole block of
 * samples is that mean plus centred Gaussian residuals, whose law is the same in both worlds: every machine's data,
 * hence any algorithm's output, then has the same law in both worlds. Used for YIN-OBS1 and for the α² terms of
 * Alistarh et al.'s Theorems 4.3 and 4.4 (ALI-T43, ALI-T44).
 */
final class HuberTwoPoint {
  private HuberTwoPoint() {}

  /**
   * One machine's local mean in world k (means mu[0], mu[1], standard deviation s): normal N(μ_k, s²), Byzantine
   * from the density ∝ (ψ_other − ψ_k)₊, by rejection: propose from ψ_other, accept with probability
   * 1 − ψ_k/ψ_other (the acceptance rate is TV(ψ₀, ψ₁), so α/(1 − α) at the construction's separation).
   */
  static double localMean(boolean byzantine, int k, double[] mu, double s, SplittableRandom r) {
    if (!byzantine) {
      return mu[k] + s * r.nextGaussian();
    }
    double other = mu[1 - k];
    while (true) {
      double x = other + s * r.nextGaussian();
      double a = (x - mu[k]) / s;
      double b = (x - other) / s;
      double ratio = Math.exp(-0.5 * (a * a - b * b));
      if (r.nextDouble() >= ratio) {
        return x;
      }
    }
  }

  /**
   * A machine's t samples in world k, written to out[at, at + t): standard deviation {@code noise} per sample, the
   * block's mean drawn by {@link #localMean} with s = noise/√t, the residuals zᵢ − z̄ of t draws of N(0, noise²).
   */
  static void block(boolean byzantine, int k, double[] mu, double noise, int t, SplittableRandom r, double[] out,
      int at) {
    double mean = 0;
    for (int i = 0; i < t; i++) {
      out[at + i] = noise * r.nextGaussian();
      mean += out[at + i];
    }
    mean /= t;
    double centre = localMean(byzantine, k, mu, noise / Math.sqrt(t), r);
    for (int i = 0; i < t; i++) {
      out[at + i] += centre - mean;
    }
  }

  /**
   * The samples of m machines of t samples each in world k, each machine Byzantine with probability α (0 for no
   * contamination: then the worlds differ, which the controls use).
   */
  static double[] samples(int m, int t, double alpha, int k, double[] mu, double noise, SplittableRandom r) {
    double[] z = new double[m * t];
    for (int i = 0; i < m; i++) {
      block(r.nextDouble() < alpha, k, mu, noise, t, r, z, i * t);
    }
    return z;
  }
}
