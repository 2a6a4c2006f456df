package io.byzcheck.kernels.gram;

import io.byzcheck.kernels.vector.CoordinateKernels;

/**
 * The distance geometry of one round, computed once: the Gram matrix of the rows centred at their
 * coordinate-wise median, in double. Everything the distance-based rules need follows in O(n²):
 * squared distances, and distances from any affine combination z = Σβᵢxᵢ (Σβᵢ = 1) to every xᵢ, so
 * Weiszfeld and centred-clipping iterations run in coefficient space without touching the d
 * coordinates again.
 */
public final class CentredGram {
  private final double[][] g;
  private final int n;

  private CentredGram(double[][] g) {
    this.g = g;
    this.n = g.length;
  }

  /**
   * Gram of finite rows (NaN/±∞ must have been screened out), centred at a coordinate-wise median. The
   * centre only has to lie near the bulk of the data for the distances to keep their precision (the
   * algebra is exact for any centre), so beyond 32 workers the median of 32 evenly spaced rows serves.
   */
  public static CentredGram of(float[][] rows) {
    float[] centre = centreBuffer(rows[0].length);
    CoordinateKernels.get().median(sample(rows, 32), centre);
    double[][] g = new double[rows.length][rows.length];
    GramKernel.get().gram(rows, centre, g);
    return new CentredGram(g);
  }

  /** One centre buffer per thread, reused while d stays the same: d floats are not allocated per round. */
  private static final ThreadLocal<float[]> CENTRE = new ThreadLocal<>();

  private static float[] centreBuffer(int d) {
    float[] c = CENTRE.get();
    if (c == null || c.length != d) {
      c = new float[d];
      CENTRE.set(c);
    }
    return c;
  }

  private static float[][] sample(float[][] rows, int max) {
    if (rows.length <= max) {
      return rows;
    }
    float[][] s = new float[max][];
    for (int i = 0; i < max; i++) {
      s[i] = rows[(int) ((long) i * rows.length / max)];
    }
    return s;
  }

  /** From an explicit (already centred) Gram matrix; for references and tests. */
  public static CentredGram ofMatrix(double[][] g) {
    return new CentredGram(g);
  }

  public int n() {
    return n;
  }

  /** ‖xᵢ − xⱼ‖², clamped at 0 against rounding. */
  public double squaredDistance(int i, int j) {
    return i == j ? 0 : Math.max(0, g[i][i] + g[j][j] - 2 * g[i][j]);
  }

  /** The n × n matrix of squared distances. */
  public double[][] squaredDistances() {
    double[][] d2 = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        d2[i][j] = squaredDistance(i, j);
      }
    }
    return d2;
  }

  /** Gβ, for {@link #squaredDistanceTo}. */
  public double[] times(double[] beta) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += g[i][j] * beta[j];
      }
      out[i] = s;
    }
    return out;
  }

  /** βᵀGβ. */
  public double quadratic(double[] beta) {
    double[] gb = times(beta);
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += beta[i] * gb[i];
    }
    return s;
  }

  /**
   * ‖z − xᵢ‖² for z = Σβⱼxⱼ with Σβⱼ = 1: βᵀGβ − 2(Gβ)ᵢ + Gᵢᵢ (the centring cancels because the
   * coefficients of z − xᵢ sum to 0), clamped at 0.
   */
  public double squaredDistanceTo(double quadratic, double[] gBeta, int i) {
    return Math.max(0, quadratic - 2 * gBeta[i] + g[i][i]);
  }
}
