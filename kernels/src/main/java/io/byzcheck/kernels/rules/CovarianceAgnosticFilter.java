package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.internal.vectorization.CentredGram;

/**
 * CAF, the covariance-bound agnostic filter (Allouah, Guerraoui &amp; Stephan 2025, ICML, "Towards Trustworthy
 * Federated Learning with Untrusted Participants", the robust aggregation of CafCor; ByzFL's {@code CAF(f)}), f &lt; n/2:
 * <ol>
 *   <li>weights cᵢ = 1; while Σcᵢ &gt; n − 2f:</li>
 *   <li>μ_c = Σcᵢxᵢ/Σcᵢ and Σ_c = Σcᵢ(xᵢ − μ_c)(xᵢ − μ_c)ᵀ/Σcᵢ, with its largest eigenvalue λ and unit eigenvector v;
 *       μ_c is a candidate with score λ;</li>
 *   <li>τᵢ = ((xᵢ − μ_c)ᵀv)², and cᵢ ← cᵢ(1 − τᵢ/τ_max);</li>
 * </ol>
 * output the candidate with the smallest λ (the first of equal ones). With f = 0 the loop never runs and the output
 * is the mean, μ_c at c = 1 (ByzFL returns nothing there).
 *
 * <p>Where it differs from ByzFL's code, and why: λ and v are exact ({@link SymmetricEigen}), not one power-method
 * step from a random vector; τ_max is the largest τ over the workers still weighted (cᵢ &gt; 0), so each round zeroes
 * at least one of them and the loop ends within n rounds (over all workers, as the code has it, a worker already at
 * weight 0 can hold the largest τ and the loop then only shrinks the others); when λ = 0 (every weighted vector
 * equal) μ_c is exact and the loop stops. The filter runs in coefficient space: with W = diag(c) and H the Gram of the
 * xᵢ − μ_c (from the double Gram of all n workers, one pass over the data with its non-finite check), Σ_c's non-zero
 * spectrum is that of the n × n matrix W^½HW^½/Σc, v = YᵀW^½u/√(Σc·λ), and τᵢ = ((HW^½u)ᵢ)²/(Σc·λ); the d coordinates
 * are read again only to write the chosen μ_c.
 */
public final class CovarianceAgnosticFilter extends GramRule {
  static final String WHO = "CAF (Allouah et al. 2025)";

  public CovarianceAgnosticFilter() {
    super(false);
  }

  @Override
  public String name() {
    return "CAF";
  }

  @Override
  protected void checkConstraints(int n, int f) {
    Checks.minorityByzantine(WHO, n, f);
  }

  @Override
  void run(Workspace w, int f, float[] out) {
    try {
      Combination.write(w.rows, filter(w.gram, f), out);
    } finally {
      w.release();
    }
  }

  /** The chosen candidate's coefficients β = c/Σc on the Gram's rows. */
  static double[] filter(CentredGram g, int f) {
    int n = g.n();
    double[] c = new double[n];
    java.util.Arrays.fill(c, 1);
    double total = n;
    double[] best = new double[n];
    java.util.Arrays.fill(best, 1.0 / n);
    double bestLambda = Double.POSITIVE_INFINITY;
    double[] beta = new double[n];
    double[][] m = new double[n][n];
    double[] h = new double[n];
    for (int round = 0; total > n - 2 * f && round < n; round++) {
      for (int i = 0; i < n; i++) {
        beta[i] = c[i] / total;
      }
      double[] gb = g.times(beta);
      double q = 0;
      for (int i = 0; i < n; i++) {
        q += beta[i] * gb[i];
      }
      // H_ij = ⟨xᵢ − μ, xⱼ − μ⟩ = G_ij − (Gβ)ᵢ − (Gβ)ⱼ + βᵀGβ; M = W^½HW^½/Σc.
      for (int i = 0; i < n; i++) {
        double[] gi = g.row(i);
        for (int j = 0; j < n; j++) {
          m[i][j] = Math.sqrt(c[i] * c[j]) * (gi[j] - gb[i] - gb[j] + q) / total;
        }
      }
      double[] u = new double[n];
      double lambda = Math.max(0, SymmetricEigen.top(m, u));
      if (lambda < bestLambda) {
        bestLambda = lambda;
        System.arraycopy(beta, 0, best, 0, n);
      }
      if (lambda == 0) {
        break;
      }
      // (HW^½u)ᵢ, so τᵢ = hᵢ²/(Σc·λ).
      for (int i = 0; i < n; i++) {
        double[] gi = g.row(i);
        double s = 0;
        for (int j = 0; j < n; j++) {
          s += (gi[j] - gb[i] - gb[j] + q) * Math.sqrt(c[j]) * u[j];
        }
        h[i] = s * s / (total * lambda);
      }
      total = downweight(c, h);
      if (total < 0) {
        break;
      }
    }
    return best;
  }

  /**
   * The filter's weight update cᵢ ← cᵢ(1 − τᵢ/τ_max), τ_max over the workers still weighted (zero weights stay zero);
   * returns the new Σc, or −1 (c unchanged) when every weighted τ is 0.
   */
  public static double downweight(double[] c, double[] tau) {
    double tauMax = 0;
    for (int i = 0; i < c.length; i++) {
      if (c[i] > 0) {
        tauMax = Math.max(tauMax, tau[i]);
      }
    }
    if (!(tauMax > 0)) {
      return -1;
    }
    double total = 0;
    for (int i = 0; i < c.length; i++) {
      c[i] = c[i] > 0 ? Math.max(0, c[i] * (1 - tau[i] / tauMax)) : 0;
      total += c[i];
    }
    return total;
  }
}
