package io.byzcheck.kernels.internal.vectorization;

/**
 * The d-dimensional passes of the distance family. The centred Gram matrix
 * G_ij = Σ_k (x_ik − c_k)(x_jk − c_k) is accumulated with the reference c near the data (the
 * coordinate-wise median of a sample of rows, computed block by block inside the same pass): that is
 * what makes ‖xᵢ − xⱼ‖² = G_ii + G_jj − 2G_ij accurate, where the naive float32 Gram trick errs by ~2
 * on squared distances of ~2 at d = 10⁶ when all vectors are ≈ 1 (ARCHITECTURE.md). The final
 * combination Σ βᵢxᵢ of the coefficient-space rules is the other pass.
 */
public interface GramKernel {

  /**
   * Fills g (n × n, symmetric) for the rows, centred at the coordinate-wise median of {@code sample}
   * (rows of the same length; at most 32 of them, so the generated median networks apply).
   */
  default void gram(float[][] rows, float[][] sample, double[][] g) {
    gram(rows, sample, g, 0, rows[0].length);
  }

  /**
   * {@link #gram(float[][], float[][], double[][])} over the coordinates [from, to) only: g receives that
   * block's contribution Σ_{k∈[from,to)} (x_ik − c_k)(x_jk − c_k), symmetric. The centre is coordinate-wise,
   * so the blocks of a split call add up to the whole Gram (up to the order of the double additions): the
   * entry point of the parallel layer's per-thread partial Grams.
   */
  void gram(float[][] rows, float[][] sample, double[][] g, int from, int to);

  /**
   * A faster Gram for ranking decisions (which workers are nearest, which score is smallest), possibly
   * less accurate: every squared distance it gives is within {@link #floatGramErrorFactor()}·(G̃ᵢᵢ + G̃ⱼⱼ)
   * of the exact one. Rules that use it certify their decision against that bound and fall back to
   * {@link #gram} when the margin is too thin. Defaults to the double Gram.
   */
  default void floatGram(float[][] rows, float[][] sample, double[][] g) {
    floatGram(rows, sample, g, 0, rows[0].length);
  }

  /** {@link #floatGram(float[][], float[][], double[][])} over [from, to), as the ranged {@link #gram}. */
  default void floatGram(float[][] rows, float[][] sample, double[][] g, int from, int to) {
    gram(rows, sample, g, from, to);
  }

  /**
   * The relative error factor of {@link #floatGram} at dimension d (see there). For a double Gram:
   * sums of at most 512 products per block, then d/256 block sums, each step erring by 2⁻⁵³ relative
   * to Σ|yᵢyⱼ| ≤ (Gᵢᵢ + Gⱼⱼ)/2, four entries per distance, with margin.
   */
  default double floatGramErrorFactor(int d) {
    return 4.0 * (512 + d / 256.0 + 64) * 0x1p-53 * 1.01;
  }

  /**
   * An absolute term to add to {@link #floatGramErrorFactor}'s relative bound: float products and sums that
   * fall below the normal range err by up to 2⁻¹⁵⁰ each whatever their size, so on tiny (e.g. subnormal)
   * data the ranking Gram can be all zeros while the distances are not. 0 for a double Gram.
   */
  default double floatGramErrorFloor(int d) {
    return 0;
  }

  /** ‖a − b‖² computed directly in double, as the references do: to settle a pair the ranking Gram left uncertain. */
  default double squaredDistance(float[] a, float[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      double e = (double) a[k] - b[k];
      s += e * e;
    }
    return s;
  }

  /** Squared norms ‖xᵢ‖² in double (no centring): for rules that use norms, e.g. CGE and clipping. */
  default void squaredNorms(float[][] rows, double[] out) {
    squaredNorms(rows, out, 0, rows[0].length);
  }

  /** The squared norms' partial sums over the coordinates [from, to). */
  void squaredNorms(float[][] rows, double[] out, int from, int to);

  /**
   * out = x_a + Σᵢ βᵢ(xᵢ − x_a), accumulated in double per coordinate and rounded once, with a = anchor
   * (the largest weight; Σβ = 1): averaging identical vectors returns them exactly and close vectors
   * lose nothing to a large common offset. Rows with βᵢ = 0 are not read.
   */
  default void combine(float[][] rows, double[] beta, int anchor, float[] out) {
    combine(rows, beta, anchor, out, 0, out.length);
  }

  /**
   * {@link #combine(float[][], double[], int, float[])} on the coordinates [from, to) only. Each coordinate is
   * computed the same way whatever block it is in when {@code from} is a multiple of
   * {@link CoordinateKernels#RANGE_ALIGNMENT}, so a split call gives the same floats.
   */
  void combine(float[][] rows, double[] beta, int anchor, float[] out, int from, int to);

  /**
   * {@link #combine(float[][], double[], int, float[])}, and whether every coordinate of out is finite. Sums in
   * double of finite floats cannot overflow, so out is finite exactly when every row read is: the Mean's
   * non-finite check. A kernel may check the outputs as it writes them; by default out is read again.
   */
  default boolean combineIfFinite(float[][] rows, double[] beta, int anchor, float[] out) {
    combine(rows, beta, anchor, out);
    return ScalarCoordinateKernels.finite(out);
  }

  /** The centred Gram of finite rows in fresh storage ({@link CentredGram}). */
  default CentredGram centredGram(float[][] rows) {
    return CentredGram.of(this, rows);
  }

  /**
   * The centred Gram in storage owned by the calling thread and reused by its next call: the result (and
   * the matrices it hands out) is valid only until then. This is what lets a round allocate nothing.
   */
  default CentredGram reusedCentredGram(float[][] rows) {
    return CentredGram.reusing(this, rows, false);
  }

  /**
   * The ranking Gram ({@link #floatGram}) in the thread's storage, as {@link #reusedCentredGram}: faster,
   * with squared distances known only to within {@link CentredGram#distanceError}. For decisions that are
   * then certified against that bound, with {@link #reusedCentredGram} as the fallback.
   */
  default CentredGram reusedRankingGram(float[][] rows) {
    return CentredGram.reusing(this, rows, true);
  }

  /**
   * As {@link #reusedCentredGram}, centred at row j (exactly) instead of near the coordinate-wise median:
   * the geometric median's fallback on rows of very different scales ({@link CentredGram#reusingCentredAt}).
   */
  default CentredGram reusedCentredGramAt(float[][] rows, int j) {
    return CentredGram.reusingCentredAt(this, rows, j);
  }
}
