package io.byzcheck.kernels.gram;

import io.byzcheck.kernels.vector.CoordinateKernels;

/**
 * The centre of the Gram matrix, computed one block of coordinates at a time inside the Gram pass: the
 * coordinate-wise median of the sampled rows over that block. Fusing it into the pass saves a full
 * read of the sample and a write and re-read of d floats of centre, which at n = 5 was as much memory
 * traffic as the Gram itself. The algebra is exact for any centre vector, so nothing is lost by
 * computing it piecewise. Buffers are reused while the sample size and block lengths stay the same.
 */
public final class BlockCentre {
  /** A median kernel over whole rows that may leave a tail: returns how many leading coordinates it did. */
  @FunctionalInterface
  public interface Median {
    int median(float[][] rows, float[] out);
  }

  private final int block;
  private final Median kernel;
  private float[] column = new float[0];
  private float[][] full = new float[0][];
  private float[][] tail = new float[0][];
  private float[] centreFull;
  private float[] centreTail = new float[0];

  /** With the portable coordinate kernels' median. */
  public BlockCentre(int block) {
    this(block, (rows, out) -> {
      CoordinateKernels.get().median(rows, out);
      return out.length;
    });
  }

  /**
   * With a given median kernel; the coordinates it leaves are done here, allocation-free (the generic
   * kernels allocate a column per call, which per block would be ~100 B per 512 coordinates).
   */
  public BlockCentre(int block, Median kernel) {
    this.kernel = kernel;
    this.block = block;
    this.centreFull = new float[block];
  }

  /** The median of the sample over [from, from + len), len ≤ block, in a buffer of length len (reused). */
  public float[] centre(float[][] sample, int from, int len) {
    boolean isFull = len == block;
    float[][] s = isFull ? full : tail;
    if (s.length != sample.length || (s.length > 0 && s[0].length != len)) {
      s = new float[sample.length][len];
      if (isFull) {
        full = s;
      } else {
        tail = s;
      }
    }
    if (!isFull && centreTail.length != len) {
      centreTail = new float[len];
    }
    for (int i = 0; i < s.length; i++) {
      System.arraycopy(sample[i], from, s[i], 0, len);
    }
    float[] c = isFull ? centreFull : centreTail;
    int done = kernel.median(s, c);
    if (done < len) {
      tailMedian(s, c, done, len);
    }
    return c;
  }

  private void tailMedian(float[][] s, float[] c, int from, int to) {
    int m = s.length;
    if (column.length != m) {
      column = new float[m];
    }
    for (int k = from; k < to; k++) {
      for (int i = 0; i < m; i++) {
        column[i] = s[i][k];
      }
      java.util.Arrays.sort(column);
      c[k] = (m & 1) == 1 ? column[m / 2] : 0.5f * column[m / 2 - 1] + 0.5f * column[m / 2];
    }
  }
}
