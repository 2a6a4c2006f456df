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
    double[][] y = new double[n][BLOCK];
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
      }
      int dlen = D.loopBound(len);
      for (int i = 0; i < n; i++) {
        double[] yi = y[i];
        for (int j = i; j < n; j++) {
          double[] yj = y[j];
          DoubleVector acc0 = DoubleVector.zero(D);
          DoubleVector acc1 = DoubleVector.zero(D);
          int k = 0;
          for (; k + 2 * half <= dlen; k += 2 * half) {
            acc0 = DoubleVector.fromArray(D, yi, k).fma(DoubleVector.fromArray(D, yj, k), acc0);
            acc1 = DoubleVector.fromArray(D, yi, k + half).fma(DoubleVector.fromArray(D, yj, k + half), acc1);
          }
          for (; k < dlen; k += half) {
            acc0 = DoubleVector.fromArray(D, yi, k).fma(DoubleVector.fromArray(D, yj, k), acc0);
          }
          double s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
          for (; k < len; k++) {
            s += yi[k] * yj[k];
          }
          g[i][j] += s;
        }
      }
    }
    ScalarGramKernel.symmetrise(g);
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
