package io.byzcheck.kernels.internal.vectorization;

/**
 * The distance geometry of one round, computed once: the Gram matrix of the rows centred at their
 * coordinate-wise median, in double. Everything the distance-based rules need follows in O(n²):
 * squared distances, and distances from any affine combination z = Σβᵢxᵢ (Σβᵢ = 1) to every xᵢ, so
 * Weiszfeld and centred-clipping iterations run in coefficient space without touching the d
 * coordinates again.
 */
public final class CentredGram {
  private final double[][] g;
  private final int n;
  private double[][] d2;
  private boolean d2Valid;
  private double[] gBeta;
  /** 0 for the double Gram; else the relative error factor of the ranking Gram ({@link GramKernel#floatGram}). */
  private double errorFactor;
  /** The ranking Gram's absolute error term ({@link GramKernel#floatGramErrorFloor}); 0 for the double Gram. */
  private double errorFloor;
  /** γ: every entry's rounding is at most γ·√(GᵢᵢGⱼⱼ) ({@link #entryError}). */
  private double entryError;

  private CentredGram(double[][] g) {
    this.g = g;
    this.n = g.length;
  }

  /**
   * Gram of finite rows (NaN/±∞ must have been screened out), centred at a coordinate-wise median. The
   * centre only has to lie near the bulk of the data for the distances to keep their precision (the
   * algebra is exact for any centre), so beyond 32 workers the median of 32 evenly spaced rows serves.
   * The median is taken block by block inside the Gram pass ({@link BlockCentre}). Fresh storage.
   */
  static CentredGram of(GramKernel k, float[][] rows) {
    CentredGram cg = new CentredGram(new double[rows.length][rows.length]);
    k.gram(rows, sample(rows, new float[Math.min(rows.length, SAMPLE)][]), cg.g);
    cg.entryError = doubleEntryError(rows[0].length);
    return cg;
  }

  /**
   * {@link GramKernel#reusedCentredGramAt}: centred at row j instead of the coordinate-wise median, in the
   * thread's storage. For a geometric median that lies among a few points much closer together than the
   * median is to them (rows of very different scales), whose distances the median-centred Gram keeps only
   * to an absolute precision of 2⁻⁵³ times (distance to the median)².
   */
  static CentredGram reusingCentredAt(GramKernel k, float[][] rows, int j) {
    CentredGram cg = reusedStorage(rows.length);
    cg.errorFactor = 0;
    cg.errorFloor = 0;
    cg.entryError = doubleEntryError(rows[0].length);
    k.gram(rows, new float[][] {rows[j]}, cg.g);
    return cg;
  }

  private static CentredGram reusedStorage(int n) {
    KernelScratch scratch = KernelScratch.get();
    CentredGram cg = scratch.gram;
    if (cg == null || cg.n != n) {
      cg = new CentredGram(new double[n][n]);
      scratch.gram = cg;
    }
    cg.d2Valid = false;
    return cg;
  }

  /** {@link GramKernel#reusedCentredGram} or, if {@code ranking}, {@link GramKernel#reusedRankingGram}. */
  static CentredGram reusing(GramKernel k, float[][] rows, boolean ranking) {
    int n = rows.length;
    CentredGram cg = reusedStorage(n);
    KernelScratch scratch = KernelScratch.get();
    float[][] sample = scratch.gramSample;
    if (sample.length != Math.min(n, SAMPLE)) {
      sample = new float[Math.min(n, SAMPLE)][];
      scratch.gramSample = sample;
    }
    if (ranking) {
      k.floatGram(rows, sample(rows, sample), cg.g);
      cg.errorFactor = k.floatGramErrorFactor(rows[0].length);
      cg.errorFloor = k.floatGramErrorFloor(rows[0].length);
      cg.entryError = cg.errorFactor; // bounds a distance by (Gᵢᵢ + Gⱼⱼ), so an entry by at least √(GᵢᵢGⱼⱼ)
    } else {
      k.gram(rows, sample(rows, sample), cg.g);
      cg.errorFactor = 0;
      cg.errorFloor = 0;
      cg.entryError = doubleEntryError(rows[0].length);
    }
    java.util.Arrays.fill(sample, null); // hold no reference to the caller's rows
    return cg;
  }

  private static final int SAMPLE = 32;

