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
 *   <li>{@link #byFraction(double)}: Yin et al. Definition 2 (trmean_β): "remove the largest and
 *       smallest β fraction of the elements", divide the sum of the rest by (1 − 2β)m; β ∈ [0, 1/2), and
 *       βm must be an integer for the caller's m = n (the definition removes exactly a β fraction). Needs
 *       f ≤ βm.</li>
 * </ul>
 * Non-finite workers are excluded and charged to f first; the trim then uses the remaining f
 * (trimF) or is sized on the m' = m − k finite workers (byFraction). β·m' is then rarely an integer, and
 * Definition 2 does not say what a β fraction of m' elements is; this rule trims t' = ⌈βm'⌉ per side (the
 * fewest whole values that remove at least a β fraction, capped at ⌊(m' − 1)/2⌋ so one value remains) and
 * averages the m' − 2t' values kept, which is Definition 2 whenever βm' is an integer. The budget stays
 * covered: f' = f − k ≤ βm − k ≤ β(m − k) ≤ t'. (Dividing by (1 − 2β)m' instead would scale the result
 * by (m' − 2t')/((1 − 2β)m') ≠ 1: identical inputs x would not give x.)
 */
public final class CoordinateWiseTrimmedMean extends ScreeningRule {
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
    if (!Double.isNaN(beta)) {
      validateFraction(n, f);
    }
  }

  /**
   * trimF: the kernel checks finiteness within its own sorting pass (no separate read of the n·d floats).
   * Yin's β variant sizes its trim on the finite workers, so it scans first.
   */
  @Override
  protected boolean aggregateIfFinite(WorkerVectors x, int f, float[] out) {
    if (Double.isNaN(beta)) {
      return kernels().trimmedMeanIfFinite(Rows.readOnly(x), f, x.n() - 2 * f, out);
    }
    return super.aggregateIfFinite(x, f, out);
  }

  @Override
  protected void aggregateFinite(WorkerVectors finite, int fLeft, float[] out) {
    int m = finite.n();
    if (Double.isNaN(beta)) {
      kernels().trimmedMean(Rows.readOnly(finite), fLeft, m - 2 * fLeft, out);
      return;
    }
    int trim = trimAfterExclusion(beta, m);
    kernels().trimmedMean(Rows.readOnly(finite), trim, m - 2 * trim, out);
  }

  /** Yin's parameters on the caller's n and f: βn an integer, f ≤ βn (before any exclusion). */
  private void validateFraction(int n, int f) {
    double trimExact = beta * n;
    long trim = Math.round(trimExact);
    if (Math.abs(trimExact - trim) > 1e-9) {
      throw Checks.failure(name(), "βm to be an integer (Yin Def. 2 removes exactly a β fraction of the caller's m"
          + " workers)", "m", n, "βm", trimExact);
    }
    if (f > trim) {
      throw Checks.failure(name(), "f ≤ βm (Yin Thm. 4: α ≤ β)", "f", f, "βm", trim);
    }
  }

  /**
   * Values trimmed per side of m finite workers: ⌈βm⌉ (βm to within 1e−9 when it is an integer), capped at
   * ⌊(m − 1)/2⌋ (class comment).
   */
  public static int trimAfterExclusion(double beta, int m) {
    int t = (int) Math.ceil(beta * m - 1e-9);
    return Math.min(t, (m - 1) / 2);
  }

  /** Looked up per call, not kept: inside {@link io.byzcheck.kernels.parallel.ParallelAggregation} they split the coordinates. */
  private static CoordinateKernels kernels() {
    return VectorizationProvider.getInstance().coordinateKernels();
  }
}
