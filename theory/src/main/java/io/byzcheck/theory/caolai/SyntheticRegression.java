package io.byzcheck.theory.caolai;

import io.byzcheck.theory.Citation;
import io.byzcheck.theory.TheoryValidation;

/**
 * Cao &amp; Lai 2020, §V-A, Figs. 2–5 (CAO-FIG2-5): the synthetic least-squares experiment's settings as
 * printed, and what the figures show for each number of attackers.
 */
public final class SyntheticRegression {
  public static final Citation CITATION = new Citation("CAO-FIG2-5", "CAO", "§V-A, Figs. 2–5");

  /** d = 20. */
  public static final int DIMENSION = 20;
  /** N = 50 000 data points in total. */
  public static final int SAMPLES = 50_000;
  /** m = 50 workers, data evenly distributed. */
  public static final int WORKERS = 50;
  /** The two numbers of attackers of the four cases (with the inverse and the random attack each). */
  public static final int FEW_ATTACKERS = 20;
  public static final int MANY_ATTACKERS = 45;
  /** |S₀| = 1000, the server's clean sample (CNM and robust GD). */
  public static final int SERVER_SAMPLE = 1000;
  /** ξ = ξ₁ = ξ₂ = 0.223 (see {@link ComparisonBasedNewton#XI_ROUNDING}). */
  public static final double XI = 0.223;
  /** η = 1 for GIANT and MNM. */
  public static final double ETA = 1;
  /** μ = 0.001 for CNM. */
  public static final double MU = 0.001;
  /** λ_min(XᵀX) = 2 and λ_max(XᵀX) = 200. */
  public static final double EIGENVALUE_MIN = 2;
  public static final double EIGENVALUE_MAX = 200;

  private SyntheticRegression() {}

  /** What Figs. 2–3 (fewer than m/2 attackers) and Figs. 4–5 (more) show. */
  public static String outcome(int attackers) {
    TheoryValidation.check(CITATION, attackers >= 0 && attackers <= WORKERS, "0 ≤ attackers ≤ m",
        "m = " + WORKERS + ", attackers = " + attackers);
    return 2 * attackers < WORKERS ? "GIANT fails; MNM, CNM, robust GD converge"
        : "GIANT and MNM fail; CNM and robust GD converge";
  }
}
