package io.byzcheck.kernels.reference;

import io.byzcheck.kernels.rules.CovarianceAgnosticFilter;
import io.byzcheck.kernels.rules.SymmetricEigen;

/**
 * CAF from its definition (Allouah, Guerraoui &amp; Stephan 2025, ICML), in double and in coordinates: the weighted
 * mean and the d × d weighted covariance built directly, its top eigenpair by Jacobi on that d × d matrix (the fast
 * rule solves an n × n one in coefficient space), τᵢ as squared projections on the eigenvector, the same weight update,
 * stopping rule and choice as {@link CovarianceAgnosticFilter} (its {@link CovarianceAgnosticFilter#downweight}: τ_max
 * over workers still weighted; stop at λ = 0; the first smallest λ). Costs d³ per round: for small d.
 */
public final class CovarianceAgnosticFilterReference implements ReferenceRule {

  @Override
  public String name() {
    return "CAF (reference)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    int n = x.length;
    int d = x[0].length;
    double[] c = new double[n];
    java.util.Arrays.fill(c, 1);
    double total = n;
    double[] best = WeightedReference.mean(x, c);
    double bestLambda = Double.POSITIVE_INFINITY;
    for (int round = 0; total > n - 2 * f && round < n; round++) {
      double[] mu = WeightedReference.mean(x, c);
      double[][] cov = new double[d][d];
      for (int i = 0; i < n; i++) {
        for (int a = 0; a < d; a++) {
          for (int b = 0; b < d; b++) {
            cov[a][b] += c[i] * (x[i][a] - mu[a]) * (x[i][b] - mu[b]) / total;
          }
        }
      }
      double[] v = new double[d];
      double lambda = Math.max(0, SymmetricEigen.top(cov, v));
      if (lambda < bestLambda) {
        bestLambda = lambda;
        best = mu;
      }
      if (lambda == 0) {
        break;
      }
      double[] tau = new double[n];
      for (int i = 0; i < n; i++) {
        double p = 0;
        for (int a = 0; a < d; a++) {
          p += (x[i][a] - mu[a]) * v[a];
        }
        tau[i] = p * p;
      }
      total = CovarianceAgnosticFilter.downweight(c, tau);
      if (total < 0) {
        break;
      }
    }
    return best;
  }
}
