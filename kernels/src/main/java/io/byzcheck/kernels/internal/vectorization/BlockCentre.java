package io.byzcheck.kernels.internal.vectorization;


/**
 * The centre of the Gram matrix, computed one block of coordinates at a time inside the Gram pass: the
 * coordinate-wise median of the sampled rows over that block. Fusing it into the pass saves a full
 * read of the sample and a write and re-read of d floats of centre, which at n = 5 was as much memory
 * traffic as the Gram itself. The algebra is exact for any centre vector, so nothing is lost by
 * computing it piecewise. Buffers are reused while the sample size and block lengths stay the same.
 */
final class BlockCentre {
  /** The copied-block path serves the scalar Gram kernel, so it runs the scalar median. */
  private static final CoordinateKernels SCALAR = new ScalarCoordinateKernels();

  /**
   * A median kernel that reads the rows in place: out[k] = median of rows[·][from + k] for a leading
   * part of k in [0, len); returns how many coordinates it did (the rest are done here).
   */
  @FunctionalInterface
  interface Median {
    int median(float[][] rows, int from, float[] out, int len);
  }

  private final int block;
  /** Null for the portable kernels, which work on whole rows: the block is then copied out first. */
  private final Median kernel;
  private float[] column = new float[0];
  private float[][] copyFull = new float[0][];
  private float[][] copyTail = new float[0][];
  private final float[] centreFull;
  private float[] centreTail = new float[0];

  /** With the portable coordinate kernels' median (on a copy of the block). */
  BlockCentre(int block) {
    this.block = block;
    this.kernel = null;
    this.centreFull = new float[block];
  }

  /**
   * With an in-place median kernel; the coordinates it leaves are done here, allocation-free (the
   * generic kernels allocate a column per call, which per block would be ~100 B per 512 coordinates).
   */
  BlockCentre(int block, Median kernel) {
    this.block = block;
    this.kernel = kernel;
    this.centreFull = new float[block];
  }

  /** The median of the sample over [from, from + len), len ≤ block, in a buffer of length len (reused). */
  float[] centre(float[][] sample, int from, int len) {
    float[] c = len == block ? centreFull : tail(len);
    int done = kernel != null ? kernel.median(sample, from, c, len) : copiedMedian(sample, from, c, len);
    if (done < len) {
      tailMedian(sample, from, c, done, len);
    }
    return c;
  }

  private float[] tail(int len) {
    if (centreTail.length != len) {
      centreTail = new float[len];
    }
    return centreTail;
  }

  private int copiedMedian(float[][] sample, int from, float[] c, int len) {
    boolean full = len == block;
    float[][] copy = full ? copyFull : copyTail;
    if (copy.length != sample.length || (copy.length > 0 && copy[0].length != len)) {
      copy = new float[sample.length][len];
      if (full) {
        copyFull = copy;
      } else {
        copyTail = copy;
      }
    }
    for (int i = 0; i < copy.length; i++) {
      System.arraycopy(sample[i], from, copy[i], 0, len);
    }
    SCALAR.median(copy, c);
    return len;
  }

  private void tailMedian(float[][] s, int from, float[] c, int done, int len) {
    int m = s.length;
    if (column.length != m) {
      column = new float[m];
    }
    for (int k = done; k < len; k++) {
      for (int i = 0; i < m; i++) {
        column[i] = s[i][from + k];
      }
      java.util.Arrays.sort(column);
      c[k] = (m & 1) == 1 ? column[m / 2] : 0.5f * column[m / 2 - 1] + 0.5f * column[m / 2];
    }
  }
}