  /** Up to 32 evenly spaced rows: the generated median networks stop at 32 inputs. */
  private static float[][] sample(float[][] rows, float[][] s) {
    if (rows.length <= SAMPLE) {
      System.arraycopy(rows, 0, s, 0, rows.length);
      return s;
    }
    for (int i = 0; i < SAMPLE; i++) {
      s[i] = rows[(int) ((long) i * rows.length / SAMPLE)];
    }
    return s;
  }

  /** From an explicit (already centred) Gram matrix; for references and tests. */
  public static CentredGram ofMatrix(double[][] g) {
    return new CentredGram(g);
  }

  /** Row i of the Gram matrix, live: read it, do not modify it. */
  public double[] row(int i) {
    return g[i];
  }

  /** True for a ranking Gram, whose distances carry the error bound {@link #distanceError}. */
  public boolean approximate() {
    return errorFactor > 0;
  }

  /** A proven bound on |computed − exact| ‖xᵢ − xⱼ‖² (0 for the double Gram, whose rounding is treated as exact). */
  public double distanceError(int i, int j) {
    return errorFactor * (g[i][i] + g[j][j]) + errorFloor;
  }

  /**
   * γ with |computed − exact| Gᵢⱼ ≤ γ·√(GᵢᵢGⱼⱼ) for every entry (0 for {@link #ofMatrix}, taken as exact): what
   * a certificate computed from the Gram must allow for. See {@link #doubleEntryError}.
   */
  public double entryError() {
    return entryError;
  }

  /**
   * The double Gram's γ at dimension d: an entry is a sum of d products yᵢₖyⱼₖ accumulated per lane over blocks
   * of at most 512 coordinates, the blocks' sums added over d/256 blocks at most, then at most 64 lanes added
   * (both kernels): fewer than 512 + d/256 + 64 roundings in sequence, and in whatever order a sum of d terms
   * is taken no term passes more than d − 1 additions (additions of the zero padding are exact), so fewer
   * than min(d, 512 + d/256 + 64) roundings, each at most 2⁻⁵³ relative to Σ|yᵢₖyⱼₖ| ≤ √(GᵢᵢGⱼⱼ)
   * (Cauchy–Schwarz); the centring yᵢ = xᵢ − c in double adds 2 more; 1 % covers the products of (1 + 2⁻⁵³)
   * factors. For d = 17 that is 19 roundings instead of 578: the certificate's floor 30 times lower.
   */
  public static double doubleEntryError(int d) {
    return 1.01 * (Math.min(d, 512 + d / 256.0 + 64) + 2) * 0x1p-53;
  }

  /** True if every entry is finite: false exactly when some row (or the centre) had a NaN or ±∞ coordinate, or overflowed. */
  public boolean allFinite() {
    for (double[] row : g) {
      for (double v : row) {
        if (!Double.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
  }

  public int n() {
    return n;
  }

  /** ‖xᵢ − xⱼ‖², clamped at 0 against rounding. */
  public double squaredDistance(int i, int j) {
    return i == j ? 0 : Math.max(0, g[i][i] + g[j][j] - 2 * g[i][j]);
  }

  /** The n × n matrix of squared distances, owned by this Gram (computed once; read it, do not modify it). */
  public double[][] squaredDistances() {
    if (!d2Valid) {
      if (d2 == null) {
        d2 = new double[n][n];
      }
      refreshDistances();
      d2Valid = true;
    }
    return d2;
  }

  private double[][] refreshDistances() {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        d2[i][j] = squaredDistance(i, j);
      }
    }
    return d2;
  }

  /** Gβ, for {@link #squaredDistanceTo}. */
  public double[] times(double[] beta) {
    return times(beta, new double[n]);
  }

  /** Gβ into out. */
  public double[] times(double[] beta, double[] out) {
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += g[i][j] * beta[j];
      }
      out[i] = s;
    }
    return out;
  }

  /** βᵀGβ. */
  public double quadratic(double[] beta) {
    if (gBeta == null) {
      gBeta = new double[n];
    }
    double[] gb = times(beta, gBeta);
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += beta[i] * gb[i];
    }
    return s;
  }

  /**
   * ‖z − xᵢ‖² for z = Σβⱼxⱼ with Σβⱼ = 1: βᵀGβ − 2(Gβ)ᵢ + Gᵢᵢ (the centring cancels because the
   * coefficients of z − xᵢ sum to 0), clamped at 0.
   */
  public double squaredDistanceTo(double quadratic, double[] gBeta, int i) {
    return Math.max(0, quadratic - 2 * gBeta[i] + g[i][i]);
  }
}
