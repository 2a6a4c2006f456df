package io.byzcheck.properties.statistical;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;
import io.byzcheck.kernels.rules.CoordinateWiseTrimmedMean;
import io.byzcheck.kernels.rules.Mean;
import io.byzcheck.properties.Seeds;
import io.byzcheck.properties.stats.Claim;
import io.byzcheck.properties.stats.Plan;
import io.byzcheck.properties.stats.StatisticalCheck;
import io.byzcheck.theory.yin.MeanEstimationLowerBound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Yin et al. 2018, Observation 1 (YIN-OBS1), on Appendix G's construction: each of m = 100 machines is Byzantine with
 * probability α = 0.1, independently; world k has mean μ_k (μ₁ = 0, μ₂ = the exact indistinguishable separation
 * {@link MeanEstimationLowerBound#separation} 2σΦ⁻¹(1/(2(1−α)))/√n); a normal machine holds n samples of N(μ_k, σ²), a
 * Byzantine one n samples of Q_k, the scaled positive part of φ_{3−k} − φ_k, so that (1−α)P₁ⁿ + αQ₁ = (1−α)P₂ⁿ + αQ₂
 * (73): a machine's data have the same law in both worlds. The likelihood ratio depends on the sample mean only, so a
 * machine is simulated by its local mean x̄ (the local ERM): N(μ_k, σ²/n) for a normal machine, and for a Byzantine
 * one the density ∝ (ψ_{3−k} − ψ_k)₊ of the means, drawn by rejection from ψ_{3−k} ({@link HuberTwoPoint}). The
 * estimators are the server steps of the algorithms on these means: median GD and the one-round median (Alg. 1 Option I with η = 1/L_F from
 * any w⁰ and Alg. 2 both return the median of the local means here), β-trimmed-mean GD (β = 0.2) and the plain mean,
 * through the kernels' rules.
 *
 * <p>Since an estimator's output has the same law in both worlds, E|μ̂ − μ₁| + E|μ̂ − μ₂| ≥ |μ₁ − μ₂| for every
 * estimator (triangle inequality); the worlds are simulated independently, so an estimator that appears to beat
 * that (a ratio (E₁ + E₂)/sep below 1) means the simulation distinguishes the worlds — a bug. Likewise P₁(|μ̂ − μ₁| ≥
 * sep/2) + P₂(|μ̂ − μ₂| ≥ sep/2) ≥ 1, the observation's "constant probability". Two claims per n = 16, 64, 256
 * ({@link MeanAtLeast}, t-tests, Bonferroni); the report shows the measured/lower-bound ratio per claim. The √(d/(nm)) term
 * is cited by Appendix G from minimax theory, not constructed ({@link MeanEstimationLowerBound#PROOF_SCOPE}); it
 * is not checked here.
 */
final class YinLowerBoundChecks {
  private YinLowerBoundChecks() {}

  static final int M = 100;
  static final double ALPHA = 0.1;
  static final double SIGMA = 1;
  static final int[] NS = {16, 64, 256};
  static final double TRIM = 0.2;

  /** What the server computes from the m local means (a control may peek at which machines are Byzantine). */
  enum Estimator {
    MEDIAN("median GD / one-round median (median of the local means)", new CoordinateWiseMedian()),
    TRIMMED("β-trimmed-mean GD, β = 0.2", CoordinateWiseTrimmedMean.byFraction(TRIM)),
    MEAN("plain mean of the local means", new Mean()),
    ORACLE("control: an oracle that knows which machines are Byzantine (mean of the normal ones)", new Mean());

    final String label;
    final AggregationRule rule;

    Estimator(String label, AggregationRule rule) {
      this.label = label;
      this.rule = rule;
    }
  }

  /** The separation |μ₁ − μ₂| of Appendix G at n. */
  static double separation(int n) {
    return MeanEstimationLowerBound.separation(ALPHA, SIGMA, n).value();
  }

  /** |μ̂ − μ_k| of one world. */
  static double worldError(Estimator e, int k, int n, SplittableRandom r) {
    double sep = separation(n);
    double[] mu = {0, sep};
    double s = SIGMA / Math.sqrt(n);
    float[][] means = new float[M][];
    List<float[]> normal = new ArrayList<>();
    for (int i = 0; i < M; i++) {
      boolean b = r.nextDouble() < ALPHA;
      means[i] = new float[] {(float) HuberTwoPoint.localMean(b, k, mu, s, r)};
      if (!b) {
        normal.add(means[i]);
      }
    }
    WorkerVectors all = e == Estimator.ORACLE ? WorkerVectors.wrap(normal.toArray(new float[0][]))
        : WorkerVectors.wrap(means);
    int f = switch (e) {
      case MEDIAN -> (M - 1) / 2;
      case TRIMMED -> (int) Math.floor(TRIM * M);
      default -> 0;
    };
    float[] out = new float[1];
    e.rule.aggregate(all, f, out);
    return Math.abs(out[0] - mu[k]);
  }

  /**
   * Per n, (|μ̂ − μ₁| in world 1 + |μ̂ − μ₂| in world 2)/separation, then per n 1{|μ̂ − μ₁| ≥ sep/2} + 1{|μ̂ − μ₂| ≥
   * sep/2} (Observation 1's "constant probability": P₁(error ≥ sep/2) + P₂(error ≥ sep/2) ≥ 1, so one world errs
   * by sep/2 with probability ≥ 1/2), the worlds drawn independently.
   */
  static double[] trial(Estimator e, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] out = new double[2 * NS.length];
    for (int j = 0; j < NS.length; j++) {
      double sep = separation(NS[j]);
      double e1 = worldError(e, 0, NS[j], r.split());
      double e2 = worldError(e, 1, NS[j], r.split());
      out[j] = (e1 + e2) / sep;
      out[NS.length + j] = (e1 >= sep / 2 ? 1 : 0) + (e2 >= sep / 2 ? 1 : 0);
    }
    return out;
  }

  static List<StatisticalEntry> entries(StatisticalBudget budget) {
    List<StatisticalEntry> out = new ArrayList<>();
    for (Estimator e : List.of(Estimator.MEDIAN, Estimator.TRIMMED, Estimator.MEAN)) {
      out.add(entry(e, 1, budget));
    }
    out.add(entry(Estimator.ORACLE, 1, budget));
    out.add(entry(Estimator.MEDIAN, 2, budget));
    return out;
  }

  /**
   * @param constant the multiple of the separation claimed (1: Appendix G's; 2: the control's deliberately wrong
   *     constant, which the median must be found to beat)
   */
  private static StatisticalEntry entry(Estimator e, double constant, StatisticalBudget budget) {
    boolean control = e == Estimator.ORACLE || constant != 1;
    String what = e == Estimator.ORACLE ? "an estimator given oracle knowledge of which machines are Byzantine"
        : constant != 1 ? "the lower bound with a deliberately wrong constant: 2× Appendix G's separation, against "
            + "the median" : null;
    String name = "YIN-OBS1 " + e.name() + (control ? " [control: " + what + "]" : "");
    String experiment = control ? what : "Simulate Appendix G's two indistinguishable worlds (per-machine Byzantine "
        + "probability α = 0.1, m = 100, σ = 1) at n = 16, 64, 256 and estimate with " + e.label + ": the mean "
        + "errors of the two worlds must add up to at least the separation 2σΦ⁻¹(1/(2(1−α)))/√n (ratio ≥ 1), and "
        + "the probabilities that each world errs by half of it must add up to at least 1.";
    return new StatisticalEntry("YIN-OBS1", name, control, experiment, level -> {
      long seed = Seeds.derive(budget.seed(), name);
      List<Claim> claims = new ArrayList<>();
      for (int j = 0; j < NS.length; j++) {
        claims.add(new MeanAtLeast("(E₁ + E₂)/sep at n = " + NS[j], j, constant));
      }
      for (int j = 0; j < NS.length; j++) {
        claims.add(new MeanAtLeast("P₁(E ≥ sep/2) + P₂(E ≥ sep/2) at n = " + NS[j], NS.length + j, constant));
      }
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("problem", "Gaussian mean estimation, d = 1, σ = " + SIGMA);
      p.put("m", M);
      p.put("α (per machine)", ALPHA);
      p.put("n", "16, 64, 256");
      p.put("separation at n = 16", separation(NS[0]));
      p.put("claimed multiple of the separation", constant);
      if (e == Estimator.TRIMMED) {
        p.put("β", TRIM);
      }
      return StatisticalCheck.run(new StatisticalCheck.Subject("YIN-OBS1", e.label, p, experiment,
          MeanEstimationLowerBound.CITATION.toString(), "Appendix G's construction (Byzantine data from Q_k)"),
          claims, s -> trial(e, s), new Plan(budget.runs(), 4, budget.threads(), seed, level));
    });
  }
}
