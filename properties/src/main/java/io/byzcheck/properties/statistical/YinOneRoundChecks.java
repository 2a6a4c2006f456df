package io.byzcheck.properties.statistical;

import io.byzcheck.kernels.rules.Mean;
import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.attack.Attack;
import io.byzcheck.kernels.sim.attack.LittleIsEnough;
import io.byzcheck.kernels.sim.attack.SignFlipping;
import io.byzcheck.kernels.sim.optim.OneRoundMedian;
import io.byzcheck.kernels.sim.optim.Optimizer;
import io.byzcheck.kernels.sim.optim.Tolerance;
import io.byzcheck.kernels.sim.problem.Dataset;
import io.byzcheck.kernels.sim.problem.MeanEstimation;
import io.byzcheck.kernels.sim.problem.Problem;
import io.byzcheck.kernels.sim.problem.Problems;
import io.byzcheck.properties.Seeds;
import io.byzcheck.properties.stats.Claims;
import io.byzcheck.properties.stats.Plan;
import io.byzcheck.properties.stats.RateCheck;
import io.byzcheck.properties.stats.StatisticalCheck;
import io.byzcheck.properties.stats.TrialSeeds;
import io.byzcheck.theory.RateShape;
import io.byzcheck.theory.yin.RobustOneRound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Yin et al. 2018, Theorem 7 (YIN-T7): the robust one-round algorithm (Algorithm 2, the coordinate-wise median of
 * the local ERMs) on quadratic losses.
 * <ul>
 *   <li>Slopes: on Yin Def. 9's quadratic with d = 2 ({@link Problems#quadratic}: H = 2I + E, p ~ N(p_F, I)), the
 *       error ‖ŵ − w*‖ against n at α = 0.1 (m = 100, q = 10, n = 100 … 800) and against m at α = 0 with n = 1000 ≫
 *       m = 10 … 80, each one-sided against the exponent of the dominant term of {@link RobustOneRound#shape}. On
 *       this distribution C̃ ≈ 18, so Theorem 7's condition would need n ≳ 10⁴ per machine: the slopes are those of
 *       the rate the paper states after the theorem, Õ(α/√n + 1/√(nm) + 1/n).</li>
 *   <li>The explicit bound: on mean estimation (Def. 9 with H = 2, p = −2z, z ~ N(μ, σ²), μ = 0.5, σ = 0.1, where
 *       σ̃ = σ, ς = (E|Z|³)^{1/3}, ν₂ = 2σ, ν₃ = 2σς, λ_F = 2, ‖p_F‖ = 2|μ| are exact, so C̃ = {@link
 *       RobustOneRound#cK} ≈ 4.9) at n = 2048, m = 100, q = 10, where the condition holds, the probability that
 *       ‖ŵ − w*‖ exceeds (C_ε/√n)σ̃(α + √(log(nmd)/(2m(1−α))) + C̃/√n) is tested against 4/(nm), under the worst
 *       attack found.</li>
 * </ul>
 */
final class YinOneRoundChecks {
  private YinOneRoundChecks() {}

  static final int D = 2;
  static final int[] NS = {100, 200, 400, 800};
  static final int M_N = 100;
  static final int Q_N = 10;
  static final int N_M = 1000;
  static final int[] MS = {10, 20, 40, 80};

  /** ‖ŵ − w*‖ of one run of Algorithm 2 (or the control's mean of the ERMs) on Def. 9's quadratic. */
  static double error(int n, int m, int q, Optimizer algorithm, Attack attack, long seed) {
    Problem p = Problems.quadratic(n * m, D, seed);
    return errorOn(p, m, q, algorithm, attack, seed);
  }

  private static double errorOn(Problem p, int m, int q, Optimizer algorithm, Attack attack, long seed) {
    Cluster c = Cluster.builder(p).workers(m).byzantine(q, attack).seed(TrialSeeds.of(seed, 1)).build();
    return Math.max(algorithm.run(c, new double[p.dimension()]).finalError(), 1e-12);
  }

  static List<Attack> attacks() {
    return List.of(Attack.honest(), SignFlipping.signFlipping(), new SignFlipping("sign flipping ×4", 4),
        LittleIsEnough.fixed(1), LittleIsEnough.fixed(3), new DirectionAttack(new double[] {1, 1}, 5),
        new DirectionAttack(new double[] {1, 0}, 50));
  }

  static Optimizer oneRoundMean() {
    return new OneRoundMedian(new Mean(), Tolerance.of(0));
  }

  static Map<String, Double> variables(int n, int m, int q) {
    Map<String, Double> v = new LinkedHashMap<>();
    v.put("alpha", (double) q / m);
    v.put("n", (double) n);
    v.put("m", (double) m);
    v.put("d", (double) D);
    return v;
  }

  static double claimedSlope(String variable) {
    List<Map<String, Double>> points = new ArrayList<>();
    if (variable.equals("n")) {
      for (int n : NS) {
        points.add(variables(n, M_N, Q_N));
      }
    } else {
      for (int m : MS) {
        points.add(variables(N_M, m, 0));
      }
    }
    return GridFit.claimedSlope("YIN-T7", RobustOneRound.shape(), variable, points);
  }

  static Supplier<GridFit.Fitted> fitted(String variable, boolean control, StatisticalBudget budget, long seed) {
    boolean inN = variable.equals("n");
    double[] x = java.util.Arrays.stream(inN ? NS : MS).asDoubleStream().toArray();
    Optimizer alg = control ? oneRoundMean() : new OneRoundMedian();
    GridFit.Adversary adversary = new GridFit.Adversary(attacks(), D, 100, control
        ? j -> new DirectionAttack(new double[] {1, 1}, 50) : inN ? j -> null : j -> Attack.honest());
    GridFit.PointRun run = inN ? (j, a, s) -> error(NS[j], M_N, Q_N, alg, a, s) : (j, a, s) -> error(N_M, MS[j], 0, alg, a, s);
    return GridFit.of(x, variable, run, adversary, GridFit.search(budget), YinRateChecks.perPoint(budget),
        budget.threads(), seed);
  }

  // The explicit bound, on mean estimation

  static final int EXPLICIT_N = 2048;
  static final int EXPLICIT_M = 100;
  static final int EXPLICIT_Q = 10;
  static final double EXPLICIT_MU = 0.5;
  static final double EXPLICIT_SIGMA = 0.1;

  /** z ~ N(μ, σ²), d = 1, with μ fixed (C̃ depends on ‖p_F‖ = 2|μ|, so it must not vary by trial). */
  static Problem meanEstimation(long seed) {
    int samples = EXPLICIT_N * EXPLICIT_M;
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[samples];
    for (int i = 0; i < samples; i++) {
      x[i] = EXPLICIT_MU + EXPLICIT_SIGMA * r.nextGaussian();
    }
    return new Problem("mean estimation, μ = 0.5, σ = 0.1", new MeanEstimation(new Dataset(x, samples, 1,
        new double[samples])), Optional.of(new double[] {EXPLICIT_MU}), Optional.empty());
  }

  /** ς = (E|Z|³)^{1/3} for Z ~ N(0, 1): E|Z|³ = 2√(2/π). */
  static final double VARSIGMA = Math.cbrt(2 * Math.sqrt(2 / Math.PI));

  /** C̃ = C_1 (d = 1) of Appendix F for mean estimation: ℓ(U, v) = z − μ, U = 0, v = −2(z − μ). */
  static double cTilde() {
    double s = EXPLICIT_SIGMA;
    return RobustOneRound.cK(VARSIGMA, s, 2 * s, 2 * s * VARSIGMA, 2, 2 * Math.abs(EXPLICIT_MU), EXPLICIT_N);
  }

  static double alphaExplicit() {
    return (double) EXPLICIT_Q / EXPLICIT_M;
  }

  /** ε: the largest on a 0.01 grid that Theorem 7's condition allows (a smaller ε only loosens the bound). */
  static double epsilon() {
    double a = alphaExplicit();
    double lhs = a + Math.sqrt(Math.log((double) EXPLICIT_N * EXPLICIT_M) / (2 * EXPLICIT_M * (1 - a)))
        + cTilde() / Math.sqrt(EXPLICIT_N);
    return Math.floor((0.5 - lhs) * 100) / 100;
  }

  static double explicitBound() {
    return RobustOneRound.bound(alphaExplicit(), epsilon(), EXPLICIT_N, EXPLICIT_M, 1, cTilde(), EXPLICIT_SIGMA)
        .value();
  }

  static StatisticalEntry explicitEntry(StatisticalBudget budget, boolean control) {
    String name = "YIN-T7 explicit bound" + (control ? " [control: one-round mean]" : "");
    String text = control ? "the mean of the local ERMs, 10 of 100 machines sending ḡ + 50, against Theorem 7's "
        + "explicit bound" : "Run Algorithm 2 on mean estimation (μ = 0.5, σ = 0.1, d = 1) with n = 2048, m = 100, "
        + "q = 10 under the worst attack found: ‖ŵ − w*‖ must exceed Theorem 7's explicit bound (C_ε/√n)σ̃(α + "
        + "√(log(nmd)/(2m(1−α))) + C̃/√n), C̃ from Appendix F with the distribution's exact moments, with "
        + "probability at most 4/(nm).";
    return new StatisticalEntry("YIN-T7", name, control, text, level -> {
      double bound = explicitBound();
      double delta = RobustOneRound.failureProbability(EXPLICIT_N, EXPLICIT_M);
      long seed = Seeds.derive(budget.seed(), name);
      Optimizer alg = control ? oneRoundMean() : new OneRoundMedian();
      Attack attack = control ? new DirectionAttack(new double[] {1}, 50)
          : AttackSearch.worst(YinRateChecks.attacks(), 1, 100, a -> s -> new double[] {
              errorOn(meanEstimation(s), EXPLICIT_M, EXPLICIT_Q, alg, a, s) / bound}, 0, GridFit.search(budget),
              Seeds.derive(seed, "search")).attack();
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("problem", "mean estimation, μ = 0.5, σ = 0.1, d = 1");
      p.put("n", EXPLICIT_N);
      p.put("m", EXPLICIT_M);
      p.put("q", EXPLICIT_Q);
      p.put("C̃", cTilde());
      p.put("ε", epsilon());
      p.put("bound", bound);
      return StatisticalCheck.run(new StatisticalCheck.Subject("YIN-T7", control ? "control: one-round mean"
          : "one-round median (Alg. 2)", p, text, RobustOneRound.CITATION.toString(), attack.name()),
          List.of(Claims.exceedance("‖ŵ − w*‖ > bound", 0, bound, delta)),
          s -> new double[] {errorOn(meanEstimation(s), EXPLICIT_M, EXPLICIT_Q, alg, attack, s)},
          new Plan(budget.runs(), 4, budget.threads(), seed, level));
    });
  }

  static List<StatisticalEntry> entries(StatisticalBudget budget) {
    List<StatisticalEntry> out = new ArrayList<>();
    long seedN = Seeds.derive(budget.seed(), "YIN-T7 n");
    out.add(entry("n", false, fitted("n", false, budget, seedN), seedN, "Run Algorithm 2 (one-round median of the "
        + "local ERMs) on Yin Def. 9's quadratic (d = 2) at α = 0.1 (m = 100, q = 10), n = 100 … 800, under the worst "
        + "attack found at each n; fit log E‖ŵ − w*‖ against log n: it must fall at least as n^{−1/2}."));
    long seedC = Seeds.derive(budget.seed(), "YIN-T7 n control");
    out.add(entry("n", true, fitted("n", true, budget, seedC), seedC, "the mean of the local ERMs (Zhang et al.'s "
        + "one-round average), 10 of 100 machines sending ḡ + 50: its error does not shrink with n"));
    long seedM = Seeds.derive(budget.seed(), "YIN-T7 m");
    out.add(entry("m", false, fitted("m", false, budget, seedM), seedM, "Run Algorithm 2 on the same quadratic at "
        + "α = 0 with n = 1000 ≫ m = 10 … 80; fit log E‖ŵ − w*‖ against log m: it must fall at least as m^{−1/2} "
        + "(√(log(nmd)/(nm)) dominates)."));
    out.add(explicitEntry(budget, false));
    out.add(explicitEntry(budget, true));
    return out;
  }

  private static StatisticalEntry entry(String variable, boolean control, Supplier<GridFit.Fitted> fit, long seed,
      String text) {
    RateCheck.Claim claim = RateCheck.Claim.upper(variable, claimedSlope(variable), YinRateChecks.TOLERANCE);
    String name = "YIN-T7 one-round in " + variable + (control ? " [control: " + text + "]" : "");
    return new StatisticalEntry("YIN-T7", name, control, text, level -> {
      GridFit.Fitted f = fit.get();
      RateShape shape = RobustOneRound.shape();
      boolean inN = variable.equals("n");
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("problem", "Yin Def. 9 quadratic, d = " + D);
      p.put("n", inN ? NS[0] + "…" + NS[NS.length - 1] : N_M);
      p.put("m", inN ? M_N : MS[0] + "…" + MS[MS.length - 1]);
      p.put("α", inN ? (double) Q_N / M_N : 0.0);
      p.put("shape", GridFit.terms(shape));
      p.put("shape's local slope at the middle point", inN ? shape.localSlope("n", variables(NS[2], M_N, Q_N))
          : shape.localSlope("m", variables(N_M, MS[2], 0)));
      return RateCheck.test(new StatisticalCheck.Subject("YIN-T7", control ? "control: one-round mean"
          : "one-round median (Alg. 2)", RateCheck.with(p, claim), text, RobustOneRound.CITATION.toString(),
          f.attacks()), f.fit(), claim, level, seed, "worst attack searched per point (control: a fixed ḡ + 50); "
          + "log of the mean error per point, delta-method standard errors");
    });
  }
}
