package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.WorkerVectors;

/** The live row arrays of a container, for kernels that take {@code float[][]}. */
final class Rows {
  private Rows() {}

  /**
   * The container's own row array, not a copy: for kernels that only read it (the coordinate-wise
   * kernels), so that a call allocates nothing.
   */
  static float[][] readOnly(WorkerVectors x) {
    return x.liveRows();
  }

  static float[][] of(WorkerVectors x) {
    float[][] rows = new float[x.n()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = x.row(i);
    }
    return rows;
  }
}
