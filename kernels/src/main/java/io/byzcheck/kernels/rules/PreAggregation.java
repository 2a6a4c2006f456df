package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.ScreeningRule;
import io.byzcheck.kernels.WorkerVectors;

/**
 * A step applied to the n inputs before an aggregation rule (nearest-neighbour mixing, bucketing,
 * clipping). It receives finite rows (the composition screens first) and returns new vectors; the
 * caller's input is never modified.
 */
public interface PreAggregation {

  String name();

  /** The transformed workers, given the finite inputs and the Byzantine budget f left after screening. */
  WorkerVectors apply(WorkerVectors finite, int f);

  /**
   * The step's own constraints on the caller's n workers of which f are Byzantine (NNM: f &lt; n/2), checked
   * by {@link #then} before anything is computed; none by default.
   */
  default void checkConstraints(int n, int f) {}

  /** This step followed by {@code rule}, e.g. NNM∘CWTM. The rule sees the transformed vectors with the same f. */
  default AggregationRule then(AggregationRule rule) {
    PreAggregation pre = this;
    return new ScreeningRule() {
      @Override
      public String name() {
        return rule.name() + "∘" + pre.name();
      }

      @Override
      protected void checkConstraints(int n, int f) {
        pre.checkConstraints(n, f);
      }

      @Override
      protected void aggregateFinite(WorkerVectors finite, int f, float[] out) {
        rule.aggregate(pre.apply(finite, f), f, out);
      }
    };
  }
}
