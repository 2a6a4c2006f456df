package io.byzcheck.kernels.reference;

import io.byzcheck.kernels.rules.DivideAndConquer;
import io.byzcheck.kernels.rules.KrumScores;
import io.byzcheck.kernels.rules.RoundSeed;
import io.byzcheck.kernels.rules.SymmetricEigen;
import java.util.Arrays;

/**
 * DnC from Shejwalkar &amp; Houmansadr 2021 (NDSS, Alg. 2) in double, as the paper writes it: for each of niters
 * coordinate subsets (drawn as {@link DivideAndConquer} draws them), the sub-vectors centred at their mean, the top
 * right singular vector v of the centred n × b matrix ({@link #topRightSingularVector}), the scores ⟨∇ᶜᵢ, v⟩²
 * computed from the coordinates, the n − ⌊c·f⌋ smallest kept and intersected; the mean of the good workers.
 */
public final class DivideAndConquerReference implements ReferenceRule {
  private final DivideAndConquer rule;

  public DivideAndConquerReference(DivideAndConquer rule) {
    this.rule = rule;
  }

  @Override
  public String name() {
    return "DnC (reference)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    return run(x, f, null);
  }

  /**
   * The outlier scores of every iteration (one row per iteration), as {@link #aggregateExact} computes them: for
   * the corpus's near-tie test (a kept and a removed score within 10⁻⁶ make either choice valid).
   */
  public double[][] scores(double[][] x, int f) {
    int runs = rule.subsample() >= x[0].length ? 1 : rule.iterations();
    double[][] all = new double[runs][];
    run(x, f, all);
    return all;
  }

  private double[] run(double[][] x, int f, double[][] keepScores) {
    int n = x.length;
    int d = x[0].length;
    long round = RoundSeed.of(rule.seed(), x);
    boolean[] good = new boolean[n];
    Arrays.fill(good, true);
    int runs = rule.subsample() >= d ? 1 : rule.iterations();
    for (int it = 0; it < runs; it++) {
      int[] r = DivideAndConquer.coordinates(round, it, d, rule.subsample());
      int b = r.length;
      double[] mu = new double[b];
      for (double[] row : x) {
        for (int t = 0; t < b; t++) {
          mu[t] += row[r[t]] / n;
        }
      }
      double[][] centred = new double[n][b];
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < b; t++) {
          centred[i][t] = x[i][r[t]] - mu[t];
        }
      }
      double[] v = topRightSingularVector(centred);
      double[] scores = new double[n];
      for (int i = 0; i < n; i++) {
        double p = 0;
        for (int t = 0; t < b; t++) {
          p += centred[i][t] * v[t];
        }
        scores[i] = p * p;
      }
      if (keepScores != null) {
        keepScores[it] = scores;
      }
      DivideAndConquer.keepSmallest(scores, n - DivideAndConquer.removed(rule.filteringFraction(), f),
          KrumScores.byContents(x), good);
    }
    int count = 0;
    for (boolean g : good) {
      count += g ? 1 : 0;
    }
    int[] which = new int[count];
    for (int i = 0, t = 0; i < n; i++) {
      if (good[i]) {
        which[t++] = i;
      }
    }
    return Geometry.mean(x, which);
  }

  /**
   * The top right singular vector of the n × b matrix a, from the smaller of its two Gram matrices, each formed
   * directly in double: for b ≤ n the top eigenvector of the b × b scatter matrix aᵀa; else v = aᵀu/‖aᵀu‖ for the
   * top eigenvector u of the n × n matrix aaᵀ (a zero matrix gives v = 0: every score 0).
   */
  static double[] topRightSingularVector(double[][] a) {
    int n = a.length;
    int b = a[0].length;
    if (b <= n) {
      double[][] scatter = new double[b][b];
      for (double[] row : a) {
        for (int p = 0; p < b; p++) {
          for (int q = 0; q < b; q++) {
            scatter[p][q] += row[p] * row[q];
          }
        }
      }
      double[] v = new double[b];
      SymmetricEigen.top(scatter, v);
      return v;
    }
    double[][] gram = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int t = 0; t < b; t++) {
          s += a[i][t] * a[j][t];
        }
        gram[i][j] = s;
      }
    }
    double[] u = new double[n];
    SymmetricEigen.top(gram, u);
    double[] v = new double[b];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < b; t++) {
        v[t] += a[i][t] * u[i];
      }
    }
    double norm = Geometry.norm(v);
    if (norm > 0) {
      for (int t = 0; t < b; t++) {
        v[t] /= norm;
      }
    }
    return v;
  }
}
