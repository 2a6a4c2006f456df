package io.byzcheck.properties.statistical;

import io.byzcheck.kernels.sim.problem.AdditiveNoise;
import io.byzcheck.kernels.sim.problem.Dataset;
import io.byzcheck.kernels.sim.problem.Objective;
import io.byzcheck.kernels.sim.problem.Problem;

/**
 * {@link AdditiveNoise}'s loss h(θ) + ⟨z̄_S, θ⟩ over a sample set S with the noise mean z̄_S computed once: the
 * gradient's noise part ∇q_z − ∇h = z does not depend on θ, so a shard's gradient is ∇h(θ) + z̄_S in O(d) instead
 * of O(|S|·d) per call. Yin's Theorems 2, 3, 5 and 6 run for T = L_F‖w⁰ − w*‖/Δ or 2L_F(F(w⁰) − F*)/Δ² rounds
 * (hundreds at large n), which this makes affordable. The exact objective stays the reference
 * ({@code AdditiveNoiseShardTest} compares the two); z̄_S is the exact objective's gradient minus ∇h at θ = 0.
 */
record AdditiveNoiseShard(Objective exact, AdditiveNoise.Shape shape, double[] noiseMean) implements Objective {

  static AdditiveNoiseShard of(Objective exact, AdditiveNoise.Shape shape) {
    int d = exact.dimension();
    double[] zero = new double[d];
    double[] g = new double[d];
    double[] h = new double[d];
    exact.gradient(zero, g);
    shape.gradient(zero, h);
    for (int k = 0; k < d; k++) {
      g[k] -= h[k];
    }
    return new AdditiveNoiseShard(exact, shape, g);
  }

  /** The problem with its objective (and so every shard the cluster cuts from it) replaced by this one. */
  static Problem problem(AdditiveNoise.Shape shape, int pairs, double radius, long seed) {
    int d = shape.minimiser().length;
    Problem p = AdditiveNoise.problem(shape, d, pairs, radius, seed);
    return new Problem(p.name(), of(p.objective(), shape), p.optimum(), p.test());
  }

  @Override
  public int dimension() {
    return exact.dimension();
  }

  @Override
  public double loss(double[] theta) {
    requireDimension(theta);
    double s = shape.value(theta);
    for (int k = 0; k < theta.length; k++) {
      s += noiseMean[k] * theta[k];
    }
    return s;
  }

  @Override
  public void gradient(double[] theta, double[] out) {
    requireDimension(theta);
    shape.gradient(theta, out);
    for (int k = 0; k < out.length; k++) {
      out[k] += noiseMean[k];
    }
  }

  @Override
  public void hessianVector(double[] theta, double[] v, double[] out) {
    exact.hessianVector(theta, v, out);
  }

  @Override
  public Objective restrict(int[] samples) {
    return of(exact.restrict(samples), shape);
  }

  @Override
  public Objective on(Dataset other) {
    return of(exact.on(other), shape);
  }

  @Override
  public Dataset data() {
    return exact.data();
  }
}
