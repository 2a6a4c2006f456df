package io.byzcheck.theory.resam;

import static io.byzcheck.theory.TheoryValidation.checkAtLeast;
import static io.byzcheck.theory.TheoryValidation.checkByzantineCount;
import static io.byzcheck.theory.TheoryValidation.checkMinorityByzantine;

import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;

/**
 * Resilience coefficients λ of (f, λ)-resilient averaging (Farhadkhani et al. 2022, Definition 2),
 * as listed in Table 1 and derived in Appendix C. Every rule's coefficient validates f &lt; n/2; the
 * lower bound of Proposition 2 is stated for 0 ≤ f &lt; n.
 */
public final class ResilienceCoefficient {
  private ResilienceCoefficient() {}

  private static final String F_LT_HALF = "f < n/2";

  public static final Citation CWMED = new Citation("RES-T1-CWMED", "RES", "Table 1; Appendix C.7, Proposition 8");
  public static final Citation CWTM = new Citation("RES-T1-CWTM", "RES", "Table 1; Appendix C.3, Proposition 4");
  public static final Citation MEAMED = new Citation("RES-T1-MEAMED", "RES", "Table 1; Appendix C.4, Proposition 5");
  public static final Citation MDA = new Citation("RES-T1-MDA", "RES", "Table 1; Appendix C.2, Proposition 3");
  public static final Citation KRUM = new Citation("RES-T1-KRUM", "RES", "Table 1; Appendix C.5, Proposition 6 (q = 1)");
  public static final Citation MULTI_KRUM = new Citation("RES-P6-MULTIKRUM", "RES", "Appendix C.5, Proposition 6");
  public static final Citation GM = new Citation("RES-T1-GM", "RES", "Table 1; Appendix C.6, Proposition 7");
  public static final Citation LOWER_BOUND = new Citation("RES-P2-LB", "RES", "Table 1; Appendix C.1, Proposition 2");
  private static final Citation DELTA = new Citation("RES-L5", "RES", "Table 1, Δ; Appendix C.3, Lemma 5");

  /** Δ := min{2√(n−f), √d}, the coordinate-wise factor of Table 1 (Lemma 5). */
  public static double delta(int n, int f, int d) {
    return delta(DELTA, n, f, d);
  }

  private static double delta(Citation statement, int n, int f, int d) {
    checkMinorityByzantine(statement, n, f);
    checkAtLeast(statement, "d", d, 1);
    return Math.min(2 * Math.sqrt(n - f), Math.sqrt(d));
  }

  /** RES-T1-CWMED: λ = n/(2(n−f))·Δ (Prop. 8). */
  public static Bound coordinateWiseMedian(int n, int f, int d) {
    double lambda = n / (2.0 * (n - f)) * delta(CWMED, n, f, d);
    return Bound.of(lambda, CWMED, F_LT_HALF);
  }

  /** RES-T1-CWTM: λ = f/(n−f)·Δ (Prop. 4), trimming f per side. */
  public static Bound coordinateWiseTrimmedMean(int n, int f, int d) {
    double lambda = (double) f / (n - f) * delta(CWTM, n, f, d);
    return Bound.of(lambda, CWTM, F_LT_HALF);
  }

  /** RES-T1-MEAMED: λ = 2f/(n−f)·Δ (Prop. 5). */
  public static Bound meanAroundMedian(int n, int f, int d) {
    double lambda = 2.0 * f / (n - f) * delta(MEAMED, n, f, d);
    return Bound.of(lambda, MEAMED, F_LT_HALF);
  }

  /** RES-T1-MDA: λ = 2f/(n−f) (Prop. 3). */
  public static Bound minimumDiameterAveraging(int n, int f) {
    checkMinorityByzantine(MDA, n, f);
    return Bound.of(2.0 * f / (n - f), MDA, F_LT_HALF);
  }

  /** RES-T1-KRUM: Krum* (n−f−1 nearest), λ = 1 + √((n−f)/(n−2f)) (Prop. 6 with q = 1). */
  public static Bound krumStar(int n, int f) {
    checkMinorityByzantine(KRUM, n, f);
    double lambda = 1 + Math.sqrt((double) (n - f) / (n - 2 * f));
    return Bound.of(lambda, KRUM, F_LT_HALF);
  }

  /** RES-P6-MULTIKRUM: Multi-Krum*_q, λ = (1 + √((n−f)/(n−2f)))·min{1, (n−q)/(n−f)}, 1 ≤ q ≤ n−f. */
  public static Bound multiKrumStar(int n, int f, int q) {
    checkMinorityByzantine(MULTI_KRUM, n, f);
    io.byzcheck.theory.TheoryValidation.check(MULTI_KRUM, q >= 1 && q <= n - f, "1 ≤ q ≤ n − f",
        "n − f = " + (n - f) + ", q = " + q);
    double lambda = (1 + Math.sqrt((double) (n - f) / (n - 2 * f))) * Math.min(1.0, (double) (n - q) / (n - f));
    return Bound.of(lambda, MULTI_KRUM, F_LT_HALF, "1 ≤ q ≤ n − f");
  }

  /** RES-T1-GM: geometric median, λ = 1 + (n−f)/√((n−2f)n) (Prop. 7). */
  public static Bound geometricMedian(int n, int f) {
    checkMinorityByzantine(GM, n, f);
    double lambda = 1 + (n - f) / Math.sqrt((double) (n - 2 * f) * n);
    return Bound.of(lambda, GM, F_LT_HALF);
  }

  /** RES-P2-LB: for 0 ≤ f &lt; n no rule is (f, λ)-resilient for λ &lt; f/(n−f) (Prop. 2). */
  public static Bound lowerBound(int n, int f) {
    checkByzantineCount(LOWER_BOUND, n, f);
    return Bound.of((double) f / (n - f), LOWER_BOUND, "0 ≤ f < n");
  }
}
