package io.byzcheck.theory;

import static io.byzcheck.theory.RateShape.exps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.theory.RateShape.LogFactor;
import io.byzcheck.theory.RateShape.Term;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Admissibility and RateShape on small hand-checked cases. */
class VocabularyTest {
  private static final Citation C = new Citation("TEST", "YIN", "nowhere");

  @Test
  void admissibilityListsEveryFailedConditionByName() {
    Admissibility a = Admissibility.of(C).require("n ≥ 1", true, "n = 3").require("α < 1/2", false, "α = 0.7")
        .require("ε > 0", false, "ε = 0").build();
    assertThat(a.admissible()).isFalse();
    assertThat(a.failedNames()).containsExactly("α < 1/2", "ε > 0");
    assertThatThrownBy(a::orThrow).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("α < 1/2 (α = 0.7)").hasMessageContaining("ε > 0 (ε = 0)")
        .hasMessageContaining("TEST").hasMessageNotContaining("n ≥ 1");
    Admissibility ok = Admissibility.of(C).require("n ≥ 1", true, "n = 3").build();
    assertThat(ok.admissible()).isTrue();
    assertThat(ok.failures()).isEmpty();
    assertThat(ok.orThrow()).isSameAs(ok);
  }

  /**
   * R = α/√n + 1/√(nm) at α = 0.5, n = 4, m = 9: 0.5/2 + 1/6 = 0.25 + 0.16667 = 0.41667; dominant α/√n.
   * Local slope in n: both terms have exponent −1/2, so −1/2 exactly; in m: −(1/2)·(1/6)/0.41667 = −0.2.
   */
  @Test
  void evaluateDominantTermAndSlope() {
    RateShape r = RateShape.of(C, Term.of("α/√n", exps("alpha", 1, "n", -0.5)),
        Term.of("1/√(nm)", exps("n", -0.5, "m", -0.5)));
    Map<String, Double> at = Map.of("alpha", 0.5, "n", 4.0, "m", 9.0);
    assertThat(r.evaluate(at)).isCloseTo(0.25 + 1.0 / 6, within(1e-12));
    assertThat(r.dominantTerm(at).label()).isEqualTo("α/√n");
    assertThat(r.localSlope("n", at)).isCloseTo(-0.5, within(1e-12));
    assertThat(r.localSlope("m", at)).isCloseTo(-0.2, within(1e-12));
    assertThat(r.exponentsOf("n")).containsExactly(-0.5, -0.5);
    assertThat(r.exponentsOf("alpha")).containsExactly(1.0, 0.0);
    assertThat(r.variables()).containsExactly("alpha", "m", "n");
    // α = 0: the Byzantine term vanishes and 1/√(nm) = 1/6 dominates.
    assertThat(r.dominantTerm(Map.of("alpha", 0.0, "n", 4.0, "m", 9.0)).label()).isEqualTo("1/√(nm)");
  }

  /** x·log(x) at x = e: value e·1 = e; slope 1 + 1/log(e) = 2 (d log(x log x)/d log x = 1 + 1/log x). */
  @Test
  void logFactor() {
    RateShape r = RateShape.of(C, new Term("x log x", exps("x", 1), new LogFactor(List.of("x"), 1)));
    assertThat(r.terms().getFirst().hasLog()).isTrue();
    assertThat(r.evaluate(Map.of("x", Math.E))).isCloseTo(Math.E, within(1e-12));
    assertThat(r.localSlope("x", Map.of("x", Math.E))).isCloseTo(2.0, within(1e-12));
    assertThatThrownBy(() -> r.evaluate(Map.of("x", 1.0))).hasMessageContaining("> 0");
  }

  @Test
  void invalidVariablesAreNamed() {
    RateShape r = RateShape.of(C, Term.of("1/n", exps("n", -1)));
    assertThatThrownBy(() -> r.evaluate(Map.of())).hasMessageContaining("n has no value");
    assertThatThrownBy(() -> r.evaluate(Map.of("n", -1.0))).hasMessageContaining("non-negative");
    assertThatThrownBy(() -> r.evaluate(Map.of("n", 0.0))).hasMessageContaining("negative power of n");
    assertThatThrownBy(() -> RateShape.of(C)).hasMessageContaining("at least one term");
  }
}
