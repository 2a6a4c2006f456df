package io.byzcheck.kernels;

/**
 * The non-finite policy ({@link FiniteWorkers}) applied the one way every rule of this library applies it,
 * as a template method. {@link #aggregate} validates the call once (the rule's own constraints on n and f,
 * {@link #checkConstraints}, then out.length = d and 0 ≤ f &lt; n), runs the rule on the input as given
 * ({@link #aggregateIfFinite}), and only if that finds a NaN or ±∞ coordinate screens the workers and runs
 * the rule again on the k finite ones with f − k ({@link #aggregateFinite}). The constraints need no second
 * check after screening: f &lt; n/2, n &gt; 2f + 2 and q ≤ n − f all survive dropping k ≤ f workers.
 *
 * <p>A rule whose first pass reads every coordinate anyway (the sorting pass of the trimmed mean and MeaMed,
 * the Gram pass of the distance rules) overrides {@link #aggregateIfFinite} to fold the check into that
 * pass and so saves the separate read of all n·d floats; the others get that read. A clean round allocates
 * nothing here.
 */
public abstract class ScreeningRule implements AggregationRule {

  /** For subclasses. */
  protected ScreeningRule() {}

  @Override
  public final void aggregate(WorkerVectors x, int f, float[] out) {
    FiniteWorkers.requireInput(x);
    checkConstraints(x.n(), f);
    FiniteWorkers.requireCall(this, x, f, out);
    if (aggregateIfFinite(x, f, out)) {
      return;
    }
    FiniteWorkers s = FiniteWorkers.screenValidated(x, f);
    aggregateFinite(s.vectors(), s.f(), out);
  }

  /**
   * The rule's own constraints on n workers of which f are Byzantine (f &lt; n/2, n &gt; 2f + 2, …), checked
   * before anything is computed, with a message naming rule, paper and constraint. None by default.
   */
  protected void checkConstraints(int n, int f) {}

  /**
   * The rule on {@code x} as given, which may hold NaN or ±∞: false, with {@code out} unspecified, if some
   * coordinate is not finite (the template then screens and calls {@link #aggregateFinite}). By default one
   * scan of the rows, then {@link #aggregateFinite} on them.
   */
  protected boolean aggregateIfFinite(WorkerVectors x, int f, float[] out) {
    if (!FiniteWorkers.allFinite(x)) {
      return false;
    }
    aggregateFinite(x, f, out);
    return true;
  }

  /** The rule on finite workers, f of them Byzantine, into {@code out}; the call is already validated. */
  protected abstract void aggregateFinite(WorkerVectors finite, int f, float[] out);
}
