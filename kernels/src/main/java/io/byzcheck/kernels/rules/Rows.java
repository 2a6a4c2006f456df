package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.WorkerVectors;

/** The live row arrays of a container, for kernels that take {@code float[][]}. */
final class Rows {
  private Rows() {}

  static float[][] of(WorkerVectors x) {
    float[][] rows = new float[x.n()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = x.row(i);
    }
    return rows;
  }
}
