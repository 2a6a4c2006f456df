package io.byzcheck.kernels.reference;

/** Centred clipping iterated directly in coordinates, in double (RESAM C.8), from v₀ = 0 or a given v₀. */
public final class CentredClippingReference implements ReferenceRule {
  private final double tau;
  private final int iterations;
  private final double[] v0;

  public CentredClippingReference(double tau, int iterations, double[] v0) {
    this.tau = tau;
    this.iterations = iterations;
    this.v0 = v0;
  }

  @Override
  public String name() {
    return "CC (reference)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    int n = x.length;
    int d = x[0].length;
    double[] v = v0 == null ? new double[d] : v0.clone();
    for (int l = 0; l < iterations; l++) {
      double[] next = v.clone();
      for (double[] xi : x) {
        double dist = Math.sqrt(Geometry.squaredDistance(xi, v));
        double c = dist <= tau ? 1 : tau / dist;
        for (int k = 0; k < d; k++) {
          next[k] += (xi[k] - v[k]) * c / n;
        }
      }
      v = next;
    }
    return v;
  }
}
