package io.byzcheck.kernels.sim.problem;

/**
 * Yin Def. 9: f(w, z) = ½wᵀHw + pᵀw + c with z = (H, p, c) drawn per sample, the setting of the
 * one-round algorithm's Theorem 7. Each sample is stored as one row of the data set: the d×d matrix
 * H row-major, then p; the target holds c. H must be symmetric.
 */
public record QuadraticLoss(Dataset data, int dimension) implements Objective {
  public QuadraticLoss {
    if (dimension < 1 || data.cols() != dimension * dimension + dimension) {
      throw new IllegalArgumentException("a quadratic sample of dimension " + dimension + " needs d² + d = "
          + ((long) dimension * dimension + dimension) + " values, the data rows have " + data.cols());
    }
    for (int i = 0; i < data.rows(); i++) {
      for (int a = 0; a < dimension; a++) {
        for (int b = a + 1; b < dimension; b++) {
          if (h(data, i, a, b, dimension) != h(data, i, b, a, dimension)) {
            throw new IllegalArgumentException("H of sample " + i + " is not symmetric at (" + a + ", " + b + ")");
          }
        }
      }
    }
  }

  private static double h(Dataset data, int i, int a, int b, int d) {
    return data.features()[i * data.cols() + a * d + b];
  }

  private double p(int i, int a) {
    return data.features()[i * data.cols() + dimension * dimension + a];
  }

  @Override
  public double loss(double[] w) {
    requireDimension(w);
    double s = 0;
    for (int i = 0; i < data.rows(); i++) {
      for (int a = 0; a < dimension; a++) {
        double hw = 0;
        for (int b = 0; b < dimension; b++) {
          hw += h(data, i, a, b, dimension) * w[b];
        }
        s += 0.5 * w[a] * hw + p(i, a) * w[a];
      }
      s += data.targets()[i];
    }
    return s / data.rows();
  }

  @Override
  public void gradient(double[] w, double[] out) {
    requireDimension(w);
    hessianVector(w, w, out);
    for (int i = 0; i < data.rows(); i++) {
      for (int a = 0; a < dimension; a++) {
        out[a] += p(i, a) / data.rows();
      }
    }
  }

  @Override
  public void hessianVector(double[] w, double[] v, double[] out) {
    requireDimension(v);
    java.util.Arrays.fill(out, 0);
    for (int i = 0; i < data.rows(); i++) {
      for (int a = 0; a < dimension; a++) {
        double hv = 0;
        for (int b = 0; b < dimension; b++) {
          hv += h(data, i, a, b, dimension) * v[b];
        }
        out[a] += hv / data.rows();
      }
    }
  }

  @Override
  public Objective restrict(int[] samples) {
    return new QuadraticLoss(data.subset(samples), dimension);
  }

  @Override
  public Objective on(Dataset other) {
    return new QuadraticLoss(other, dimension);
  }
}
