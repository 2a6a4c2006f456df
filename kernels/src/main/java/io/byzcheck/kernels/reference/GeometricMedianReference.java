package io.byzcheck.kernels.reference;

/**
 * Geometric median argmin_z Σ‖z − xᵢ‖ (Cao &amp; Lai eq. 13) computed directly in coordinates, in
 * double: Weiszfeld with the Vardi–Zhang step at data points, from the coordinate-wise mean, until
 * the step moves z by less than 1e−13 of the data's spread (or 200 000 steps): {@link
 * WeightedReference#geometricMedian} at unit weights. A different route from the fast rule's coefficient-space
 * iteration, used to check it.
 */
public final class GeometricMedianReference implements ReferenceRule {

  @Override
  public String name() {
    return "GM (reference)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    double[] ones = new double[x.length];
    java.util.Arrays.fill(ones, 1);
    return WeightedReference.geometricMedian(x, ones);
  }
}
