package io.byzcheck.kernels.vector;

import io.byzcheck.kernels.gram.GramKernel;
import io.byzcheck.kernels.gram.ScalarGramKernel;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API centred Gram matrix: per block of coordinates the rows are centred (float subtraction
 * of a nearby reference, exact or nearly so), widened to double into a scratch block that stays in
 * cache, and every pair's dot product is accumulated with double FMAs.
 */
public final class PanamaGramKernel implements GramKernel {
  private static final VectorSpecies<Float> F = PanamaSpecies.FLOAT;
  private static final VectorSpecies<Double> D = PanamaSpecies.DOUBLE;
  private static final int BLOCK = 512;

  @Override
  public void gram(float[][] rows, float[] c, double[][] g) {
    int n = rows.length;
    int d = c.length;
    for (double[] row : g) {
      java.util.Arrays.fill(row, 0);
    }
    // Rows padded with zeros to a multiple of 4: the pair loop works on 4 × 4 tiles, 8 loads feeding
    // 16 FMAs, so the block is read from cache a quarter as often as pair by pair.
    int padded = (n + 3) & ~3;
    double[][] y = new double[padded][BLOCK];
    int half = D.length();
    for (int from = 0; from < d; from += BLOCK) {
      int len = Math.min(BLOCK, d - from);
      int vlen = F.loopBound(len);
      for (int i = 0; i < n; i++) {
        float[] row = rows[i];
        double[] yi = y[i];
        for (int k = 0; k < vlen; k += F.length()) {
          FloatVector diff = FloatVector.fromArray(F, row, from + k).sub(FloatVector.fromArray(F, c, from + k));
          ((DoubleVector) diff.convertShape(VectorOperators.F2D, D, 0)).intoArray(yi, k);
          ((DoubleVector) diff.convertShape(VectorOperators.F2D, D, 1)).intoArray(yi, k + half);
        }
        for (int k = vlen; k < len; k++) {
          yi[k] = (double) row[from + k] - c[from + k];
        }
        // The last partial vector is read whole: clear the stale values beyond len.
        java.util.Arrays.fill(yi, len, roundUp(len, half), 0);
      }
      int dlen = roundUp(len, half);
      for (int ib = 0; ib < padded; ib += 4) {
        for (int jb = ib; jb < padded; jb += 4) {
          DoubleVector c00 = DoubleVector.zero(D);
          DoubleVector c01 = DoubleVector.zero(D);
          DoubleVector c02 = DoubleVector.zero(D);
          DoubleVector c03 = DoubleVector.zero(D);
          DoubleVector c10 = DoubleVector.zero(D);
          DoubleVector c11 = DoubleVector.zero(D);
          DoubleVector c12 = DoubleVector.zero(D);
          DoubleVector c13 = DoubleVector.zero(D);
          DoubleVector c20 = DoubleVector.zero(D);
          DoubleVector c21 = DoubleVector.zero(D);
          DoubleVector c22 = DoubleVector.zero(D);
          DoubleVector c23 = DoubleVector.zero(D);
          DoubleVector c30 = DoubleVector.zero(D);
          DoubleVector c31 = DoubleVector.zero(D);
          DoubleVector c32 = DoubleVector.zero(D);
          DoubleVector c33 = DoubleVector.zero(D);
          double[] y0 = y[ib];
          double[] y1 = y[ib + 1];
          double[] y2 = y[ib + 2];
          double[] y3 = y[ib + 3];
          double[] z0 = y[jb];
          double[] z1 = y[jb + 1];
          double[] z2 = y[jb + 2];
          double[] z3 = y[jb + 3];
          for (int k = 0; k < dlen; k += half) {
            DoubleVector a0 = DoubleVector.fromArray(D, y0, k);
            DoubleVector a1 = DoubleVector.fromArray(D, y1, k);
            DoubleVector a2 = DoubleVector.fromArray(D, y2, k);
            DoubleVector a3 = DoubleVector.fromArray(D, y3, k);
            DoubleVector b0 = DoubleVector.fromArray(D, z0, k);
            DoubleVector b1 = DoubleVector.fromArray(D, z1, k);
            DoubleVector b2 = DoubleVector.fromArray(D, z2, k);
            DoubleVector b3 = DoubleVector.fromArray(D, z3, k);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c02 = a0.fma(b2, c02);
            c03 = a0.fma(b3, c03);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c12 = a1.fma(b2, c12);
            c13 = a1.fma(b3, c13);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c22 = a2.fma(b2, c22);
            c23 = a2.fma(b3, c23);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            c32 = a3.fma(b2, c32);
            c33 = a3.fma(b3, c33);
          }
          add(g, n, ib + 0, jb + 0, c00.reduceLanes(VectorOperators.ADD));
          add(g, n, ib + 0, jb + 1, c01.reduceLanes(VectorOperators.ADD));
          add(g, n, ib + 0, jb + 2, c02.reduceLanes(VectorOperators.ADD));
          add(g, n, ib + 0, jb + 3, c03.reduceLanes(VectorOperators.ADD));
          add(g, n, ib + 1, jb + 0, c10.reduceLanes(VectorOperators.ADD));
          add(g, n, ib + 1, jb + 1, c11.reduceLanes(VectorOperators.ADD));
          add(g, n, ib + 1, jb + 2, c12.reduceLanes(VectorOperators.ADD));
          add(g, n, ib + 1, jb + 3, c13.reduceLanes(VectorOperators.ADD));
          add(g, n, ib + 2, jb + 0, c20.reduceLanes(VectorOperators.ADD));
          add(g, n, ib + 2, jb + 1, c21.reduceLanes(VectorOperators.ADD));
          add(g, n, ib + 2, jb + 2, c22.reduceLanes(VectorOperators.ADD));
          add(g, n, ib + 2, jb + 3, c23.reduceLanes(VectorOperators.ADD));
          add(g, n, ib + 3, jb + 0, c30.reduceLanes(VectorOperators.ADD));
          add(g, n, ib + 3, jb + 1, c31.reduceLanes(VectorOperators.ADD));
          add(g, n, ib + 3, jb + 2, c32.reduceLanes(VectorOperators.ADD));
          add(g, n, ib + 3, jb + 3, c33.reduceLanes(VectorOperators.ADD));
        }
      }
    }
    ScalarGramKernel.symmetrise(g);
  }

  /** Adds a tile entry to the upper triangle, skipping padding rows. */
  private static void add(double[][] g, int n, int i, int j, double v) {
    if (i < n && j < n && i <= j) {
      g[i][j] += v;
    }
  }

  private static int roundUp(int v, int m) {
    return (v + m - 1) / m * m;
  }

  @Override
  public void squaredNorms(float[][] rows, double[] out) {
    for (int i = 0; i < rows.length; i++) {
      float[] row = rows[i];
      int bound = F.loopBound(row.length);
      DoubleVector acc0 = DoubleVector.zero(D);
      DoubleVector acc1 = DoubleVector.zero(D);
      for (int k = 0; k < bound; k += F.length()) {
        FloatVector v = FloatVector.fromArray(F, row, k);
        DoubleVector lo = (DoubleVector) v.convertShape(VectorOperators.F2D, D, 0);
        DoubleVector hi = (DoubleVector) v.convertShape(VectorOperators.F2D, D, 1);
        acc0 = lo.fma(lo, acc0);
        acc1 = hi.fma(hi, acc1);
      }
      double s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
      for (int k = bound; k < row.length; k++) {
        s += (double) row[k] * row[k];
      }
      out[i] = s;
    }
  }
}
