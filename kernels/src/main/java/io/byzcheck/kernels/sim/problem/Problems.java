package io.byzcheck.kernels.sim.problem;

import io.byzcheck.kernels.internal.Checks;
import java.util.Optional;
import java.util.SplittableRandom;

/** Seeded generators for the papers' synthetic problems; the same seed gives the same samples. */
public final class Problems {
  private Problems() {}

  /**
   * Yin Prop. 1: y = xᵀw* + ξ with Rademacher features x ∈ {±1}ᵈ and ξ ~ N(0, σ²); w* ~ N(0, I).
   * The population Hessian is I, so w* is the population optimum.
   */
  public static Problem leastSquaresRademacher(int samples, int d, double sigma, long seed) {
    return linearModel("least squares, Rademacher features (Yin Prop. 1)", samples, d, sigma, seed,
        (rng, x, w) -> {
          for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextBoolean() ? 1 : -1;
          }
        }, 1);
  }

  /** Yin App. A.2: as {@link #leastSquaresRademacher} with x ~ N(0, I). */
  public static Problem leastSquaresGaussian(int samples, int d, double sigma, long seed) {
    return linearModel("least squares, Gaussian features (Yin App. A.2)", samples, d, sigma, seed,
        (rng, x, w) -> {
          for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextGaussian();
          }
        }, 1);
  }

  /**
   * Cao &amp; Lai §V-A: d = 20, N = 50 000, θ* with N(0, 9) entries, Gaussian features whose second-moment
   * matrix has eigenvalues spread evenly over [2, 200] in a random orthonormal basis, N(0, 1) noise.
   * The paper fixes the extreme eigenvalues of "the correlation matrix XᵀX"; we read that as
   * E[xxᵀ] = XᵀX/N (the literal XᵀX with N = 50 000 rows would leave an error floor near 1, which the
   * paper's curves do not show). Empirical eigenvalues are within a few percent of [2, 200].
   */
  public static Problem caoLaiSynthetic(int samples, int d, long seed) {
    if (d < 2) {
      throw new IllegalArgumentException("the Cao & Lai design needs d ≥ 2 to spread eigenvalues over [2, 200], got " + d);
    }
    SplittableRandom basisRng = new SplittableRandom(seed ^ 0x5DEECE66DL);
    double[][] q = randomOrthonormal(d, basisRng);
    double[] scale = new double[d];
    for (int k = 0; k < d; k++) {
      scale[k] = Math.sqrt(2 + 198.0 * k / (d - 1));
    }
    double[] z = new double[d];
    return linearModel("least squares, Cao & Lai synthetic design (§V-A)", samples, d, 1, seed, (rng, x, w) -> {
      for (int k = 0; k < d; k++) {
        z[k] = scale[k] * rng.nextGaussian();
      }
      for (int a = 0; a < d; a++) {
        double s = 0;
        for (int k = 0; k < d; k++) {
          s += q[k][a] * z[k];
        }
        x[a] = s;
      }
    }, 3);
  }

  /** Yin eq. (6): samples z ~ N(μ, σ²I) with μ ~ N(0, I); the optimum is μ. */
  public static Problem meanEstimation(int samples, int d, double sigma, long seed) {
    requireSizes(samples, d);
    SplittableRandom rng = new SplittableRandom(seed);
    double[] mu = new double[d];
    for (int k = 0; k < d; k++) {
      mu[k] = rng.nextGaussian();
    }
    double[] x = new double[samples * d];
    for (int i = 0; i < samples; i++) {
      for (int k = 0; k < d; k++) {
        x[i * d + k] = mu[k] + sigma * rng.nextGaussian();
      }
    }
    return new Problem("mean estimation (Yin eq. (6))", new MeanEstimation(new Dataset(x, samples, d,
        new double[samples])), Optional.of(mu), Optional.empty());
  }

  /**
   * Yin Def. 9 with H = 2I + E (E symmetric, entries uniform in ±1/(2d), so H ≻ 0 by Gershgorin and
   * E[H] = 2I), p ~ N(p_F, I), c = 0; the population optimum is w* = −H_F⁻¹p_F = −p_F/2.
   */
  public static Problem quadratic(int samples, int d, long seed) {
    requireSizes(samples, d);
    SplittableRandom rng = new SplittableRandom(seed);
    double[] pF = new double[d];
    double[] optimum = new double[d];
    for (int k = 0; k < d; k++) {
      pF[k] = rng.nextGaussian();
      optimum[k] = -pF[k] / 2;
    }
    int cols = d * d + d;
    double[] x = new double[samples * cols];
    for (int i = 0; i < samples; i++) {
      int base = i * cols;
      for (int a = 0; a < d; a++) {
        x[base + a * d + a] = 2 + (rng.nextDouble() - 0.5) / d;
        for (int b = a + 1; b < d; b++) {
          double e = (rng.nextDouble() - 0.5) / d;
          x[base + a * d + b] = e;
          x[base + b * d + a] = e;
        }
        x[base + d * d + a] = pF[a] + rng.nextGaussian();
      }
    }
    return new Problem("quadratic loss (Yin Def. 9)", new QuadraticLoss(new Dataset(x, samples, cols,
        new double[samples]), d), Optional.of(optimum), Optional.empty());
  }

  @FunctionalInterface
  private interface FeatureSampler {
    void sample(SplittableRandom rng, double[] x, double[] wStar);
  }

  private static Problem linearModel(String name, int samples, int d, double sigma, long seed, FeatureSampler features,
      double optimumStd) {
    requireSizes(samples, d);
    Checks.nonNegative("the problem", "noise σ", sigma);
    SplittableRandom rng = new SplittableRandom(seed);
    double[] wStar = new double[d];
    for (int k = 0; k < d; k++) {
      wStar[k] = optimumStd * rng.nextGaussian();
    }
    double[] x = new double[samples * d];
    double[] y = new double[samples];
    double[] row = new double[d];
    for (int i = 0; i < samples; i++) {
      features.sample(rng, row, wStar);
      System.arraycopy(row, 0, x, i * d, d);
      double s = 0;
      for (int k = 0; k < d; k++) {
        s += row[k] * wStar[k];
      }
      y[i] = s + sigma * rng.nextGaussian();
    }
    return new Problem(name, new LeastSquares(new Dataset(x, samples, d, y)), Optional.of(wStar), Optional.empty());
  }

  /** Gram–Schmidt on a Gaussian matrix: rows of the result are an orthonormal basis. */
  private static double[][] randomOrthonormal(int d, SplittableRandom rng) {
    double[][] q = new double[d][d];
    for (int a = 0; a < d; a++) {
      for (int k = 0; k < d; k++) {
        q[a][k] = rng.nextGaussian();
      }
      for (int b = 0; b < a; b++) {
        double dot = 0;
        for (int k = 0; k < d; k++) {
          dot += q[a][k] * q[b][k];
        }
        for (int k = 0; k < d; k++) {
          q[a][k] -= dot * q[b][k];
        }
      }
      double norm = 0;
      for (int k = 0; k < d; k++) {
        norm += q[a][k] * q[a][k];
      }
      norm = Math.sqrt(norm);
      for (int k = 0; k < d; k++) {
        q[a][k] /= norm;
      }
    }
    return q;
  }

  private static void requireSizes(int samples, int d) {
    if (samples < 1 || d < 1) {
      throw new IllegalArgumentException("a problem needs at least one sample and d ≥ 1, got N = " + samples
          + ", d = " + d);
    }
  }
}
