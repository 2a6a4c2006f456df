package io.byzcheck.theory.yin;

import static io.byzcheck.theory.RateShape.exps;

import io.byzcheck.theory.Citation;
import io.byzcheck.theory.RateShape;
import io.byzcheck.theory.RateShape.Term;

/**
 * The two error rates Yin et al. 2018 compare in §4.3 and Table 1, logarithms dropped (Õ):
 * <ul>
 *   <li>YIN-RATE-MED, median GD: α/√n + 1/√(nm) + 1/n — slope −1/2 in n at fixed α &gt; 0 (once n &gt; 1/α²),
 *       −1/2 in m at α = 0 when n ≫ m, linear in α when α/√n dominates;</li>
 *   <li>YIN-RATE-TRM, trimmed-mean GD: β/√n + 1/√(nm), no 1/n term, so meaningful even for n = O(1).</li>
 * </ul>
 * Variables: alpha (or beta), n, m.
 */
public final class StatisticalRates {
  public static final Citation MEDIAN = new Citation("YIN-RATE-MED", "YIN", "§4.1 after Theorem 1; §4.3, Table 1");
  public static final Citation TRIMMED = new Citation("YIN-RATE-TRM", "YIN", "§4.2 after Theorem 4; §4.3, Table 1");

  private StatisticalRates() {}

  /** Õ(α/√n + 1/√(nm) + 1/n). */
  public static RateShape median() {
    return RateShape.of(MEDIAN,
        Term.of("α/√n", exps("alpha", 1, "n", -0.5)),
        Term.of("1/√(nm)", exps("n", -0.5, "m", -0.5)),
        Term.of("1/n", exps("n", -1)));
  }

  /** Õ(β/√n + 1/√(nm)). */
  public static RateShape trimmedMean() {
    return RateShape.of(TRIMMED,
        Term.of("β/√n", exps("beta", 1, "n", -0.5)),
        Term.of("1/√(nm)", exps("n", -0.5, "m", -0.5)));
  }
}
