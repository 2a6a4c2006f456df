package io.byzcheck.kernels.sim.problem;

import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.sim.Vectors;

/**
 * Binary logistic regression with labels y ∈ {0, 1} and ℓ₂ regularisation:
 * f(x, θ) = log(1 + e^{xᵀθ}) − y·xᵀθ + (ℓ₂/2)‖θ‖² (Cao &amp; Lai §V-B, MNIST 3 vs 5).
 */
public record LogisticRegression(Dataset data, double l2) implements Objective {
  public LogisticRegression {
    Checks.nonNegative("logistic regression", "the ℓ₂ weight", l2);
    for (double y : data.targets()) {
      if (y != 0 && y != 1) {
        throw new IllegalArgumentException("binary logistic regression needs labels 0 or 1, got " + y);
      }
    }
  }

  @Override
  public double loss(double[] theta) {
    requireDimension(theta);
    double s = 0;
    for (int i = 0; i < data.rows(); i++) {
      double z = data.dot(i, theta, 0);
      // log(1 + e^z) computed without overflow for large |z|
      s += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - data.targets()[i] * z;
    }
    return s / data.rows() + 0.5 * l2 * Vectors.dot(theta, theta);
  }

  @Override
  public void gradient(double[] theta, double[] out) {
    requireDimension(theta);
    java.util.Arrays.fill(out, 0);
    double inv = 1.0 / data.rows();
    for (int i = 0; i < data.rows(); i++) {
      data.addScaled(i, (sigmoid(data.dot(i, theta, 0)) - data.targets()[i]) * inv, out, 0);
    }
    Vectors.axpy(l2, theta, out);
  }

  @Override
  public void hessianVector(double[] theta, double[] v, double[] out) {
    requireDimension(theta);
    java.util.Arrays.fill(out, 0);
    double inv = 1.0 / data.rows();
    for (int i = 0; i < data.rows(); i++) {
      double p = sigmoid(data.dot(i, theta, 0));
      data.addScaled(i, p * (1 - p) * data.dot(i, v, 0) * inv, out, 0);
    }
    Vectors.axpy(l2, v, out);
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  @Override
  public Objective restrict(int[] samples) {
    return new LogisticRegression(data.subset(samples), l2);
  }

  @Override
  public Objective on(Dataset other) {
    return new LogisticRegression(other, l2);
  }
}
