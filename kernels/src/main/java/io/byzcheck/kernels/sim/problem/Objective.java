package io.byzcheck.kernels.sim.problem;

/**
 * An empirical risk f̄(θ) = (1/|S|)·Σ_{i∈S} f(xᵢ, θ) over one set of samples S (Cao &amp; Lai eq. (4);
 * Yin's F_i), with the derivatives the papers' algorithms ask a worker for. Implementations are
 * stateless apart from their data, so one instance may serve several threads.
 */
public interface Objective {

  /** Dimension of θ: one weight per feature unless the model says otherwise (softmax, quadratic). */
  default int dimension() {
    return data().cols();
  }

  /** Number of samples |S|. */
  default int samples() {
    return data().rows();
  }

  /** f̄(θ). */
  double loss(double[] theta);

  /** ∇f̄(θ) into {@code out}. */
  void gradient(double[] theta, double[] out);

  /** ∇²f̄(θ)·v into {@code out} (a Hessian-vector product; no d×d matrix is formed). */
  void hessianVector(double[] theta, double[] v, double[] out);

  /**
   * ∇²f̄(θ) as an operator for many products at one θ (the conjugate-gradient steps of one Newton step). The default
   * calls {@link #hessianVector}; an objective may precompute what every product at θ shares (the softmax
   * probabilities) and offer its diagonal for preconditioning. The operator is for one thread.
   */
  default HessianOperator hessianAt(double[] theta) {
    requireDimension(theta);
    double[] at = theta.clone();
    return (v, out) -> hessianVector(at, v, out);
  }

  /** v ↦ ∇²f̄(θ)·v at a fixed θ. */
  @FunctionalInterface
  interface HessianOperator {
    void apply(double[] v, double[] out);

    /** diag ∇²f̄(θ) for a Jacobi preconditioner, or null when the objective does not offer it. */
    default double[] diagonal() {
      return null;
    }
  }

  /** The same loss over the given subset of this objective's samples (a shard, a mini-batch, S₀). */
  Objective restrict(int[] samples);

  /**
   * ∇ of the loss over the samples at {@code picks} (repeats counted) into {@code out}: a mini-batch gradient, equal
   * to {@code restrict(picks).gradient(theta, out)}. An objective may compute it without copying the batch, since a
   * mini-batch of one or a few samples is where the simulator's first-order methods spend their time.
   */
  default void batchGradient(int[] picks, double[] theta, double[] out) {
    restrict(picks).gradient(theta, out);
  }

  /** A copy whose samples are {@code data} (label flipping builds a poisoned shard this way). */
  Objective on(Dataset data);

  /** The samples behind this objective. */
  Dataset data();

  /** Checks θ's length, so that every objective reports the mistake the same way. */
  default void requireDimension(double[] theta) {
    if (theta.length != dimension()) {
      throw new IllegalArgumentException("θ has length " + theta.length + " but the problem has d = " + dimension());
    }
  }
}
