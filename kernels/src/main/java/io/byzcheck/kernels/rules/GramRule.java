package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.ScreeningRule;
import io.byzcheck.kernels.WorkerVectors;

/**
 * A distance-family rule: its non-finite check rides on the Gram pass ({@link Workspace#withFiniteGram}),
 * so a clean round reads the n·d floats once. On a screened round the Gram of the finite workers is the
 * double one: there is nothing left to save.
 */
abstract class GramRule extends ScreeningRule {
  /** Whether a clean round starts on the faster ranking Gram, whose decisions the rule then certifies. */
  private final boolean ranking;

  GramRule(boolean ranking) {
    this.ranking = ranking;
  }

  @Override
  protected boolean aggregateIfFinite(WorkerVectors x, int f, float[] out) {
    Workspace w = Workspace.withFiniteGram(x, ranking);
    if (w == null) {
      return false;
    }
    run(w, f, out);
    return true;
  }

  @Override
  protected void aggregateFinite(WorkerVectors finite, int f, float[] out) {
    run(Workspace.withGram(finite, false), f, out);
  }

  /** The rule on the workspace's rows and Gram, f of them Byzantine; releases the workspace when done. */
  abstract void run(Workspace w, int f, float[] out);
}
