package io.byzcheck.kernels.reference;

import io.byzcheck.kernels.rules.SmallestMaximumEigenvalueAveraging;
import io.byzcheck.kernels.rules.SymmetricEigen;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * SMEA from its definition (Allouah et al. 2023, ICML, §5), in double and in coordinates: for every subset S of n − f
 * rows, the d × d covariance Σ_S = (1/|S|)Σ_{i∈S}(xᵢ − x̄_S)(xᵢ − x̄_S)ᵀ and its largest eigenvalue (Jacobi on the
 * d × d matrix, where the fast rule solves the |S| × |S| Gram); the mean of the subset with the smallest, ties as
 * {@link SmallestMaximumEigenvalueAveraging} breaks them (rows sorted by contents, lexicographic subsets, relative
 * tolerance). Costs C(n, f)·d³: for small d.
 */
public final class SmallestMaximumEigenvalueAveragingReference implements ReferenceRule {

  @Override
  public String name() {
    return "SMEA (reference)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    int n = x.length;
    int m = n - f;
    Integer[] sorted = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(sorted, (a, b) -> {
      int c = Arrays.compare(x[a], x[b]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    List<int[]> subsets = new ArrayList<>();
    List<Double> lambdas = new ArrayList<>();
    int[] s = Subsets.first(m);
    do {
      int[] members = new int[m];
      for (int i = 0; i < m; i++) {
        members[i] = sorted[s[i]];
      }
      subsets.add(members);
      lambdas.add(largestCovarianceEigenvalue(x, members));
    } while (Subsets.next(s, n));
    double[] l = lambdas.stream().mapToDouble(Double::doubleValue).toArray();
    return Geometry.mean(x, subsets.get(SmallestMaximumEigenvalueAveraging.firstTied(l, l.length)));
  }

  /** λ_max of (1/|S|)Σ_{i∈S}(xᵢ − x̄_S)(xᵢ − x̄_S)ᵀ, built in coordinates. */
  public static double largestCovarianceEigenvalue(double[][] x, int[] members) {
    int d = x[0].length;
    double[] mu = Geometry.mean(x, members);
    double[][] cov = new double[d][d];
    for (int i : members) {
      for (int a = 0; a < d; a++) {
        double ya = x[i][a] - mu[a];
        for (int b = 0; b < d; b++) {
          cov[a][b] += ya * (x[i][b] - mu[b]) / members.length;
        }
      }
    }
    return Math.max(0, SymmetricEigen.top(cov, new double[d]));
  }
}
