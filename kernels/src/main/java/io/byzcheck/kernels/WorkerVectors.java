package io.byzcheck.kernels;

import java.util.Arrays;

/**
 * The n messages of one round: n worker vectors of dimension d, float32, one row per worker
 * (RESAM §2: x₁, …, xₙ ∈ ℝᵈ).
 *
 * <p>Rows are separate arrays so that a SIMD kernel can load the same coordinate offset of every
 * worker into its own register, and so that d is not limited by n·d ≤ 2³¹. The container may
 * hold NaN and ±∞: Byzantine workers send them on purpose, and each rule decides (through
 * {@link FiniteWorkers}) what to do with them.
 */
public final class WorkerVectors {
  private final float[][] rows;
  private final int d;

  private WorkerVectors(float[][] rows, int d) {
    this.rows = rows;
    this.d = d;
  }

  /** Wraps the given rows without copying; every row must have the same length. */
  public static WorkerVectors wrap(float[]... rows) {
    if (rows == null || rows.length == 0) {
      throw new IllegalArgumentException("no worker vectors: n must be at least 1");
    }
    int d = requireRow(rows, 0).length;
    for (int i = 1; i < rows.length; i++) {
      if (requireRow(rows, i).length != d) {
        throw new IllegalArgumentException(
            "dimension mismatch: worker 0 has d = " + d + " but worker " + i + " has d = " + rows[i].length);
      }
    }
    if (d == 0) {
      throw new IllegalArgumentException("worker vectors have dimension 0");
    }
    return new WorkerVectors(rows, d);
  }

  /** Copies the given rows. */
  public static WorkerVectors copyOf(float[][] rows) {
    WorkerVectors wrapped = wrap(rows);
    float[][] copy = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      copy[i] = rows[i].clone();
    }
    return new WorkerVectors(copy, wrapped.d);
  }

  /** Rounds double rows to float32 (a convenience for tests and generators). */
  public static WorkerVectors ofDoubles(double[][] rows) {
    if (rows == null || rows.length == 0) {
      throw new IllegalArgumentException("no worker vectors: n must be at least 1");
    }
    float[][] f = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] == null) {
        throw new IllegalArgumentException("worker " + i + " sent no vector (null row)");
      }
      f[i] = new float[rows[i].length];
      for (int k = 0; k < rows[i].length; k++) {
        f[i][k] = (float) rows[i][k];
      }
    }
    return wrap(f);
  }

  /** A zero-filled container of n workers in dimension d. */
  public static WorkerVectors zeros(int n, int d) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    if (d < 1) {
      throw new IllegalArgumentException("d must be at least 1, got " + d);
    }
    return new WorkerVectors(new float[n][d], d);
  }

  private static float[] requireRow(float[][] rows, int i) {
    if (rows[i] == null) {
      throw new IllegalArgumentException("worker " + i + " sent no vector (null row)");
    }
    return rows[i];
  }

  /** Number of workers. */
  public int n() {
    return rows.length;
  }

  /** Dimension of every vector. */
  public int d() {
    return d;
  }

  /** The row of worker i, live (not a copy): kernels read it in place. */
  public float[] row(int i) {
    return rows[i];
  }

  /**
   * The row array itself, live and not copied, for kernels that take {@code float[][]} once per call
   * without allocating. Callers must not modify the array (the rows' contents are the input, too).
   */
  public float[][] liveRows() {
    return rows;
  }

  public float get(int i, int k) {
    return rows[i][k];
  }

  public void set(int i, int k, float v) {
    rows[i][k] = v;
  }

  /** The rows of the given workers, in the given order, sharing storage with this container. */
  public WorkerVectors select(int[] workers) {
    float[][] sub = new float[workers.length][];
    for (int j = 0; j < workers.length; j++) {
      sub[j] = rows[workers[j]];
    }
    return new WorkerVectors(sub, d);
  }

  /** A deep copy, for callers (and tests) that must prove a rule left its input alone. */
  public WorkerVectors deepCopy() {
    return copyOf(rows);
  }

  /** Rows widened to double, for reference implementations. */
  public double[][] toDoubles() {
    double[][] out = new double[rows.length][d];
    for (int i = 0; i < rows.length; i++) {
      for (int k = 0; k < d; k++) {
        out[i][k] = rows[i][k];
      }
    }
    return out;
  }

  /** Bitwise equality of contents (NaN payloads included). */
  public boolean sameContents(WorkerVectors other) {
    if (other.n() != n() || other.d != d) {
      return false;
    }
    for (int i = 0; i < rows.length; i++) {
      if (!Arrays.equals(rows[i], other.rows[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "WorkerVectors[n=" + n() + ", d=" + d + "]";
  }
}
