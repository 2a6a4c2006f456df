package io.byzcheck.benchmarks.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.byzcheck.benchmarks.regression.JmhResults.Trial;
import io.byzcheck.benchmarks.regression.Verdicts.Outcome;
import io.byzcheck.benchmarks.regression.Verdicts.Rule;
import io.byzcheck.benchmarks.regression.Verdicts.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The verdict rule on hand-made per-fork ratios, where every number can be worked out on paper. */
class VerdictsTest {
  private static Sample sample(String name, double... logRatios) {
    double[] r = new double[logRatios.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = Math.exp(logRatios[i]);
    }
    Map<String, String> params = new TreeMap<>(Map.of("n", "15", "d", "1000000"));
    return new Sample(Trial.key(name, params), name, params, "ms/op", r, r);
  }

  private static Map<String, Sample> of(Sample... s) {
    Map<String, Sample> m = new LinkedHashMap<>();
    for (Sample x : s) {
      m.put(x.key(), x);
    }
    return m;
  }

  private static Outcome only(List<Outcome> outcomes, String name) {
    return outcomes.stream().filter(o -> o.key().startsWith(name + " ")).findFirst().orElseThrow();
  }

  @Test
  void welchOnLogsByHand() {
    // logs 0, ±0.1 against 0.26, 0.26 ± 0.1: t = 0.26 / √(0.01/3 + 0.01/3) = 3.184 on 4 df, two-sided p = 0.0334.
    List<Outcome> o = Verdicts.compare(of(sample("A.x", 0, 0.1, -0.1)), of(sample("A.x", 0.26, 0.36, 0.16)),
        Rule.DEFAULT, k -> true);
    Outcome a = only(o, "A.x");
    assertThat(a.p()).isCloseTo(0.0334, within(5e-4));
    assertThat(a.effect()).isCloseTo(Math.exp(0.26), within(1e-12));
    // 95 % interval: 0.26 ± t(0.975, 4) · 0.08165 = 0.26 ± 2.7764 · 0.08165.
    assertThat(Math.log(a.high())).isCloseTo(0.26 + 2.7764 * 0.081650, within(1e-4));
    assertThat(a.verdict()).isEqualTo(Verdict.REGRESSED);
  }

