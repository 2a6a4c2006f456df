package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * The weighted geometric median argmin_z Σᵢ wᵢ‖z − xᵢ‖ over capped weights ({@link WeightCap}); unit weights give
 * {@link GeometricMedian} (Cao &amp; Lai 2020, eq. 13; RESAM C.6), integer weights the geometric median of the rows
 * repeated wᵢ times. f &lt; n/2. Workers of weight 0 take no part.
 *
 * <p>Computed by the unweighted rule's machinery with weights ({@link GeometricMedian#certified}): Weiszfeld with
 * weights and the Vardi–Zhang step in coefficient space ({@link Weiszfeld}), and when its Gram certificate stalls
 * the direct certificates in coordinates and the Gram recentred at the nearest row ({@link DirectCertificate}),
 * until a proven relative gap on Σ wᵢ‖z − xᵢ‖ is below the request. The weights are scaled by a power of two to
 * at most 1 (exact, and the argmin and relative gap do not change), the scale at which the shared rounding
 * bounds hold. Mixed-scale rows (norms 10⁻⁵ … 10¹⁸, issue 16) stalled the former Gram-only iteration at
 * {@link #MAX_ITERATIONS}; beyond what the shared path certifies it fails loudly, naming a gap that can be.
 */
public final class WeightedGeometricMedian extends WeightedRule {
  public static final int MAX_ITERATIONS = GeometricMedian.MAX_ITERATIONS;
  private final double relativeGap;

  public WeightedGeometricMedian(double relativeGap, WeightCap cap) {
    super(cap, true);
    Checks.positive("WGM", "the relative objective gap", relativeGap);
    this.relativeGap = relativeGap;
  }

  @Override
  public String name() {
    return "WGM(" + cap.label() + ")";
  }

  @Override
  protected void aggregateCapped(WorkerVectors finite, double[] w, int f, float[] out) {
    float[][] all = Rows.readOnly(finite);
    // Workers of weight 0 take no part: they leave the rows (and so the Gram, R and every certificate).
    int m = 0;
    double max = 0;
    for (double v : w) {
      if (v > 0) {
        m++;
        max = Math.max(max, v);
      }
    }
    int shift = -(Math.getExponent(max) + 1);
    Workspace ws = Workspace.of(m);
    double[] weights = new double[m];
    try {
      for (int i = 0, k = 0; i < all.length; i++) {
        if (w[i] > 0) {
          ws.rows[k] = all[i];
          weights[k++] = Math.scalb(w[i], shift); // in [2⁻¹, 1) for the largest: exact
        }
      }
      ws.gram = VectorizationProvider.getInstance().gramKernel().reusedCentredGram(ws.rows);
      ws.solution = GeometricMedian.certified(ws, relativeGap, weights, out);
    } finally {
      ws.release();
    }
  }
}
