package io.byzcheck.kernels.internal.parallel;

import io.byzcheck.kernels.internal.vectorization.GramKernel;

/**
 * The distance family's d-dimensional passes split into contiguous blocks of coordinates over the pool:
 * <ul>
 *   <li>Gram (double and ranking) and squared norms: each chunk accumulates its block's partial sums with
 *       {@code base}'s ranged kernel into a matrix of its own (reused), and the caller adds the partials in
 *       chunk order, never in completion order, so the result depends on (d, n, chunk count) only. The centre
 *       is coordinate-wise (the sample's median, computed per block inside each chunk), so the partials add up
 *       to the same Gram up to the order of the double additions: one more rounding per chunk on each entry,
 *       about c·2⁻⁵³ relative to Σ|yᵢyⱼ| for c chunks;</li>
 *   <li>combination Σβᵢxᵢ: each coordinate's double sum runs in the same order in any block aligned to the
 *       vector width, so the floats are the single-threaded ones;</li>
 *   <li>a single squared distance (NNM's few uncertain pairs) stays on the caller's thread.</li>
 * </ul>
 * The ranking Gram's error bound grows with the chunks: each adds at most one partial block and one double
 * addition per entry, covered by evaluating {@code base}'s bound at d + 1024·c.
 */
final class ParallelGramKernel implements GramKernel {
  private static final int GRAM = 0;
  private static final int FLOAT_GRAM = 1;
  private static final int NORMS = 2;
  private static final int COMBINE = 3;
  /** Coordinates added to d per chunk in the ranking Gram's error bound: two blocks of the widest kernel (512). */
  private static final int BOUND_PER_CHUNK = 1024;
  /**
   * Block starts of the Gram passes: multiples of the Panama Gram's block of 512 coordinates (and so of the
   * scalar one's 256), so that every chunk is made of exactly the blocks of the whole-row call, one partial
   * block at most (the last of the last chunk, as in the whole call).
   */
  static final int GRAM_ALIGNMENT = 512;

  private final GramKernel base;
  private final ChunkPool pool;
  private final long minFloats;
  private final Pass pass = new Pass();
  /** Per chunk, its partial Gram (n × n) or partial squared norms (n); reused while n stays the same. */
  private double[][][] partialGram = new double[0][][];
  private double[][] partialNorms = new double[0][];
  /** Chunks of the last ranking Gram, for its error bound (asked right after it by CentredGram). */
  private int floatChunks = 1;

  ParallelGramKernel(GramKernel base, ChunkPool pool, long minFloats) {
    this.base = base;
    this.pool = pool;
    this.minFloats = minFloats;
  }

  private final class Pass implements ChunkPool.Task {
    int op;
    float[][] rows;
    float[][] sample;
    double[] beta;
    int anchor;
    float[] out;

    @Override
    public void run(int chunk, int from, int to) {
      switch (op) {
        case GRAM -> base.gram(rows, sample, partialGram[chunk], from, to);
        case FLOAT_GRAM -> base.floatGram(rows, sample, partialGram[chunk], from, to);
        case NORMS -> base.squaredNorms(rows, partialNorms[chunk], from, to);
        case COMBINE -> base.combine(rows, beta, anchor, out, from, to);
        default -> throw new IllegalStateException("unknown pass " + op);
      }
    }

    void over(int op, int d, int c, int align) {
      this.op = op;
      try {
        pool.run(this, d, c, align);
      } finally {
        rows = null;
        sample = null;
        beta = null;
        out = null;
      }
    }
  }

  @Override
  public void gram(float[][] rows, float[][] sample, double[][] g) {
    gram(rows, sample, g, false);
  }

  @Override
  public void floatGram(float[][] rows, float[][] sample, double[][] g) {
    gram(rows, sample, g, true);
  }

  private void gram(float[][] rows, float[][] sample, double[][] g, boolean ranking) {
    int n = rows.length;
    int d = rows[0].length;
    int c = pool.chunks(d, n, minFloats, GRAM_ALIGNMENT);
    if (ranking) {
      floatChunks = c;
    }
    if (c == 1) {
      if (ranking) {
        base.floatGram(rows, sample, g);
      } else {
        base.gram(rows, sample, g);
      }
      return;
    }
    double[][][] parts = partialGrams(n);
    pass.rows = rows;
    pass.sample = sample;
    pass.over(ranking ? FLOAT_GRAM : GRAM, d, c, GRAM_ALIGNMENT);
    for (int i = 0; i < n; i++) {
      double[] gi = g[i];
      System.arraycopy(parts[0][i], 0, gi, 0, n);
      for (int t = 1; t < c; t++) {
        double[] pi = parts[t][i];
        for (int j = 0; j < n; j++) {
          gi[j] += pi[j];
        }
      }
    }
  }

  private double[][][] partialGrams(int n) {
    if (partialGram.length != pool.parallelism() || partialGram[0].length != n) {
      partialGram = new double[pool.parallelism()][n][n];
    }
    return partialGram;
  }

  @Override
  public void gram(float[][] rows, float[][] sample, double[][] g, int from, int to) {
    base.gram(rows, sample, g, from, to);
  }

  @Override
  public void floatGram(float[][] rows, float[][] sample, double[][] g, int from, int to) {
    base.floatGram(rows, sample, g, from, to);
  }

  @Override
  public double floatGramErrorFactor(int d) {
    return base.floatGramErrorFactor(floatChunks == 1 ? d : d + BOUND_PER_CHUNK * floatChunks);
  }

  @Override
  public double floatGramErrorFloor(int d) {
    return base.floatGramErrorFloor(floatChunks == 1 ? d : d + BOUND_PER_CHUNK * floatChunks);
  }

  @Override
  public double squaredDistance(float[] a, float[] b) {
    return base.squaredDistance(a, b);
  }

  @Override
  public void squaredNorms(float[][] rows, double[] out) {
    int n = rows.length;
    int d = rows[0].length;
    int c = pool.chunks(d, n, minFloats, GRAM_ALIGNMENT);
    if (c == 1) {
      base.squaredNorms(rows, out);
      return;
    }
    if (partialNorms.length != pool.parallelism() || partialNorms[0].length != n) {
      partialNorms = new double[pool.parallelism()][n];
    }
    pass.rows = rows;
    pass.over(NORMS, d, c, GRAM_ALIGNMENT);
    for (int i = 0; i < n; i++) {
      double s = partialNorms[0][i];
      for (int t = 1; t < c; t++) {
        s += partialNorms[t][i];
      }
      out[i] = s;
    }
  }

  @Override
  public void squaredNorms(float[][] rows, double[] out, int from, int to) {
    base.squaredNorms(rows, out, from, to);
  }

  @Override
  public void combine(float[][] rows, double[] beta, int anchor, float[] out) {
    int read = 1;
    for (int i = 0; i < beta.length; i++) {
      if (beta[i] != 0 && i != anchor) {
        read++;
      }
    }
    pass.rows = rows;
    pass.beta = beta;
    pass.anchor = anchor;
    pass.out = out;
    pass.over(COMBINE, out.length, pool.chunks(out.length, read, minFloats), io.byzcheck.kernels.internal.vectorization.CoordinateKernels.RANGE_ALIGNMENT);
  }

  @Override
  public void combine(float[][] rows, double[] beta, int anchor, float[] out, int from, int to) {
    base.combine(rows, beta, anchor, out, from, to);
  }
}
