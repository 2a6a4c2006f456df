package io.byzcheck.kernels.gram;

import io.byzcheck.kernels.vector.Vectorization;

/**
 * Accumulates the centred Gram matrix G_ij = Σ_k (x_ik − c_k)(x_jk − c_k) in double. Subtracting a
 * reference c near the data (the coordinate-wise median) first is what makes the distances
 * ‖xᵢ − xⱼ‖² = G_ii + G_jj − 2G_ij accurate: the naive float32 Gram trick errs by ~2 on squared
 * distances of ~2 at d = 10⁶ when all vectors are ≈ 1 (ARCHITECTURE.md).
 */
public interface GramKernel {

  /** Fills g (n × n) for the rows, centred at c (length d). */
  void gram(float[][] rows, float[] c, double[][] g);

  /** Squared norms ‖xᵢ‖² in double (no centring): for rules that use norms, e.g. CGE and clipping. */
  void squaredNorms(float[][] rows, double[] out);

  static GramKernel get() {
    return Holder.INSTANCE;
  }

  /** Lazy holder: the choice is made once, on first use. */
  final class Holder {
    static final GramKernel INSTANCE = Vectorization.select("io.byzcheck.kernels.vector.PanamaGramKernel",
        GramKernel.class, ScalarGramKernel::new);

    private Holder() {}
  }
}
