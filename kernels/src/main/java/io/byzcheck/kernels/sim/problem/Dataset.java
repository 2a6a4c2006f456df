package io.byzcheck.kernels.sim.problem;

import java.util.Arrays;

/**
 * N samples of d features, row-major in double, with one target per sample (a real response for
 * regression, a class index 0..K−1 for classification). The unit every problem, shard and
 * mini-batch is made of (Yin §3: the N = nm samples spread over m machines).
 */
public record Dataset(double[] features, int rows, int cols, double[] targets) {
  public Dataset {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException("a data set needs at least one sample and one feature, got "
          + rows + " × " + cols);
    }
    if (features.length != (long) rows * cols) {
      throw new IllegalArgumentException("features hold " + features.length + " values, expected rows × cols = "
          + rows + " × " + cols);
    }
    if (targets.length != rows) {
      throw new IllegalArgumentException("targets hold " + targets.length + " values for " + rows + " samples");
    }
    for (int i = 0; i < features.length; i++) {
      if (!Double.isFinite(features[i])) {
        throw new IllegalArgumentException("feature " + (i % cols) + " of sample " + (i / cols) + " is " + features[i]);
      }
    }
    for (int i = 0; i < rows; i++) {
      if (!Double.isFinite(targets[i])) {
        throw new IllegalArgumentException("target of sample " + i + " is " + targets[i]);
      }
    }
  }

  /**
   * Checks that {@code indices} name at least one sample and only samples of this set.
   *
   * @throws IllegalArgumentException otherwise
   */
  public void requireSamples(int[] indices) {
    if (indices.length == 0) {
      throw new IllegalArgumentException("an empty subset has no samples");
    }
    for (int i : indices) {
      if (i < 0 || i >= rows) {
        throw new IllegalArgumentException("sample index " + i + " is outside 0.." + (rows - 1));
      }
    }
  }

  /** The samples at the given indices, copied, in that order. */
  public Dataset subset(int[] indices) {
    requireSamples(indices);
    double[] x = new double[indices.length * cols];
    double[] y = new double[indices.length];
    for (int r = 0; r < indices.length; r++) {
      int i = indices[r];
      System.arraycopy(features, i * cols, x, r * cols, cols);
      y[r] = targets[i];
    }
    return new Dataset(x, indices.length, cols, y);
  }

  /** The same features with other targets (label flipping keeps the inputs and changes the labels). */
  public Dataset withTargets(double[] newTargets) {
    return new Dataset(features, rows, cols, newTargets);
  }

  /** ⟨xᵢ, θ[offset .. offset + cols)⟩. */
  public double dot(int sample, double[] theta, int offset) {
    double s = 0;
    int base = sample * cols;
    for (int k = 0; k < cols; k++) {
      s += features[base + k] * theta[offset + k];
    }
    return s;
  }

  /** out[offset ..] += a·xᵢ. */
  public void addScaled(int sample, double a, double[] out, int offset) {
    int base = sample * cols;
    for (int k = 0; k < cols; k++) {
      out[offset + k] += a * features[base + k];
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dataset other && rows == other.rows && cols == other.cols
        && Arrays.equals(features, other.features) && Arrays.equals(targets, other.targets);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(features) + Arrays.hashCode(targets);
  }

  @Override
  public String toString() {
    return "Dataset[" + rows + " × " + cols + "]";
  }
}
