package io.byzcheck.kernels.rules;

/**
 * The largest eigenvalue of a real symmetric matrix and a unit eigenvector for it, by the cyclic Jacobi method
 * (Golub &amp; Van Loan, "Matrix Computations", 4th ed., §8.5.3): rotations annihilate each off-diagonal entry in
 * turn until the off-diagonal mass is below 2⁻¹⁰⁴ of the total (the double rounding of the entries themselves), so
 * every eigenvector is accurate to the matrix's own rounding. Deterministic: the sweep order is fixed. DnC's
 * "top right singular vector" comes from here (of the n × n Gram of the centred rows in the fast rule, of the
 * b × b scatter matrix in the reference). For the few hundred rows of a round, a sweep costs O(n³) and about ten
 * sweeps suffice.
 */
public final class SymmetricEigen {
  private static final int MAX_SWEEPS = 100;

  private SymmetricEigen() {}

  /**
   * λ_max of the symmetric {@code a} (read only; its upper triangle is used) and, in {@code vector} (length n), a
   * unit eigenvector of it, its largest-magnitude component positive. With a repeated largest eigenvalue the
   * eigenvector is one of its eigenspace's, the one the fixed rotation order ends on.
   */
  public static double top(double[][] a, double[] vector) {
    int n = a.length;
    double[][] m = new double[n][n];
    double[][] v = new double[n][n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] = i <= j ? a[i][j] : a[j][i];
        total += m[i][j] * m[i][j];
      }
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = 0;
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          off += m[p][q] * m[p][q];
        }
      }
      if (!(off > 0x1p-104 * total)) {
        break;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          if (m[p][q] != 0) {
            rotate(m, v, p, q);
          }
        }
      }
    }
    int best = 0;
    for (int i = 1; i < n; i++) {
      if (m[i][i] > m[best][best]) {
        best = i;
      }
    }
    int big = 0;
    for (int i = 0; i < n; i++) {
      vector[i] = v[i][best];
      if (Math.abs(vector[i]) > Math.abs(vector[big])) {
        big = i;
      }
    }
    if (vector[big] < 0) {
      for (int i = 0; i < n; i++) {
        vector[i] = -vector[i];
      }
    }
    return m[best][best];
  }

  /** One Jacobi rotation zeroing m[p][q] (Golub &amp; Van Loan Alg. 8.5.1, the stable choice of t). */
  private static void rotate(double[][] m, double[][] v, int p, int q) {
    int n = m.length;
    double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    if (theta == 0) {
      t = 1;
    } else if (Double.isInfinite(theta * theta)) {
      t = 1 / (2 * theta);
    }
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    for (int k = 0; k < n; k++) {
      double mkp = m[k][p];
      double mkq = m[k][q];
      m[k][p] = c * mkp - s * mkq;
      m[k][q] = s * mkp + c * mkq;
    }
    for (int k = 0; k < n; k++) {
      double mpk = m[p][k];
      double mqk = m[q][k];
      m[p][k] = c * mpk - s * mqk;
      m[q][k] = s * mpk + c * mqk;
    }
    for (int k = 0; k < n; k++) {
      double vkp = v[k][p];
      double vkq = v[k][q];
      v[k][p] = c * vkp - s * vkq;
      v[k][q] = s * vkp + c * vkq;
    }
  }
}
