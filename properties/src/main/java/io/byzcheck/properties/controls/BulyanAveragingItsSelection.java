package io.byzcheck.properties.controls;

import io.byzcheck.kernels.reference.BulyanReference;
import io.byzcheck.kernels.reference.Geometry;
import io.byzcheck.kernels.reference.ReferenceRule;
import io.byzcheck.kernels.rules.Bulyan;

/**
 * NEGATIVE CONTROL, wrong on purpose: Bulyan's iterated Krum selection of θ = n − 2f workers, then the plain
 * mean of the selection instead of the β = θ − 2f values nearest each coordinate's median. The last Krum rounds
 * count few neighbours (none at f = 1), so a far Byzantine worker can be selected, and the mean then follows it.
 */
public final class BulyanAveragingItsSelection implements ReferenceRule {

  @Override
  public String name() {
    return "Bulyan averaging its whole selection (wrong on purpose)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    Bulyan.validate(x.length, f);
    return Geometry.mean(x, BulyanReference.selection(x, f));
  }
}
