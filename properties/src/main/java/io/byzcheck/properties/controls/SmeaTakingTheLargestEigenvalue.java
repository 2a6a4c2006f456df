package io.byzcheck.properties.controls;

import io.byzcheck.kernels.reference.Geometry;
import io.byzcheck.kernels.reference.ReferenceRule;
import io.byzcheck.kernels.reference.SmallestMaximumEigenvalueAveragingReference;
import io.byzcheck.kernels.reference.Subsets;

/**
 * NEGATIVE CONTROL, wrong on purpose: SMEA's search with the comparison turned round, the mean of the n − f inputs
 * whose covariance has the LARGEST largest eigenvalue. A far Byzantine input is always in that subset, and the mean
 * follows it.
 */
public final class SmeaTakingTheLargestEigenvalue implements ReferenceRule {

  @Override
  public String name() {
    return "SMEA maximising λ_max (wrong on purpose)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    int[] s = Subsets.first(x.length - f);
    int[] best = s.clone();
    double bestLambda = -1;
    do {
      double l = SmallestMaximumEigenvalueAveragingReference.largestCovarianceEigenvalue(x, s);
      if (l > bestLambda) {
        bestLambda = l;
        best = s.clone();
      }
    } while (Subsets.next(s, x.length));
    return Geometry.mean(x, best);
  }
}
