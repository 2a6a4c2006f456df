package io.byzcheck.kernels.sim.problem;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of the MNIST distribution (LeCun &amp; Cortes): a big-endian magic
 * 0x00 0x00 type rank, one 32-bit size per dimension, then the values. Only unsigned bytes (type
 * 0x08) are accepted, the type MNIST uses. A gzip header is detected and unwrapped.
 */
public final class IdxReader {
  private static final int UNSIGNED_BYTE = 0x08;

  private IdxReader() {}

  /** An IDX tensor of unsigned bytes: its shape and its values in row-major order, 0..255. */
  public record Tensor(int[] shape, int[] values) {
    public int count() {
      return shape[0];
    }

    /** Product of the dimensions after the first (784 for 28×28 images, 1 for labels). */
    public int itemSize() {
      int s = 1;
      for (int k = 1; k < shape.length; k++) {
        s *= shape[k];
      }
      return s;
    }
  }

  public static Tensor read(InputStream raw, String what) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
    buffered.mark(2);
    int b0 = buffered.read();
    int b1 = buffered.read();
    buffered.reset();
    InputStream in = b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(buffered), 1 << 16)
        : buffered;
    DataInputStream data = new DataInputStream(in);
    try {
      int magic = data.readInt();
      if ((magic >>> 16) != 0) {
        throw new IOException(what + ": not an IDX file (magic 0x" + Integer.toHexString(magic) + ")");
      }
      int type = (magic >>> 8) & 0xff;
      int rank = magic & 0xff;
      if (type != UNSIGNED_BYTE) {
        throw new IOException(what + ": IDX element type 0x" + Integer.toHexString(type)
            + " is not supported (only unsigned bytes, 0x08)");
      }
      if (rank < 1 || rank > 4) {
        throw new IOException(what + ": IDX rank " + rank + " is outside 1..4");
      }
      int[] shape = new int[rank];
      long total = 1;
      for (int k = 0; k < rank; k++) {
        shape[k] = data.readInt();
        if (shape[k] < 0) {
          throw new IOException(what + ": negative size " + shape[k] + " in dimension " + k);
        }
        total *= shape[k];
      }
      if (total > Integer.MAX_VALUE) {
        throw new IOException(what + ": " + total + " values do not fit in one array");
      }
      byte[] bytes = new byte[(int) total];
      data.readFully(bytes);
      if (data.read() != -1) {
        throw new IOException(what + ": trailing bytes after " + total + " values");
      }
      int[] values = new int[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        values[i] = bytes[i] & 0xff;
      }
      return new Tensor(shape, values);
    } catch (EOFException e) {
      throw new IOException(what + ": truncated IDX file", e);
    }
  }
}
