package io.byzcheck.kernels.sim.problem;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Stochastic objectives with additive, almost surely bounded gradient noise: per sample z,
 * q_z(θ) = h(θ) + ⟨z, θ⟩, so ∇q_z(θ) − ∇h(θ) = z. The samples are antipodal pairs ±z with z uniform on the
 * sphere of radius r: their mean is exactly 0, so the training objective is h itself, its optimum is known,
 * and every per-sample (and mini-batch) gradient deviates from ∇h by at most r — Alistarh et al.'s
 * Assumption 2.2 with 𝒱 = r — with E‖z‖² = r² (RESAM's Assumption 2 with σ = r).
 *
 * <p>Three shapes h: the quadratic ½‖θ − μ‖² (1-smooth, Alistarh Thm 3.2), the pseudo-Huber
 * √(ε² + ‖θ − μ‖²) (1-Lipschitz and differentiable, Thm 3.3) and the non-convex Σ_k ½θ_k² + a·cos θ_k − μ_kθ_k
 * ((1 + a)-smooth, RESAM Thm 1). Caveat: workers sample from their shard of the N samples, so conditionally on
 * the sharding a worker's gradient has a bias of order r/√(N/m); the checks use large shards.
 */
public final class AdditiveNoise {
  private AdditiveNoise() {}

  /** The deterministic part h of the loss. */
  public interface Shape {
    String name();

    double value(double[] theta);

    void gradient(double[] theta, double[] out);

    /** The global minimiser of h. */
    double[] minimiser();
  }

  /** ½‖θ − μ‖²: L = 1. */
  public static Shape quadratic(double[] mu) {
    double[] m = mu.clone();
    return new Shape() {
      public String name() {
        return "½‖θ − μ‖²";
      }

      public double value(double[] theta) {
        double s = 0;
        for (int k = 0; k < m.length; k++) {
          s += 0.5 * (theta[k] - m[k]) * (theta[k] - m[k]);
        }
        return s;
      }

      public void gradient(double[] theta, double[] out) {
        for (int k = 0; k < m.length; k++) {
          out[k] = theta[k] - m[k];
        }
      }

      public double[] minimiser() {
        return m.clone();
      }
    };
  }

  /** √(ε² + ‖θ − μ‖²): G = 1 (the gradient has norm &lt; 1), differentiable, L = 1/ε. */
  public static Shape pseudoHuber(double[] mu, double epsilon) {
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("the pseudo-Huber shape needs ε > 0, got " + epsilon);
    }
    double[] m = mu.clone();
    return new Shape() {
      public String name() {
        return "√(ε² + ‖θ − μ‖²), ε = " + epsilon;
      }

      public double value(double[] theta) {
        double s = epsilon * epsilon;
        for (int k = 0; k < m.length; k++) {
          s += (theta[k] - m[k]) * (theta[k] - m[k]);
        }
        return Math.sqrt(s);
      }

      public void gradient(double[] theta, double[] out) {
        double v = value(theta);
        for (int k = 0; k < m.length; k++) {
          out[k] = (theta[k] - m[k]) / v;
        }
      }

      public double[] minimiser() {
        return m.clone();
      }
    };
  }

  /** Σ_k ½θ_k² + a·cos θ_k − μ_kθ_k: (1 + a)-smooth, non-convex for a &gt; 1; minimised per coordinate. */
  public static Shape cosine(double[] mu, double a) {
    if (!(a >= 0) || Double.isInfinite(a)) {
      throw new IllegalArgumentException("the cosine shape needs a finite a ≥ 0, got " + a);
    }
    double[] m = mu.clone();
    double[] argmin = new double[m.length];
    for (int k = 0; k < m.length; k++) {
      argmin[k] = minimiseCosine(m[k], a);
    }
    return new Shape() {
      public String name() {
        return "Σ ½θ_k² + a·cos θ_k − μ_kθ_k, a = " + a;
      }

      public double value(double[] theta) {
        double s = 0;
        for (int k = 0; k < m.length; k++) {
          s += 0.5 * theta[k] * theta[k] + a * Math.cos(theta[k]) - m[k] * theta[k];
        }
        return s;
      }

      public void gradient(double[] theta, double[] out) {
        for (int k = 0; k < m.length; k++) {
          out[k] = theta[k] - a * Math.sin(theta[k]) - m[k];
        }
      }

      public double[] minimiser() {
        return argmin.clone();
      }
    };
  }

  /**
   * The global minimiser of ½t² + a·cos t − μt: every stationary point lies in |t| ≤ |μ| + a, so a grid of
   * spacing 10⁻³ there brackets the global one (the function is (1 + a)-smooth), and Newton polishes it.
   */
  static double minimiseCosine(double mu, double a) {
    double lim = Math.abs(mu) + a + 1;
    double best = 0;
    double bestValue = Double.POSITIVE_INFINITY;
    for (double t = -lim; t <= lim; t += 1e-3) {
      double v = 0.5 * t * t + a * Math.cos(t) - mu * t;
      if (v < bestValue) {
        bestValue = v;
        best = t;
      }
    }
    for (int i = 0; i < 50; i++) {
      double g = best - a * Math.sin(best) - mu;
      double h = 1 - a * Math.cos(best);
      if (h <= 0) {
        break;
      }
      best -= g / h;
    }
    return best;
  }

  /**
   * {@code pairs} antipodal pairs ±z, z uniform on the sphere of radius r in ℝᵈ, drawn from the seed.
   *
   * @throws IllegalArgumentException for d &lt; 1, pairs &lt; 1 or a radius that is not finite and positive
   */
  public static Problem problem(Shape shape, int d, int pairs, double radius, long seed) {
    if (d < 1 || pairs < 1) {
      throw new IllegalArgumentException("additive noise needs d ≥ 1 and at least one pair of samples, got d = " + d
          + ", pairs = " + pairs);
    }
    if (!(radius > 0) || Double.isInfinite(radius)) {
      throw new IllegalArgumentException("the noise radius r must be finite and > 0, got " + radius);
    }
    if (shape.minimiser().length != d) {
      throw new IllegalArgumentException("the shape has dimension " + shape.minimiser().length + ", not d = " + d);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[] x = new double[2 * pairs * d];
    double[] z = new double[d];
    for (int p = 0; p < pairs; p++) {
      double norm = 0;
      while (norm == 0) {
        norm = 0;
        for (int k = 0; k < d; k++) {
          z[k] = rng.nextGaussian();
          norm += z[k] * z[k];
        }
        norm = Math.sqrt(norm);
      }
      for (int k = 0; k < d; k++) {
        x[2 * p * d + k] = radius * z[k] / norm;
        x[(2 * p + 1) * d + k] = -radius * z[k] / norm;
      }
    }
    Dataset data = new Dataset(x, 2 * pairs, d, new double[2 * pairs]);
    return new Problem("additive bounded noise, r = " + radius + ", h = " + shape.name(), new Loss(data, shape),
        Optional.of(shape.minimiser()), Optional.empty());
  }

  /** (1/|S|)Σ_{z∈S} h(θ) + ⟨z, θ⟩ over the samples S. */
  record Loss(Dataset data, Shape shape) implements Objective {
    @Override
    public double loss(double[] theta) {
      requireDimension(theta);
      double s = 0;
      for (int i = 0; i < data.rows(); i++) {
        s += data.dot(i, theta, 0);
      }
      return shape.value(theta) + s / data.rows();
    }

    @Override
    public void gradient(double[] theta, double[] out) {
      requireDimension(theta);
      shape.gradient(theta, out);
      double inv = 1.0 / data.rows();
      for (int i = 0; i < data.rows(); i++) {
        data.addScaled(i, inv, out, 0);
      }
    }

    /** As {@link #gradient} over the picked samples, in their order (so bit for bit as on {@code restrict(picks)}). */
    @Override
    public void batchGradient(int[] picks, double[] theta, double[] out) {
      data.requireSamples(picks);
      requireDimension(theta);
      shape.gradient(theta, out);
      double inv = 1.0 / picks.length;
      for (int i : picks) {
        data.addScaled(i, inv, out, 0);
      }
    }

    @Override
    public void hessianVector(double[] theta, double[] v, double[] out) {
      throw new UnsupportedOperationException("the additive-noise problems are for first-order methods");
    }

    @Override
    public Objective restrict(int[] samples) {
      return new Loss(data.subset(samples), shape);
    }

    @Override
    public Objective on(Dataset other) {
      return new Loss(other, shape);
    }
  }
}
