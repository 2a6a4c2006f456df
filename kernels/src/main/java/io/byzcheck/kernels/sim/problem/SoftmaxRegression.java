package io.byzcheck.kernels.sim.problem;

import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.sim.Vectors;

/**
 * Multiclass (softmax) logistic regression with K classes and ℓ₂ regularisation (Yin §7, Table 2):
 * θ holds K weight rows of d features, f(x, θ) = log Σ_c e^{⟨θ_c, x⟩} − ⟨θ_y, x⟩ + (ℓ₂/2)‖θ‖².
 */
public record SoftmaxRegression(Dataset data, int classes, double l2) implements Objective {
  public SoftmaxRegression {
    if (classes < 2) {
      throw new IllegalArgumentException("softmax regression needs at least 2 classes, got " + classes);
    }
    Checks.nonNegative("softmax regression", "the ℓ₂ weight", l2);
    for (double y : data.targets()) {
      if (y != Math.rint(y) || y < 0 || y >= classes) {
        throw new IllegalArgumentException("labels must be class indices 0.." + (classes - 1) + ", got " + y);
      }
    }
  }

  @Override
  public int dimension() {
    return classes * data.cols();
  }

  /** Class probabilities of sample i into p (length K); returns log Σ e^{z_c}. */
  private double probabilities(int i, double[] theta, double[] p) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < classes; c++) {
      p[c] = data.dot(i, theta, c * data.cols());
      max = Math.max(max, p[c]);
    }
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      p[c] = Math.exp(p[c] - max);
      sum += p[c];
    }
    for (int c = 0; c < classes; c++) {
      p[c] /= sum;
    }
    return max + Math.log(sum);
  }

  @Override
  public double loss(double[] theta) {
    requireDimension(theta);
    double[] p = new double[classes];
    double s = 0;
    for (int i = 0; i < data.rows(); i++) {
      int y = (int) data.targets()[i];
      s += probabilities(i, theta, p) - data.dot(i, theta, y * data.cols());
    }
    return s / data.rows() + 0.5 * l2 * Vectors.dot(theta, theta);
  }

  @Override
  public void gradient(double[] theta, double[] out) {
    requireDimension(theta);
    java.util.Arrays.fill(out, 0);
    double[] p = new double[classes];
    double inv = 1.0 / data.rows();
    for (int i = 0; i < data.rows(); i++) {
      probabilities(i, theta, p);
      p[(int) data.targets()[i]] -= 1;
      for (int c = 0; c < classes; c++) {
        data.addScaled(i, p[c] * inv, out, c * data.cols());
      }
    }
    Vectors.axpy(l2, theta, out);
  }

  @Override
  public void hessianVector(double[] theta, double[] v, double[] out) {
    requireDimension(theta);
    java.util.Arrays.fill(out, 0);
    double[] p = new double[classes];
    double[] u = new double[classes];
    double inv = 1.0 / data.rows();
    for (int i = 0; i < data.rows(); i++) {
      probabilities(i, theta, p);
      // The softmax Hessian block is (diag(p) − ppᵀ) ⊗ xxᵀ: with u_c = ⟨v_c, x⟩, (H v)_c = (p_c u_c − p_c Σ p_k u_k)·x.
      double pu = 0;
      for (int c = 0; c < classes; c++) {
        u[c] = data.dot(i, v, c * data.cols());
        pu += p[c] * u[c];
      }
      for (int c = 0; c < classes; c++) {
        data.addScaled(i, p[c] * (u[c] - pu) * inv, out, c * data.cols());
      }
    }
    Vectors.axpy(l2, v, out);
  }

  /**
   * The Hessian at θ for many products: the class probabilities are computed once, and each product visits only the
   * non-zero features (about a fifth of MNIST's pixels), held as compressed rows built here. The diagonal,
   * (1/N)Σ_i p_ic(1 − p_ic)x_ik² + ℓ₂, preconditions CG. Same products as {@link #hessianVector} up to rounding
   * ({@code ObjectiveDerivativesTest} compares them).
   */
  @Override
  public HessianOperator hessianAt(double[] theta) {
    requireDimension(theta);
    int n = data.rows();
    int cols = data.cols();
    double[] x = data.features();
    int nonZero = 0;
    for (double v : x) {
      nonZero += v != 0 ? 1 : 0;
    }
    int[] start = new int[n + 1];
    int[] index = new int[nonZero];
    double[] value = new double[nonZero];
    double[] prob = new double[n * classes];
    double[] p = new double[classes];
    double[] diag = new double[dimension()];
    double inv = 1.0 / n;
    for (int i = 0, at = 0; i < n; i++) {
      start[i] = at;
      for (int k = 0; k < cols; k++) {
        double v = x[i * cols + k];
        if (v != 0) {
          index[at] = k;
          value[at++] = v;
        }
      }
      probabilities(i, theta, p);
      System.arraycopy(p, 0, prob, i * classes, classes);
      for (int c = 0; c < classes; c++) {
        double w = p[c] * (1 - p[c]) * inv;
        for (int e = start[i]; e < at; e++) {
          diag[c * cols + index[e]] += w * value[e] * value[e];
        }
      }
      start[i + 1] = at;
    }
    for (int j = 0; j < diag.length; j++) {
      diag[j] += l2;
    }
    return new HessianOperator() {
      private final double[] u = new double[classes];

      @Override
      public void apply(double[] v, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < n; i++) {
          double pu = 0;
          for (int c = 0; c < classes; c++) {
            double s = 0;
            int off = c * cols;
            for (int e = start[i]; e < start[i + 1]; e++) {
              s += value[e] * v[off + index[e]];
            }
            u[c] = s;
            pu += prob[i * classes + c] * s;
          }
          for (int c = 0; c < classes; c++) {
            double a = prob[i * classes + c] * (u[c] - pu) * inv;
            int off = c * cols;
            for (int e = start[i]; e < start[i + 1]; e++) {
              out[off + index[e]] += a * value[e];
            }
          }
        }
        Vectors.axpy(l2, v, out);
      }

      @Override
      public double[] diagonal() {
        return diag.clone();
      }
    };
  }

  /** Fraction of samples of {@code test} whose arg-max class equals the label. */
  public double accuracy(double[] theta, Dataset test) {
    requireDimension(theta);
    int correct = 0;
    for (int i = 0; i < test.rows(); i++) {
      int best = 0;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        double z = test.dot(i, theta, c * test.cols());
        if (z > bestScore) {
          bestScore = z;
          best = c;
        }
      }
      correct += best == (int) test.targets()[i] ? 1 : 0;
    }
    return (double) correct / test.rows();
  }

  @Override
  public Objective restrict(int[] samples) {
    return new SoftmaxRegression(data.subset(samples), classes, l2);
  }

  @Override
  public Objective on(Dataset other) {
    return new SoftmaxRegression(other, classes, l2);
  }
}
