package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * Norm clipping pre-aggregations: xᵢ ↦ xᵢ·min{1, c/‖xᵢ‖}.
 * <ul>
 *   <li>{@link #fixed(double)}: static clipping at a given c &gt; 0;</li>
 *   <li>{@link #adaptive()}: adaptive robust clipping, ARC (Allouah et al. 2024): with
 *       k = ⌊2(f/n)(n − f)⌋, the k largest-norm inputs are clipped to the (k+1)-th largest norm.</li>
 * </ul>
 * Norms are accumulated in double, so huge finite inputs do not overflow.
 */
public final class NormClipping implements PreAggregation {
  private final double c; // NaN: adaptive

  private NormClipping(double c) {
    this.c = c;
  }

  public static NormClipping fixed(double c) {
    Checks.positive("static clipping", "c", c);
    return new NormClipping(c);
  }

  public static NormClipping adaptive() {
    return new NormClipping(Double.NaN);
  }

  @Override
  public String name() {
    return Double.isNaN(c) ? "ARC" : "Clip(c=" + c + ")";
  }

  /**
   * ARC's number of clipped inputs, k = ⌊2(f/n)(n − f)⌋, in exact integer arithmetic: in floating point
   * 2f(n − f)/n lands just below an integer it equals exactly (n = 242, f = 33 gave 56, not 57).
   */
  public static int arcClipped(int n, int f) {
    return (int) (2L * f * (n - f) / n);
  }

  @Override
  public WorkerVectors apply(WorkerVectors finite, int f) {
    int n = finite.n();
    float[][] rows = Rows.of(finite);
    double[] sq = new double[n];
    VectorizationProvider.getInstance().gramKernel().squaredNorms(rows, sq);
    double[] norms = new double[n];
    for (int i = 0; i < n; i++) {
      norms[i] = Math.sqrt(sq[i]);
    }
    double threshold = c;
    if (Double.isNaN(c)) {
      int k = arcClipped(n, f);
      double[] sorted = norms.clone();
      java.util.Arrays.sort(sorted);
      threshold = k >= n ? 0 : sorted[n - 1 - k];
    }
    float[][] out = new float[n][];
    for (int i = 0; i < n; i++) {
      double scale = norms[i] > threshold ? threshold / norms[i] : 1;
      out[i] = rows[i].clone();
      if (scale != 1) {
        for (int k = 0; k < out[i].length; k++) {
          out[i][k] = (float) (out[i][k] * scale);
        }
      }
    }
    return WorkerVectors.wrap(out);
  }
}
