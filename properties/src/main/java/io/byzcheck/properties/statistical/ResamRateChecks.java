package io.byzcheck.properties.statistical;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.rules.CoordinateWiseTrimmedMean;
import io.byzcheck.kernels.rules.Mean;
import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.attack.Attack;
import io.byzcheck.kernels.sim.attack.FallOfEmpires;
import io.byzcheck.kernels.sim.attack.LittleIsEnough;
import io.byzcheck.kernels.sim.attack.SignFlipping;
import io.byzcheck.kernels.sim.optim.Iterate;
import io.byzcheck.kernels.sim.optim.MomentumSgd;
import io.byzcheck.kernels.sim.optim.Tolerance;
import io.byzcheck.kernels.sim.optim.Trajectory;
import io.byzcheck.kernels.sim.problem.AdditiveNoise;
import io.byzcheck.kernels.sim.problem.Dataset;
import io.byzcheck.kernels.sim.problem.Objective;
import io.byzcheck.kernels.sim.problem.Problem;
import io.byzcheck.properties.Seeds;
import io.byzcheck.properties.stats.MonteCarlo;
import io.byzcheck.properties.stats.RateCheck;
import io.byzcheck.properties.stats.SlopeFit;
import io.byzcheck.properties.stats.StatisticalCheck;
import io.byzcheck.properties.stats.TrialSeeds;
import io.byzcheck.theory.RateShape;
import io.byzcheck.theory.resam.ConvergenceRate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Farhadkhani et al. 2022, Corollary 1 and Table 2 (RES-C1): Algorithm 1 (distributed momentum with a resilient
 * averaging rule) reaches E‖∇Q(θ̂)‖² ≤ ε with ε = O(√((σ²/T)(1/(n−f) + κ))), κ per rule; so ε falls as T^{−1/2}. On
 * the additive-noise objective Q(θ) = Σ_k ½θ_k² + a·cos θ_k − μ_kθ_k (a = 1/4, L = 5/4, unbiased noise on the sphere
 * of radius σ = 1: Assumption 2 exactly), n = 10, f = 3, d = 3, CWTM, the worst attack found at each T. E‖∇Q(θ̂)‖²
 * over the uniformly random output θ̂ ∈ {θ₁ … θ_T} is measured per run by its conditional mean (1/T)Σ_t ‖∇Q(θ_t)‖²
 * (same expectation, without the output draw's variance). The step keeps Theorem 1's schedule in T, γ = γ₁√(T₁/T)
 * and β = √(1 − 24γL), with γ₁ = 1/(48L) at the grid's first T₁ instead of Theorem 1's constant (≈ 10³× smaller,
 * whose transient would outlast any affordable T): Corollary 1's order does not depend on γ's constant, and
 * γT(1 − a) ≥ 3 on the grid keeps the initial transient's local slope within 0.01 of −½. The ordering of the
 * rules by Table 2's κ is reported against their measured E‖∇Q(θ̂)‖² at T₁ (same γ and β for every rule).
 */
final class ResamRateChecks {
  private ResamRateChecks() {}

  static final int N = 10;
  static final int F = 3;
  static final int D = 3;
  static final double SIGMA = 1;
  static final double A = 0.25;
  static final double L = 1 + A;
  static final int PAIRS = 2000;
  static final int[] T = {250, 500, 1000, 2000};
  static final double TOLERANCE = 0.1;
  /** The control's attackers add 5σ to the honest mean: under the plain mean, ∇Q stalls at the bias f/n·5 = 1.5. */
  static final double CONTROL_SHIFT = 5;

  static double step(int t) {
    return Math.sqrt((double) T[0] / t) / (48 * L);
  }

  static double beta(int t) {
    return Math.sqrt(1 - 24 * step(t) * L);
  }

  /**
   * The objective whose value and gradient are Q's exactly (its noise pairs cancel over the full set), so that
   * monitoring every iterate costs O(d); shards, mini-batches and data are the noisy samples'.
   */
  record ExactShape(Objective noisy, AdditiveNoise.Shape shape) implements Objective {
    @Override
    public int dimension() {
      return noisy.dimension();
    }

    @Override
    public double loss(double[] theta) {
      return shape.value(theta);
    }

    @Override
    public void gradient(double[] theta, double[] out) {
      shape.gradient(theta, out);
    }

    @Override
    public void hessianVector(double[] theta, double[] v, double[] out) {
      noisy.hessianVector(theta, v, out);
    }

    @Override
    public Objective restrict(int[] subset) {
      return noisy.restrict(subset);
    }

    @Override
    public Objective on(Dataset data) {
      return noisy.on(data);
    }

    @Override
    public Dataset data() {
      return noisy.data();
    }
  }

  static Problem problem(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] mu = new double[D];
    for (int k = 0; k < D; k++) {
      mu[k] = r.nextGaussian();
    }
    AdditiveNoise.Shape h = AdditiveNoise.cosine(mu, A);
    Problem p = AdditiveNoise.problem(h, D, PAIRS * N, SIGMA, r.nextLong());
    return new Problem(p.name(), new ExactShape(p.objective(), h), p.optimum(), Optional.empty());
  }

  /** (1/T)Σ_{t=1..T} ‖∇Q(θ_t)‖² of one run (θ₁ the start). */
  static double meanSquaredGradient(Problem p, AggregationRule rule, int t, Attack attack, long seed) {
    Cluster cluster = Cluster.builder(p).workers(N).byzantine(F, attack).seed(seed).monitorEvery(1).build();
    Trajectory run = new MomentumSgd(rule, Tolerance.of(F), step(t), beta(t), t, 1).run(cluster, new double[D]);
    if (run.diverged()) {
      throw new IllegalStateException("momentum SGD diverged at T = " + t + " (seed " + seed + ")");
    }
    double s = 0;
    for (Iterate it : run.iterates().subList(0, t)) {
      s += it.gradientNorm() * it.gradientNorm() / t;
    }
    return s;
  }

  static List<Attack> attacks() {
    return List.of(LittleIsEnough.fixed(1), new FallOfEmpires(1.1), LittleIsEnough.baruch(),
        SignFlipping.signFlipping());
  }

  record Fitted(SlopeFit fit, String attacks, String ordering) {}

  static Supplier<Fitted> fitted(StatisticalBudget budget, long seed, boolean control) {
    Map<String, Fitted> once = new ConcurrentHashMap<>();
    return () -> once.computeIfAbsent("fit", k -> {
      Problem p = problem(seed);
      AggregationRule rule = control ? new Mean() : CoordinateWiseTrimmedMean.trimF();
      int per = CaoRateChecks.perPoint(budget);
      double[][] errors = new double[T.length][per];
      List<Attack> worst = new ArrayList<>();
      StringBuilder names = new StringBuilder();
      for (int j = 0; j < T.length; j++) {
        int t = T[j];
        Attack a = control ? new DirectionAttack(unit(), CONTROL_SHIFT * SIGMA) : AttackSearch.worst(attacks(), D,
            4 * SIGMA, att -> s -> new double[] {meanSquaredGradient(p, rule, t, att, s)}, 0,
            CaoRateChecks.searchBudget(budget), Seeds.derive(seed, "search", j)).attack();
        worst.add(a);
        names.append(j == 0 ? "" : "; ").append("T = ").append(t).append(": ").append(a.name());
        double[][] obs = MonteCarlo.run(s -> new double[] {meanSquaredGradient(p, rule, t, a, s)},
            TrialSeeds.of(seed, j), 0, per, budget.threads());
        for (int i = 0; i < per; i++) {
          errors[j][i] = obs[i][0];
        }
      }
      double[] x = Arrays.stream(T).asDoubleStream().toArray();
      return new Fitted(SlopeFit.independentOfMeans(x, true, errors), names.toString(),
          control ? "" : ordering(p, budget, seed));
    });
  }

  private static double[] unit() {
    double[] u = new double[D];
    u[0] = 1;
    return u;
  }

  /**
   * Table 2's κ order against the measured one at T₁: per rule, the largest mean of (1/T)Σ‖∇Q(θ_t)‖² over the named
   * attacks (a twentieth of the budget's runs each), with Kendall's τ between the two orders.
   */
  static String ordering(Problem p, StatisticalBudget budget, long seed) {
    record Row(String name, double kappa, double measured) {}
    List<Row> rows = new ArrayList<>();
    int per = Math.max(16, budget.runs() / 20);
    for (MomentumChecks.RuleWithLambda r : MomentumChecks.tableOne()) {
      double worst = 0;
      for (Attack a : attacks()) {
        double[][] obs = MonteCarlo.run(s -> new double[] {meanSquaredGradient(p, r.rule(), T[0], a, s)},
            Seeds.derive(seed, "ordering", r.name(), a.name()), 0, per, budget.threads());
        worst = Math.max(worst, Arrays.stream(obs).mapToDouble(o -> o[0]).average().orElseThrow());
      }
      rows.add(new Row(r.name(), ConvergenceRate.kappa(rule(r.name()), N, F, D), worst));
    }
    List<Row> byKappa = rows.stream().sorted(Comparator.comparingDouble(Row::kappa)).toList();
    List<Row> byMeasured = rows.stream().sorted(Comparator.comparingDouble(Row::measured)).toList();
    int concordant = 0;
    int discordant = 0;
    for (int i = 0; i < rows.size(); i++) {
      for (int j = i + 1; j < rows.size(); j++) {
        double s = Math.signum(rows.get(i).kappa() - rows.get(j).kappa())
            * Math.signum(rows.get(i).measured() - rows.get(j).measured());
        concordant += s > 0 ? 1 : 0;
        discordant += s < 0 ? 1 : 0;
      }
    }
    StringBuilder sb = new StringBuilder("by κ: ");
    byKappa.forEach(r -> sb.append(r.name()).append(String.format(Locale.ROOT, " (κ %.3g) ", r.kappa())));
    sb.append("; measured E‖∇Q(θ̂)‖² at T = ").append(T[0]).append(": ");
    byMeasured.forEach(r -> sb.append(r.name()).append(String.format(Locale.ROOT, " (%.3g) ", r.measured())));
    sb.append(String.format(Locale.ROOT, "; Kendall τ = %.2f (ties in κ count as neither)",
        (concordant - discordant) / (rows.size() * (rows.size() - 1) / 2.0)));
    return sb.toString();
  }

  private static ConvergenceRate.Rule rule(String name) {
    return switch (name) {
      case "CWMed" -> ConvergenceRate.Rule.CWMED;
      case "CWTM" -> ConvergenceRate.Rule.CWTM;
      case "MeaMed" -> ConvergenceRate.Rule.MEAMED;
      case "Krum*" -> ConvergenceRate.Rule.KRUM_STAR;
      case "GM" -> ConvergenceRate.Rule.GM;
      case "MDA" -> ConvergenceRate.Rule.MDA;
      default -> throw new IllegalArgumentException("no Table 2 κ for " + name);
    };
  }

  static List<StatisticalEntry> entries(StatisticalBudget budget) {
    List<StatisticalEntry> out = new ArrayList<>();
    long seed = Seeds.derive(budget.seed(), "RES-C1 T");
    out.add(entry(fitted(budget, seed, false), seed, false, "Momentum SGD with CWTM (n = 10, f = 3) under the worst "
        + "attack found at each T = 250 … 2000, γ ∝ T^{−1/2}; fit log E‖∇Q(θ̂)‖² against log T: ε must fall at least "
        + "as T^{−1/2}. The rules' order by Table 2's κ is reported against their measured order."));
    long seedC = Seeds.derive(budget.seed(), "RES-C1 T control");
    out.add(entry(fitted(budget, seedC, true), seedC, true, "the plain mean (not a resilient averaging rule) with the "
        + "three attackers adding 5σ to the honest mean: ∇Q stalls at the bias, so ε does not shrink with T"));
    return out;
  }

  private static StatisticalEntry entry(Supplier<Fitted> fit, long seed, boolean control, String text) {
    RateShape shape = ConvergenceRate.shape();
    Map<String, Double> v = new LinkedHashMap<>();
    v.put("sigma", SIGMA);
    v.put("T", (double) T[0]);
    v.put("nMinusF", (double) (N - F));
    v.put("kappa", ConvergenceRate.kappa(ConvergenceRate.Rule.CWTM, N, F, D));
    double claimed = shape.dominantTerm(v).exponent("T");
    RateCheck.Claim claim = RateCheck.Claim.upper("T", claimed, TOLERANCE);
    String name = "RES-C1 ε in T" + (control ? " [control: plain mean]" : "");
    return new StatisticalEntry("RES-C1", name, control, text, level -> {
      Fitted f = fit.get();
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("problem", "Σ ½θ² + a·cos θ − μθ, a = " + A + ", d = " + D + ", σ = " + SIGMA);
      p.put("n", N);
      p.put("f", F);
      p.put("rule", control ? "mean" : "CWTM");
      p.put("T", T[0] + "…" + T[T.length - 1]);
      p.put("γ", "√(" + T[0] + "/T)/(48L)");
      p.put("β", "√(1 − 24γL)");
      p.put("shape", shape.terms().stream().map(RateShape.Term::label).reduce((x, y) -> x + " + " + y).orElseThrow());
      if (!f.ordering().isEmpty()) {
        p.put("Table 2 order vs measured", f.ordering());
      }
      return RateCheck.test(new StatisticalCheck.Subject("RES-C1", control ? "control: momentum SGD with the mean"
          : "momentum SGD (RESAM Alg. 1), CWTM", RateCheck.with(p, claim), text, shape.citation().toString(),
          f.attacks()), f.fit(), claim, level, seed,
          "worst attack searched per point; log of the mean of (1/T)Σ‖∇Q(θ_t)‖² per point, delta-method standard errors");
    });
  }
}
