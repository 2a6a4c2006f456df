package io.byzcheck.properties.stats;

/**
 * One claim evaluated on the trials so far.
 *
 * @param label what was tested, e.g. "P(f(x̄) − f* > bound)" or "t = 5"
 * @param estimate the point estimate (a failure rate, a mean, a ratio of moments)
 * @param lower lower confidence bound at the test's level
 * @param upper upper confidence bound at the test's level
 * @param bound what the paper allows for the estimate (δ, B, the claimed value)
 * @param tightness how close the measured quantity comes to the paper's bound (1 = at the bound)
 * @param pValue p-value of H₀ "the claim holds"
 * @param detectable power: the smallest violation, as a multiple of {@code bound}, that the test at this level
 *     and trial count detects with probability ≥ 0.9 (e.g. 3.1 for a failure probability of 3.1δ); +∞ if none
 * @param certified the confidence bound already lies on the claim's side (the check may stop early)
 * @param informative whether the detectable violation is within the claim's stated cap (otherwise INCONCLUSIVE)
 */
public record Evaluation(String label, double estimate, double lower, double upper, double bound, double tightness,
    double pValue, double detectable, boolean certified, boolean informative) {}
