package io.byzcheck.kernels.internal.vectorization;

/**
 * Everything the kernels of one thread reuse from call to call, so that steady-state rounds allocate
 * nothing (a rule is called once per round with the same n): one object per thread, one field per use.
 * Buffers only grow. A kernel must not call another kernel that uses the same field while it holds it
 * (the vector kernels' scalar tails use {@link #column}, never {@link #sortedBlock}).
 */
final class KernelScratch {
  private static final ThreadLocal<KernelScratch> CURRENT = ThreadLocal.withInitial(KernelScratch::new);

  /** One coordinate of every worker: the scalar sort and median kernels, and the vector kernels' tails. */
  private float[] column = new float[0];
  /** The vector kernels' sorted blocks, n·lanes floats per block. */
  private float[] sortedBlock = new float[0];
  /** The generated median networks' output block for a ranged median ({@code PanamaCoordinateKernels}). */
  private float[] rangeBlock = new float[0];
  /** The vector kernels' staged panel of every row's coordinates [c, c + width) beyond 32 workers, and its results. */
  private float[][] panel = new float[0][];
  private float[] panelOut = new float[0];
  /** The in-register trimmed mean's weight per sorted position (PanamaTrimmedNetworks). */
  private float[] trimWeights = new float[0];
  /** The two middle vectors of a block of more than 32 workers ({@code PanamaMergeNetworks.middle}): 2 × 16 lanes. */
  final float[] middle = new float[32];
  /**
   * MeaMed's two dropped ends of a block of two unmerged runs, each sorted in place (up to 16 vectors of up to 16
   * lanes each; {@code PanamaCoordinateKernels}).
   */
  final float[] ends = new float[2 * 16 * 16];
  /** The kept values' sums of such a block: up to 2 × 8 double lanes. */
  final double[] keptSum = new double[16];

  /** The scalar weighted kernels' sorted column (and the vector ones' tails). */
  private WeightedColumns weightedColumns;
  /**
   * The vector weighted kernels' block ({@code PanamaCoordinateKernels}): each worker's rank per lane, and the
   * values and weights placed at their ranks, n·lanes each.
   */
  private float[] weightedRank = new float[0];
  private double[] weightedValue = new double[0];
  private double[] weightedWeight = new double[0];

  /** The thread's reused centred Gram ({@link GramKernel#reusedCentredGram}) and its sample of rows. */
  CentredGram gram;
  float[][] gramSample = new float[0][];

  /** {@link ScalarGramKernel}: the block's median, the centred block (n rows of its length), the combination block. */
  final BlockCentre scalarCentre = new BlockCentre(ScalarGramKernel.BLOCK);
  double[][] scalarCentred = new double[0][ScalarGramKernel.BLOCK];
  final double[] scalarCombination = new double[ScalarGramKernel.BLOCK];

  /** {@link PanamaGramKernel}'s buffers, created on its first use (it is not loaded on scalar JVMs). */
  PanamaGramKernel.Buffers panamaGram;

  private KernelScratch() {}

  static KernelScratch get() {
    return CURRENT.get();
  }

  /** {@link #column}, at least {@code size} floats, contents unspecified. */
  float[] column(int size) {
    if (column.length < size) {
      column = new float[size];
    }
    return column;
  }

  /** {@link #rangeBlock}, at least {@code size} floats, contents unspecified. */
  float[] rangeBlock(int size) {
    if (rangeBlock.length < size) {
      rangeBlock = new float[size];
    }
    return rangeBlock;
  }

  /** {@link #panel}: exactly n rows of at least {@code width} floats, contents unspecified (reused while n stays). */
  float[][] panel(int n, int width) {
    if (panel.length != n || panel[0].length < width) {
      panel = new float[n][width];
    }
    return panel;
  }

  /** {@link #trimWeights}, at least {@code n} floats, contents unspecified. */
  float[] trimWeights(int n) {
    if (trimWeights.length < n) {
      trimWeights = new float[n];
    }
    return trimWeights;
  }

  /** {@link #panelOut}, at least {@code width} floats, contents unspecified. */
  float[] panelOut(int width) {
    if (panelOut.length < width) {
      panelOut = new float[width];
    }
    return panelOut;
  }

  /** {@link #weightedColumns} for n workers (reused while n stays). */
  WeightedColumns weightedColumns(int n) {
    if (weightedColumns == null || weightedColumns.n != n) {
      weightedColumns = new WeightedColumns(n);
    }
    return weightedColumns;
  }

  /** {@link #weightedRank}, at least {@code size} floats, contents unspecified. */
  float[] weightedRank(int size) {
    if (weightedRank.length < size) {
      weightedRank = new float[size];
    }
    return weightedRank;
  }

  /** {@link #weightedValue}, at least {@code size} doubles, contents unspecified. */
  double[] weightedValue(int size) {
    if (weightedValue.length < size) {
      weightedValue = new double[size];
    }
    return weightedValue;
  }

  /** {@link #weightedWeight}, at least {@code size} doubles, contents unspecified. */
  double[] weightedWeight(int size) {
    if (weightedWeight.length < size) {
      weightedWeight = new double[size];
    }
    return weightedWeight;
  }

  /** {@link #sortedBlock}, at least {@code size} floats, contents unspecified. */
  float[] sortedBlock(int size) {
    if (sortedBlock.length < size) {
      sortedBlock = new float[size];
    }
    return sortedBlock;
  }
}