  @Test
  void holmTakesTheOtherBenchmarksIntoAccount() {
    // The same p = 0.033 among ten benchmarks: Holm multiplies the smallest by 10, so nothing is flagged,
    // and with an interval reaching 1.63× the verdict must not claim UNCHANGED either.
    Map<String, Sample> base = new LinkedHashMap<>();
    Map<String, Sample> now = new LinkedHashMap<>();
    base.putAll(of(sample("A.x", 0, 0.1, -0.1)));
    now.putAll(of(sample("A.x", 0.26, 0.36, 0.16)));
    for (int b = 0; b < 9; b++) {
      base.putAll(of(sample("B" + b + ".x", 0, 0.01, -0.01)));
      now.putAll(of(sample("B" + b + ".x", 0.001, 0.011, -0.009)));
    }
    List<Outcome> o = Verdicts.compare(base, now, Rule.DEFAULT, k -> true);
    Outcome a = only(o, "A.x");
    assertThat(a.pHolm()).isCloseTo(10 * a.p(), within(1e-9));
    assertThat(a.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(o.stream().filter(x -> x.key().startsWith("B")).map(Outcome::verdict)).containsOnly(Verdict.UNCHANGED);
  }

  @Test
  void aLargeSpeedUpThatMissesHolmsLevelIsInconclusiveNotUnchanged() {
    // The mirror of the case above: 0.77× with p = 0.033 among ten benchmarks (Holm: 0.33). The interval,
    // exp(−0.26 ± 0.2267) = [0.61, 0.97], rules out a slowdown but not a speed-up of 2δ: not UNCHANGED.
    Map<String, Sample> base = new LinkedHashMap<>();
    Map<String, Sample> now = new LinkedHashMap<>();
    base.putAll(of(sample("A.x", 0, 0.1, -0.1)));
    now.putAll(of(sample("A.x", -0.26, -0.16, -0.36)));
    for (int b = 0; b < 9; b++) {
      base.putAll(of(sample("B" + b + ".x", 0, 0.01, -0.01)));
      now.putAll(of(sample("B" + b + ".x", 0.001, 0.011, -0.009)));
    }
    Outcome a = only(Verdicts.compare(base, now, Rule.DEFAULT, k -> true), "A.x");
    assertThat(a.high()).isLessThan(1.2);
    assertThat(a.low()).isLessThan(1 / 1.2);
    assertThat(a.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(a.note()).contains("speed-up");
  }

  @Test
  void abPairsRoundsSoThatTheMachinesDriftCancels() {
    // Five rounds in which the machine's speed moves 4× (log factors 0 … 1.4), A 40 % slower than B in
    // each, with ±1 % noise: unpaired, the drift swamps the effect; paired by round it is plain.
    double[] drift = {0, 1.4, 0.3, 0.9, 0.6};
    double[] noise = {0.01, -0.01, 0.005, 0, -0.005};
    double[] b = new double[5];
    double[] a = new double[5];
    for (int r = 0; r < 5; r++) {
      b[r] = drift[r];
      a[r] = drift[r] + Math.log(1.4) + noise[r];
    }
    Map<String, Sample> base = of(sample("A.x", b));
    Map<String, Sample> now = of(sample("A.x", a));
    assertThat(only(Verdicts.compare(base, now, Rule.DEFAULT, k -> true, false), "A.x").verdict())
        .isEqualTo(Verdict.INCONCLUSIVE);
    Outcome paired = only(Verdicts.compare(base, now, Rule.DEFAULT, k -> true, true), "A.x");
    assertThat(paired.verdict()).isEqualTo(Verdict.REGRESSED);
    assertThat(paired.effect()).isCloseTo(1.4, within(0.01));
    // Same drift, no change: unchanged, and the interval is narrow.
    double[] same = new double[5];
    for (int r = 0; r < 5; r++) {
      same[r] = drift[r] + noise[r];
    }
    Outcome unchanged = only(Verdicts.compare(base, of(sample("A.x", same)), Rule.DEFAULT, k -> true, true), "A.x");
    assertThat(unchanged.verdict()).isEqualTo(Verdict.UNCHANGED);
    assertThat(unchanged.high()).isLessThan(1.05);
  }

  @Test
  void oneForkCannotBeTested() {
    List<Outcome> o = Verdicts.compare(of(sample("A.x", 0, 0.1)), of(sample("A.x", 1.0)), Rule.DEFAULT, k -> true);
    assertThat(only(o, "A.x").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(only(o, "A.x").note()).contains("fewer than 2 forks");
  }

  @Test
  void newBenchmarksAreListedWithoutAVerdict() {
    List<Outcome> o = Verdicts.compare(of(), of(sample("A.x", 0, 0.1)), Rule.DEFAULT, k -> true);
    assertThat(only(o, "A.x").verdict()).isEqualTo(Verdict.NEW);
  }

  @Test
  void ratiosPairForkWithForkOfTheYardstick() {
    Map<String, String> p = new TreeMap<>(Map.of("n", "5", "d", "1000000"));
    List<Trial> run = List.of(new Trial("YardstickBenchmark.sum", p, "ms/op", new double[] {1, 2, 4}),
        new Trial("KrumBenchmark.aggregate", p, "ms/op", new double[] {2, 4, 8}));
    Sample s = Ratios.of(run, List.of()).values().iterator().next();
    assertThat(s.ratios()).containsExactly(2, 2, 2);
    assertThat(s.ratio()).isCloseTo(2, within(1e-12));
  }

  @Test
  void theStepIsReadAgainstTheYardstickAtItsWorkerCount() {
    Map<String, String> y = new TreeMap<>(Map.of("n", "50", "d", "100000"));
    Map<String, String> step = new TreeMap<>(Map.of("m", "50", "d", "100000", "samplesPerWorker", "8"));
    List<Trial> run = List.of(new Trial("YardstickBenchmark.sum", y, "ms/op", new double[] {1, 1}),
        new Trial("MedianGradientDescentStepBenchmark.step", step, "ms/op", new double[] {30, 33}));
    assertThat(Ratios.of(run, List.of()).values().iterator().next().ratios()).containsExactly(30, 33);
  }

  @Test
  void aForkIsTheMedianOfItsIterations() {
    List<Trial> t = JmhResults.parse("""
        [{"benchmark": "io.byzcheck.benchmarks.KrumBenchmark.aggregate", "params": {"n": "5", "d": "10"},
          "primaryMetric": {"scoreUnit": "ms/op", "rawData": [[10.0, 11.0, 95.0], [12.0, 12.5, 13.0]]}}]
        """);
    assertThat(t.getFirst().forks()).containsExactly(11.0, 12.5);
    assertThat(t.getFirst().benchmark()).isEqualTo("KrumBenchmark.aggregate");
  }

  @Test
  void theRuleStatesItsLevelAndEffect() {
    assertThat(Rule.DEFAULT.describe()).contains("Welch", "Holm", "α = 0.05", "δ = 10 %", "1.20");
  }
}
