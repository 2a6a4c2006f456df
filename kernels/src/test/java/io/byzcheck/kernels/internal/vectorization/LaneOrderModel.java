package io.byzcheck.kernels.internal.vectorization;

/**
 * {@link PanamaGramKernel}'s arithmetic written out in scalar code, one lane at a time, in the order that
 * kernel promises: per block, lane l of an entry sums the products at coordinates l, l + lanes, … (fused where
 * the kernel fuses). The double Gram adds those block sums lane for lane over the blocks and then sums an entry's
 * lanes from the first to the last; the ranking (float) Gram sums an entry's lanes per block by the butterfly
 * (lanes l and l + s for s = lanes/2, …, 1, in float) and adds the block sums in double. Scalar Java arithmetic has one result in every JIT mode, so a kernel that
 * matches this bit for bit has a fixed order.
 */
final class LaneOrderModel implements GramKernel {
  private final int floatLanes;
  private final int doubleLanes;
  private final boolean fused;
  /** The negative control: the entries' lanes summed from the last to the first. */
  private final boolean reversed;

  LaneOrderModel(int floatLanes, int doubleLanes, boolean fused, boolean reversed) {
    this.floatLanes = floatLanes;
    this.doubleLanes = doubleLanes;
    this.fused = fused;
    this.reversed = reversed;
  }

  /** The model of this JVM's Panama kernel (its lane counts and FMA choice). */
  static LaneOrderModel ofPanama(boolean reversed) {
    return new LaneOrderModel(PanamaSpecies.FLOAT.length(), PanamaSpecies.DOUBLE.length(), VectorSettings.FAST_FMA,
        reversed);
  }

  @Override
  public void gram(float[][] rows, float[][] sample, double[][] g) {
    copy(gram(rows, sample), g);
  }

  @Override
  public void floatGram(float[][] rows, float[][] sample, double[][] g) {
    copy(floatGram(rows, sample), g);
  }

  @Override
  public void squaredNorms(float[][] rows, double[] out) {
    System.arraycopy(squaredNorms(rows), 0, out, 0, out.length);
  }

  @Override
  public void combine(float[][] rows, double[] beta, int anchor, float[] out) {
    throw new UnsupportedOperationException("the combination has no cross-lane sum");
  }

  /** The model is of whole-row calls; the ranged entry points (paragg's parallel layer) run the same blocks from their start. */
  @Override
  public void gram(float[][] rows, float[][] sample, double[][] g, int from, int to) {
    throw new UnsupportedOperationException("whole rows only");
  }

  @Override
  public void squaredNorms(float[][] rows, double[] out, int from, int to) {
    throw new UnsupportedOperationException("whole rows only");
  }

  @Override
  public void combine(float[][] rows, double[] beta, int anchor, float[] out, int from, int to) {
    throw new UnsupportedOperationException("the combination has no cross-lane sum");
  }

  private static void copy(double[][] from, double[][] to) {
    for (int i = 0; i < from.length; i++) {
      System.arraycopy(from[i], 0, to[i], 0, from[i].length);
    }
  }

  private double fma(double a, double b, double c) {
    return fused ? Math.fma(a, b, c) : a * b + c;
  }

  private float fma(float a, float b, float c) {
    return fused ? Math.fma(a, b, c) : a * b + c;
  }

  private double leftToRight(double[] lanes) {
    int last = lanes.length - 1;
    double s = lanes[reversed ? last : 0];
    for (int l = 1; l <= last; l++) {
      s += lanes[reversed ? last - l : l];
    }
    return s;
  }

