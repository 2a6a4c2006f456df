package io.byzcheck.theory.resam;

import io.byzcheck.theory.Citation;
import io.byzcheck.theory.Discrepancy;

/**
 * Farhadkhani et al. 2022, §5 and Appendix D (RES-Q-MOM): the MNIST experiments' settings as printed, and
 * the claim a reproduction compares against: resilient averaging with β = 0.99 stays near the no-attack
 * run while β = 0 degrades under little, and CGE does not recover with momentum.
 */
public final class MomentumExperiments {
  public static final Citation CITATION = new Citation("RES-Q-MOM", "RES", "§5, Figs. 1–3");

  /** n = 15 workers on MNIST. */
  public static final int WORKERS = 15;
  /** f = 5 Byzantine (Figs. 1 and 3). */
  public static final int BYZANTINE = 5;
  /** γ = 0.5 as in Appendix D (see {@link #LEARNING_RATE}). */
  public static final double LEARNING_RATE_APPENDIX_D = 0.5;
  /** b = 25. */
  public static final int BATCH = 25;
  /** ℓ₂-regularisation 10⁻⁴. */
  public static final double L2 = 1e-4;
  /** The two momentum rows of the figures. */
  public static final double BETA_NONE = 0;
  public static final double BETA_HIGH = 0.99;

  /** §5 and Appendix D give different learning rates for the same MNIST setting. */
  public static final Discrepancy LEARNING_RATE = new Discrepancy("RES-Q-MOM",
      "§5: 'n = 15, a constant learning rate γ = 0.75'; Appendix D: 'n = 15, a constant learning rate γ = 0.5'",
      "γ = 0.5 (Appendix D) in the reproduction",
      "both paragraphs describe the MNIST/Fashion-MNIST CNN with n = 15, b = 25 and ℓ₂ = 10⁻⁴; nothing says "
          + "which γ produced Figs. 1 and 3");

  /** The figures' reading for a rule: the no-attack benchmark, a resilient averaging rule, or CGE. */
  public static String claim(boolean benchmark, boolean resilientAveraging) {
    return benchmark ? "benchmark" : resilientAveraging ? "β = 0.99 near no attack" : "does not recover with momentum";
  }

  private MomentumExperiments() {}
}
