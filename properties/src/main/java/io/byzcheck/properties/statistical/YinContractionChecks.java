package io.byzcheck.properties.statistical;

import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.attack.Attack;
import io.byzcheck.kernels.sim.attack.LittleIsEnough;
import io.byzcheck.kernels.sim.attack.SignFlipping;
import io.byzcheck.kernels.sim.optim.Iterate;
import io.byzcheck.kernels.sim.optim.RobustGradientDescent;
import io.byzcheck.kernels.sim.optim.Trajectory;
import io.byzcheck.kernels.sim.problem.Dataset;
import io.byzcheck.kernels.sim.problem.LeastSquares;
import io.byzcheck.kernels.sim.problem.Problem;
import io.byzcheck.properties.Seeds;
import io.byzcheck.properties.stats.MonteCarlo;
import io.byzcheck.properties.stats.RateCheck;
import io.byzcheck.properties.stats.StatisticalCheck;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.yin.MedianCondition;
import io.byzcheck.theory.yin.MedianGradientDescent;
import io.byzcheck.theory.yin.TrimmedMeanGradientDescent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The linear phase of Yin et al.'s Theorems 1 and 4 (YIN-T1, YIN-T4): ‖w_t − w*‖ ≤ (1 − λ_F/(L_F+λ_F))^t‖w⁰ − w*‖
 * + (2/λ_F)Δ, checked as a contraction factor while the first term dominates. Problem: least squares ½(xᵀw − y)²
 * with x = (r₁, 2r₂), r uniform on {±1}, y = xᵀw* + N(0, 1), w* = (5, 5), so the population Hessian is diag(1, 4)
 * (λ_F = 1, L_F = 4, the theorem's factor 0.8) and every sample's gradient is Lipschitz with L̂ = 5 (Assumption 1);
 * Algorithm 1 with η = 1/L_F from w⁰ = 0, projected onto the ball of radius 14 (D = 28), m = 500 machines of n = 100
 * samples, q = 25 Byzantine. A run observes ‖w_t − w*‖ at t = 0 … 6, where the error (7.07 → about 1.3) stays two
 * orders above the floor (the α/√n floor of YIN-RATE-MED, ≈ 10⁻²); each run's least-squares slope of log error
 * against t is one observation of log ρ, tested one-sided against log 0.8 (paired t, {@link RateCheck#runPaired}).
 * The floor's scaling is what YIN-RATE-MED and YIN-RATE-TRM check, on the same Algorithm 1.
 */
final class YinContractionChecks {
  private YinContractionChecks() {}

  static final int N_PER = 100;
  static final int M = 500;
  static final int Q = 25;
  static final double B = 2;
  static final double LAMBDA_F = 1;
  static final double L_F = B * B;
  static final double[] W_STAR = {5, 5};
  static final double RADIUS = 14;
  static final double L_HAT = Math.sqrt(1 * (1 + B * B) + B * B * (1 + B * B));
  /**
   * Assumption 3: the absolute skewness of a gradient coordinate x_k(xᵀ(w − w*) − ξ) is a two-point ± part plus a
   * Gaussian, between 1 (two points) and 2√(2/π) ≈ 1.6 (Gaussian); 2 is a safe bound.
   */
  static final double SKEWNESS = 2;
  static final double EPSILON = 0.05;
  static final double BETA = 0.1;
  static final double[] T = {0, 1, 2, 3, 4, 5, 6};
  /** τ per iteration in log ρ: the factor is explicit, so only the attack's perturbation of the step is allowed. */
  static final double TOLERANCE = 0.01;

  static Problem problem(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = N_PER * M;
    double[] x = new double[2 * n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = r.nextBoolean() ? 1 : -1;
      x[2 * i + 1] = r.nextBoolean() ? B : -B;
      y[i] = x[2 * i] * W_STAR[0] + x[2 * i + 1] * W_STAR[1] + r.nextGaussian();
    }
    return new Problem("least squares, x = (r₁, 2r₂)", new LeastSquares(new Dataset(x, n, 2, y)),
        Optional.of(W_STAR.clone()), Optional.empty());
  }

  static RobustGradientDescent algorithm(boolean trimmed, double stepScale) {
    double eta = stepScale / L_F;
    RobustGradientDescent a = trimmed ? RobustGradientDescent.trimmedMean(BETA, eta, (int) T[T.length - 1])
        : RobustGradientDescent.median(eta, (int) T[T.length - 1]);
    return a.projectedOnto(RADIUS);
  }

  /** ‖w_t − w*‖ at t = 0 … 6 of one run. */
  static MonteCarlo.Trial trial(boolean trimmed, double stepScale, Attack attack) {
    return seed -> {
      Problem p = problem(seed);
      Cluster c = Cluster.builder(p).workers(M).byzantine(Q, attack).seed(seed ^ 0x9E3779B97F4A7C15L).monitorEvery(1)
          .build();
      Trajectory tr = algorithm(trimmed, stepScale).run(c, new double[2]);
      double[] e = new double[T.length + 1];
      for (Iterate it : tr.iterates()) {
        if (it.t() < T.length) {
          e[it.t()] = it.error().orElseThrow();
        }
      }
      // the last column: the run's endpoint slope, the search's score (larger = slower contraction)
      e[T.length] = Math.log(e[T.length - 1] / e[0]) / T[T.length - 1];
      return e;
    };
  }

  static List<Attack> attacks() {
    return List.of(SignFlipping.signFlipping(), new SignFlipping("sign flipping ×4", 4), LittleIsEnough.fixed(1),
        LittleIsEnough.fixed(3), new DirectionAttack(new double[] {1, 1}, 5), new DirectionAttack(new double[] {1, 0}, 50));
  }

  static void admissible(boolean trimmed) {
    double alpha = (double) Q / M;
    if (trimmed) {
      TrimmedMeanGradientDescent.conditions(alpha, BETA, EPSILON).orThrow();
    } else {
      MedianCondition.conditions(alpha, EPSILON, N_PER, M, 2, L_HAT * 2 * RADIUS, SKEWNESS).orThrow();
    }
  }

  static List<StatisticalEntry> entries(StatisticalBudget budget) {
    List<StatisticalEntry> out = new ArrayList<>();
    out.add(entry("YIN-T1", false, 1, budget, false));
    out.add(entry("YIN-T1", false, 0.25, budget, true));
    out.add(entry("YIN-T4", true, 1, budget, false));
    return out;
  }

  private static StatisticalEntry entry(String id, boolean trimmed, double stepScale, StatisticalBudget budget,
      boolean control) {
    double factor = trimmed ? 1 - LAMBDA_F / (L_F + LAMBDA_F) : MedianGradientDescent.contraction(LAMBDA_F, L_F);
    Citation citation = trimmed ? TrimmedMeanGradientDescent.T4 : MedianGradientDescent.T1;
    String alg = trimmed ? "β-trimmed-mean GD (Alg. 1, Option II), β = 0.1" : "median GD (Alg. 1, Option I)";
    String experiment = "Run " + alg + " with η = 1/L_F under the worst attack found and fit each run's log‖w_t − w*‖ "
        + "against t = 0 … 6 (the linear phase): the factor must be at most the theorem's 1 − λ_F/(L_F+λ_F) = "
        + factor + ".";
    String description = control ? "Algorithm 1 with η = 1/(4L_F) (a quarter of the theorem's step): contracts by "
        + "1 − η·λ_F = 0.9375 per step, slower than the theorem's 0.8" : experiment;
    String name = id + " contraction " + (control ? "[control: η = 1/(4L_F)]" : "");
    return new StatisticalEntry(id, name, control, description, level -> {
      admissible(trimmed);
      long seed = Seeds.derive(budget.seed(), name);
      AttackSearch.Found worst = AttackSearch.worst(attacks(), 2, 50, a -> trial(trimmed, stepScale, a), T.length,
          YinRateChecks.searchBudget(budget), Seeds.derive(seed, "search"));
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("problem", "least squares, x = (r₁, 2r₂), λ_F = 1, L_F = 4");
      p.put("n", N_PER);
      p.put("m", M);
      p.put("q", Q);
      p.put("η", stepScale / L_F);
      p.put("t", "0…6");
      p.put("theorem's factor", factor);
      RateCheck.Claim claim = RateCheck.Claim.upper("t", Math.log(factor), TOLERANCE);
      MonteCarlo.Trial trial = trial(trimmed, stepScale, worst.attack());
      return RateCheck.runPaired(new StatisticalCheck.Subject(id, (control ? "control: " : "") + alg,
          RateCheck.with(p, claim), description, citation.toString(), MomentumChecks.describe(worst)), T, false, claim,
          s -> java.util.Arrays.copyOf(trial.run(s), T.length), YinRateChecks.perPoint(budget) / 4 * 4,
          budget.threads(), seed, level);
    });
  }
}
