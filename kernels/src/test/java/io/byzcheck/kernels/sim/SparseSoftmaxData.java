package io.byzcheck.kernels.sim;

import io.byzcheck.kernels.sim.problem.Dataset;
import io.byzcheck.kernels.sim.problem.SoftmaxRegression;
import java.util.SplittableRandom;

/** A softmax problem with sparse rows as MNIST's pixels: a third of the features 0, the first column always 0. */
final class SparseSoftmaxData {
  private SparseSoftmaxData() {}

  static SoftmaxRegression problem(SplittableRandom rng, int n, int d, int classes, double l2) {
    double[] x = new double[n * d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      for (int k = 1; k < d; k++) {
        x[i * d + k] = rng.nextInt(3) == 0 ? 0 : rng.nextDouble();
      }
      y[i] = rng.nextInt(classes);
    }
    return new SoftmaxRegression(new Dataset(x, n, d, y), classes, l2);
  }
}