  private double[][] gram(float[][] rows, float[][] sample) {
    int n = rows.length;
    int d = rows[0].length;
    double[][][] lanes = new double[n][n][doubleLanes];
    BlockCentre centre = new BlockCentre(PanamaGramKernel.BLOCK);
    for (int from = 0; from < d; from += PanamaGramKernel.BLOCK) {
      int len = Math.min(PanamaGramKernel.BLOCK, d - from);
      float[] c = centre.centre(sample, from, len);
      for (int i = 0; i < n; i++) {
        for (int j = i; j < n; j++) {
          for (int l = 0; l < doubleLanes; l++) {
            double t = 0;
            // The kernel reads the block's last vector whole, past len, where it padded with zeros.
            for (int k = l; k < padded(len, doubleLanes); k += doubleLanes) {
              double yi = k < len ? (double) rows[i][from + k] - c[k] : 0;
              double yj = k < len ? (double) rows[j][from + k] - c[k] : 0;
              t = fma(yi, yj, t);
            }
            lanes[i][j][l] = t + lanes[i][j][l];
          }
        }
      }
    }
    return matrix(lanes);
  }

  private double[][] floatGram(float[][] rows, float[][] sample) {
    int n = rows.length;
    int d = rows[0].length;
    double[][] sums = new double[n][n];
    float[] t = new float[floatLanes];
    BlockCentre centre = new BlockCentre(PanamaGramKernel.BLOCK);
    for (int from = 0; from < d; from += PanamaGramKernel.BLOCK) {
      int len = Math.min(PanamaGramKernel.BLOCK, d - from);
      float[] c = centre.centre(sample, from, len);
      for (int i = 0; i < n; i++) {
        for (int j = i; j < n; j++) {
          for (int l = 0; l < floatLanes; l++) {
            float lane = 0;
            for (int k = l; k < padded(len, floatLanes); k += floatLanes) {
              float yi = k < len ? rows[i][from + k] - c[k] : 0;
              float yj = k < len ? rows[j][from + k] - c[k] : 0;
              lane = fma(yi, yj, lane);
            }
            t[l] = lane;
          }
          sums[i][j] = (double) butterfly(t) + sums[i][j];
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        sums[j][i] = sums[i][j];
      }
    }
    return sums;
  }

  /**
   * An entry's float lanes of one block summed as the kernel's butterfly does: lanes l and l + s added for
   * s = lanes/2, …, 1; the negative control sums them from the last to the first instead.
   */
  private float butterfly(float[] lanes) {
    float[] t = lanes.clone();
    if (reversed) {
      float s = t[t.length - 1];
      for (int l = t.length - 2; l >= 0; l--) {
        s += t[l];
      }
      return s;
    }
    for (int s = t.length / 2; s >= 1; s /= 2) {
      for (int l = 0; l < s; l++) {
        t[l] = t[l] + t[l + s];
      }
    }
    return t[0];
  }

  private static int padded(int len, int lanes) {
    return (len + lanes - 1) / lanes * lanes;
  }

  private double[][] matrix(double[][][] lanes) {
    int n = lanes.length;
    double[][] g = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        g[i][j] = g[j][i] = leftToRight(lanes[i][j]);
      }
    }
    return g;
  }

  /** The kernel's two double accumulators take the low and the high half of each float vector. */
  @Override
  public double squaredDistance(float[] a, float[] b) {
    int bound = a.length / floatLanes * floatLanes;
    double[] lo = new double[doubleLanes];
    double[] hi = new double[doubleLanes];
    for (int k = 0; k < bound; k += floatLanes) {
      for (int l = 0; l < doubleLanes; l++) {
        double e = (double) a[k + l] - b[k + l];
        lo[l] = fma(e, e, lo[l]);
        double h = (double) a[k + doubleLanes + l] - b[k + doubleLanes + l];
        hi[l] = fma(h, h, hi[l]);
      }
    }
    double[] sum = new double[doubleLanes];
    for (int l = 0; l < doubleLanes; l++) {
      sum[l] = lo[l] + hi[l];
    }
    double s = leftToRight(sum);
    for (int k = bound; k < a.length; k++) {
      double e = (double) a[k] - b[k];
      s += e * e;
    }
    return s;
  }

  private double[] squaredNorms(float[][] rows) {
    double[] out = new double[rows.length];
    float[] zero = new float[rows[0].length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = squaredDistance(rows[i], zero);
    }
    return out;
  }
}
