package io.byzcheck.theory.caolai;

import io.byzcheck.theory.VectorMath;
import io.byzcheck.theory.Citation;

/**
 * GIANT as restated by Cao &amp; Lai 2020, Algorithm 1 (CAO-ALG1): the server averages the workers' gradients,
 * ∇f̄ = (1/m)Σ_j ∇f̄⁽ʲ⁾ (5), broadcasts it, and updates θ_t = θ_{t−1} − η·(1/m)Σ_j H_j⁻¹∇f̄ (Algorithm 1,
 * step 6; (7) is the case η = 1). Both aggregations are plain means, which one Byzantine worker can move
 * arbitrarily far.
 */
public final class Giant {
  public static final Citation CITATION = new Citation("CAO-ALG1", "CAO", "§II, Algorithm 1; (5), (7)");

  private Giant() {}

  /** (5) and the Newton-direction average of (7): the coordinate-wise mean of the received vectors. */
  public static double[] aggregate(double[][] received) {
    return VectorMath.mean(received);
  }

  /** Step 6: θ_{t−1} − η·mean(directions). */
  public static double[] update(double[] theta, double eta, double[][] newtonDirections) {
    return VectorMath.step(theta, eta, aggregate(newtonDirections), "GIANT");
  }
}
