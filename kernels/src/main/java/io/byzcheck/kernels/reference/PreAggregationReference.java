package io.byzcheck.kernels.reference;

/**
 * The plain reference of a pre-aggregation step ({@link io.byzcheck.kernels.rules.PreAggregation}): new
 * vectors in double from finite ones, written from the paper's definition; {@link #then} composes it with
 * a reference rule, which sees the transformed vectors with the same f, as the fast composition does.
 */
public interface PreAggregationReference {

  String name();

  /** The transformed vectors, given the finite inputs and the Byzantine budget f left after screening. */
  double[][] applyExact(double[][] x, int f);

  /** This step followed by {@code rule}, e.g. Mean∘NNM. */
  default ReferenceRule then(ReferenceRule rule) {
    PreAggregationReference pre = this;
    return new ReferenceRule() {
      @Override
      public String name() {
        return rule.name() + "∘" + pre.name();
      }

      @Override
      public double[] aggregateExact(double[][] x, int f) {
        return rule.aggregateExact(pre.applyExact(x, f), f);
      }
    };
  }
}
