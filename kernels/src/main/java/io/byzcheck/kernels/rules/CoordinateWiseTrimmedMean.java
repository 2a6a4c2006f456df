package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.ScreeningRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.internal.vectorization.CoordinateKernels;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * Coordinate-wise trimmed mean, in the two definitions the papers use (named, never defaulted):
 * <ul>
 *   <li>{@link #trimF()}: RESAM Appendix C.3 (CWTM): drop the f smallest and f largest values of
 *       each coordinate, average the n − 2f others; needs f &lt; n/2. (f, λ)-resilient with
 *       λ = f/(n−f)·min{2√(n−f), √d} (Prop. 4).</li>
 *   <li>{@link #byFraction(double)}: Yin et al. Definition 2 (trmean_β): remove the largest and
 *       smallest β fraction, divide the sum of the rest by (1 − 2β)m; β ∈ [0, 1/2), and βm must be
 *       an integer (the definition removes exactly a β fraction). Needs f ≤ βm.</li>
 * </ul>
 * Non-finite workers are excluded and charged to f first; the trim then uses the remaining f
 * (trimF) or stays βm' of the remaining m' workers (byFraction).
 */
public final class CoordinateWiseTrimmedMean extends ScreeningRule {
  private final CoordinateKernels kernels = VectorizationProvider.getInstance().coordinateKernels();
  private final double beta; // NaN for the trim-f variant

  private CoordinateWiseTrimmedMean(double beta) {
    this.beta = beta;
  }

  /** RESAM C.3: trim f per side. */
  public static CoordinateWiseTrimmedMean trimF() {
    return new CoordinateWiseTrimmedMean(Double.NaN);
  }

  /** Yin Def. 2: trim a β fraction per side, β ∈ [0, 1/2). */
  public static CoordinateWiseTrimmedMean byFraction(double beta) {
    Checks.require(beta >= 0 && beta < 0.5, "Yin Def. 2", "β ∈ [0, 1/2)", "β", beta);
    return new CoordinateWiseTrimmedMean(beta);
  }

  @Override
  public String name() {
    return Double.isNaN(beta) ? "CWTM" : "TrMean(β=" + beta + ")";
  }

  @Override
  protected void checkConstraints(int n, int f) {
    Checks.minorityByzantine(name(), n, f);
  }

  /**
   * trimF: the kernel checks finiteness within its own sorting pass (no separate read of the n·d floats).
   * Yin's β variant sizes its trim on the finite workers, so it scans first.
   */
  @Override
  protected boolean aggregateIfFinite(WorkerVectors x, int f, float[] out) {
    if (Double.isNaN(beta)) {
      return kernels.trimmedMeanIfFinite(Rows.readOnly(x), f, x.n() - 2 * f, out);
    }
    return super.aggregateIfFinite(x, f, out);
  }

  @Override
  protected void aggregateFinite(WorkerVectors finite, int fLeft, float[] out) {
    int m = finite.n();
    if (Double.isNaN(beta)) {
      kernels.trimmedMean(Rows.readOnly(finite), fLeft, m - 2 * fLeft, out);
      return;
    }
    double trimExact = beta * m;
    long trim = Math.round(trimExact);
    if (Math.abs(trimExact - trim) > 1e-9) {
      throw Checks.failure(name(), "βm to be an integer (Yin Def. 2 removes exactly a β fraction of the m finite"
          + " workers)", "m", m, "βm", trimExact);
    }
    if (fLeft > trim) {
      throw Checks.failure(name(), "f ≤ βm (Yin Thm. 4: α ≤ β)", "f", fLeft, "βm", trim);
    }
    kernels.trimmedMean(Rows.readOnly(finite), (int) trim, (1 - 2 * beta) * m, out);
  }
}
