package io.byzcheck.properties.statistical;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;
import io.byzcheck.kernels.rules.CoordinateWiseTrimmedMean;
import io.byzcheck.kernels.rules.GeometricMedian;
import io.byzcheck.kernels.rules.Krum;
import io.byzcheck.kernels.rules.Mean;
import io.byzcheck.kernels.rules.MeanAroundMedian;
import io.byzcheck.kernels.rules.MinimumDiameterAveraging;
import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.Session;
import io.byzcheck.kernels.sim.attack.Attack;
import io.byzcheck.kernels.sim.attack.FallOfEmpires;
import io.byzcheck.kernels.sim.attack.LittleIsEnough;
import io.byzcheck.kernels.sim.attack.SignFlipping;
import io.byzcheck.kernels.sim.optim.MomentumSgd;
import io.byzcheck.kernels.sim.optim.Tolerance;
import io.byzcheck.kernels.sim.problem.AdditiveNoise;
import io.byzcheck.kernels.sim.problem.Problem;
import io.byzcheck.properties.Seeds;
import io.byzcheck.properties.stats.Claim;
import io.byzcheck.properties.stats.Claims;
import io.byzcheck.properties.stats.MonteCarlo;
import io.byzcheck.properties.stats.Plan;
import io.byzcheck.properties.stats.StatisticalCheck;
import io.byzcheck.properties.stats.StatisticalResult;
import io.byzcheck.theory.Admissibility;
import io.byzcheck.theory.Bound;
import io.byzcheck.theory.resam.ConvergenceTheorem1;
import io.byzcheck.theory.resam.ResilienceCoefficient;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Farhadkhani et al. 2022 (RES-L1, RES-T1) on the simulator's MomentumSgd (RESAM Algorithm 1), on the non-convex
 * additive-noise problem Q(θ) = Σ_k ½θ_k² + a·cos θ_k − μ_kθ_k with a = 2 (L = 3), noise ±z uniform on the sphere
 * of radius σ (Assumption 2 with E‖U‖² = σ² exactly, unbiased), mini-batches of one sample.
 */
final class MomentumChecks {
  private MomentumChecks() {}

  static final double A = 2;
  static final double L = 1 + A;
  static final int PAIRS = 1000;

  /** A RES-L1 point: n workers, f Byzantine (q = f), β, T steps of size γ. */
  record DriftPoint(int n, int f, int d, double sigma, double beta, double gamma, int t) {
    Map<String, Object> parameters() {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("n", n);
      p.put("f", f);
      p.put("d", d);
      p.put("σ", sigma);
      p.put("β", beta);
      p.put("γ", gamma);
      p.put("T", t);
      return p;
    }
  }

  static final DriftPoint[] DRIFT = {new DriftPoint(10, 3, 3, 1, 0.5, 0.05, 40),
      new DriftPoint(15, 5, 4, 1, 0.8, 0.05, 40)};
  /** The t at which the drift is tested (a check of every t would spend its level on 40 near-identical claims). */
  static final int[] DRIFT_TIMES = {1, 2, 3, 5, 8, 12, 20, 30, 40};

  static Problem problem(int d, double sigma, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] mu = new double[d];
    for (int k = 0; k < d; k++) {
      mu[k] = r.nextGaussian();
    }
    return AdditiveNoise.problem(AdditiveNoise.cosine(mu, A), d, PAIRS * 20, sigma, r.nextLong());
  }

  /**
   * One run: the honest workers' momenta each round, read by an observing attack; column j is
   * (1/h)Σ_{i∈H}‖m_t⁽ⁱ⁾ − m̄_t‖² at t = DRIFT_TIMES[j], the last column the mean over j of the ratio to the bound
   * (the search's score).
   */
  static MonteCarlo.Trial driftTrial(DriftPoint p, Problem problem, Attack attack, boolean undamped) {
    return seed -> {
      double[] drift = new double[DRIFT_TIMES.length + 1];
      Attack watching = new ObservingAttack(attack, (round, honest) -> {
        for (int j = 0; j < DRIFT_TIMES.length; j++) {
          if (DRIFT_TIMES[j] == round) {
            drift[j] = spread(honest);
          }
        }
      });
      Cluster cluster = Cluster.builder(problem).workers(p.n()).byzantine(p.f(), watching).seed(seed)
          .monitorEvery(p.t()).build();
      AggregationRule rule = CoordinateWiseTrimmedMean.trimF();
      if (undamped) {
        undampedMomentum(cluster, rule, p);
      } else {
        new MomentumSgd(rule, Tolerance.of(p.f()), p.gamma(), p.beta(), p.t(), 1).run(cluster, new double[p.d()]);
      }
      for (int j = 0; j < DRIFT_TIMES.length; j++) {
        drift[DRIFT_TIMES.length] += drift[j] / bound(p, DRIFT_TIMES[j]) / DRIFT_TIMES.length;
      }
      return drift;
    };
  }

  static double bound(DriftPoint p, int t) {
    return ConvergenceTheorem1.driftBound(p.sigma(), p.beta(), t, p.n(), p.f());
  }

  /** (1/h)Σ‖mᵢ − m̄‖². */
  static double spread(double[][] honest) {
    int d = honest[0].length;
    double[] mean = new double[d];
    for (double[] h : honest) {
      for (int k = 0; k < d; k++) {
        mean[k] += h[k] / honest.length;
      }
    }
    double s = 0;
    for (double[] h : honest) {
      for (int k = 0; k < d; k++) {
        s += (h[k] - mean[k]) * (h[k] - mean[k]) / honest.length;
      }
    }
    return s;
  }

  /** The control: momentum without its (1 − β) factor, m_t = βm_{t−1} + g_t, otherwise Algorithm 1. */
  static void undampedMomentum(Cluster cluster, AggregationRule rule, DriftPoint p) {
    Session session = cluster.start();
    IdentityHashMap<Object, double[]> momenta = new IdentityHashMap<>();
    double[] theta = new double[p.d()];
    float[] g = new float[p.d()];
    for (int t = 1; t <= p.t(); t++) {
      double[] at = theta.clone();
      WorkerVectors messages = session.exchange(t, p.d(), (worker, out) -> {
        worker.stochasticGradient(at, 1, out);
        double[] m = momenta.computeIfAbsent(worker, w -> new double[p.d()]);
        for (int k = 0; k < out.length; k++) {
          m[k] = p.beta() * m[k] + out[k];
          out[k] = m[k];
        }
      }, Optional.of(rule), p.f());
      Session.aggregate(rule, messages, p.f(), g);
      for (int k = 0; k < theta.length; k++) {
        theta[k] -= p.gamma() * g[k];
      }
    }
  }

  static List<Attack> driftAttacks() {
    return List.of(LittleIsEnough.fixed(1), new FallOfEmpires(1.1), SignFlipping.signFlipping());
  }

  static List<StatisticalEntry> driftEntries(StatisticalBudget budget) {
    List<StatisticalEntry> out = new ArrayList<>();
    for (DriftPoint p : DRIFT) {
      out.add(drift(p, budget, false));
    }
    out.add(drift(DRIFT[0], budget, true));
    return out;
  }

  private static StatisticalEntry drift(DriftPoint p, StatisticalBudget budget, boolean control) {
    String name = "RES-L1 " + p.parameters() + (control ? " [control: no (1 − β)]" : "");
    String experiment = "Run momentum SGD with CWTM under the worst attack found and compare the honest momenta's "
        + "mean squared spread (1/h)Σ‖m_t⁽ⁱ⁾ − m̄_t‖² at t = 1 … T with Lemma 1's bound at each t.";
    return new StatisticalEntry("RES-L1", name, control,
        control ? "workers send m_t = βm_{t−1} + g_t (the (1 − β) factor dropped)" : experiment, level -> {
          long seed = Seeds.derive(budget.seed(), name);
          Admissibility.of(ConvergenceTheorem1.CITATION)
              .require("Lemma 1: β ∈ [0, 1)", p.beta() >= 0 && p.beta() < 1, "β = " + p.beta())
              .require("f < n/2", 2 * p.f() < p.n(), "n = " + p.n() + ", f = " + p.f())
              .require("Assumption 2: E‖U‖² ≤ σ² (here = σ², ‖U‖ = σ a.s.)", p.sigma() > 0, "σ = " + p.sigma())
              .orThrow();
          Problem problem = problem(p.d(), p.sigma(), seed);
          AttackSearch.Found worst = AttackSearch.worst(driftAttacks(), p.d(), 4 * p.sigma(),
              a -> driftTrial(p, problem, a, control), DRIFT_TIMES.length, budget, seed);
          int h = p.n() - p.f();
          // ‖mᵢ − m̄‖ ≤ (Σ_s weights)·max_s‖gᵢ_s − ḡ_s‖ ≤ (weights)·2σ(1 − 1/h): the spread's a.s. range
          double weights = control ? 1 / (1 - p.beta()) : 1;
          double width = Math.pow(weights * 2 * p.sigma() * (1 - 1.0 / h), 2);
          List<Claim> claims = new ArrayList<>();
          for (int j = 0; j < DRIFT_TIMES.length; j++) {
            claims.add(Claims.meanAtMost("t = " + DRIFT_TIMES[j], j, bound(p, DRIFT_TIMES[j]), width));
          }
          Bound b = Bound.of(bound(p, p.t()), new io.byzcheck.theory.Citation("RES-L1", "RES", "Lemma 1"),
              "Assumption 2");
          return StatisticalCheck.run(new StatisticalCheck.Subject("RES-L1", control
              ? "control: momentum without (1 − β), CWTM" : "momentum SGD (RESAM Alg. 1), CWTM", p.parameters(),
              experiment, b.citation().toString(), describe(worst)), claims, driftTrial(p, problem, worst.attack(),
              control), new Plan(budget.runs() * 10, 4, budget.threads(), seed, level));
        });
  }

  static String describe(AttackSearch.Found worst) {
    return worst.attack().name() + " (worst of " + worst.candidates() + " candidates, screening score "
        + String.format(java.util.Locale.ROOT, "%.3g", worst.score()) + ")";
  }

  /** A rule of RESAM Table 1 with its λ. */
  record RuleWithLambda(String name, AggregationRule rule, Function<int[], Double> lambda) {}

  static List<RuleWithLambda> tableOne() {
    return List.of(
        new RuleWithLambda("CWMed", new CoordinateWiseMedian(),
            p -> ResilienceCoefficient.coordinateWiseMedian(p[0], p[1], p[2]).value()),
        new RuleWithLambda("CWTM", CoordinateWiseTrimmedMean.trimF(),
            p -> ResilienceCoefficient.coordinateWiseTrimmedMean(p[0], p[1], p[2]).value()),
        new RuleWithLambda("MeaMed", new MeanAroundMedian(),
            p -> ResilienceCoefficient.meanAroundMedian(p[0], p[1], p[2]).value()),
        new RuleWithLambda("Krum*", Krum.star(), p -> ResilienceCoefficient.krumStar(p[0], p[1]).value()),
        new RuleWithLambda("GM", GeometricMedian.certified(1e-5),
            p -> ResilienceCoefficient.geometricMedian(p[0], p[1]).value()),
        new RuleWithLambda("MDA", new MinimumDiameterAveraging(),
            p -> ResilienceCoefficient.minimumDiameterAveraging(p[0], p[1]).value()));
  }

  /** A RES-T1 point: n, f, d, σ, T (γ and β come from Theorem 1). */
  record RatePoint(int n, int f, int d, double sigma, int t) {}

  static final RatePoint[] RATE = {new RatePoint(10, 3, 3, 1, 60), new RatePoint(13, 4, 2, 0.5, 100)};

  static List<StatisticalEntry> rateEntries(StatisticalBudget budget) {
    List<StatisticalEntry> out = new ArrayList<>();
    for (RatePoint p : RATE) {
      for (RuleWithLambda r : tableOne()) {
        out.add(rate(p, r, budget, false));
      }
    }
    RatePoint c = RATE[0];
    RuleWithLambda mean = new RuleWithLambda("Mean (claimed with CWTM's λ)", new Mean(),
        q -> ResilienceCoefficient.coordinateWiseTrimmedMean(q[0], q[1], q[2]).value());
    out.add(rate(c, mean, budget, true));
    return out;
  }

  private static StatisticalEntry rate(RatePoint p, RuleWithLambda r, StatisticalBudget budget, boolean control) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("rule", r.name());
    params.put("n", p.n());
    params.put("f", p.f());
    params.put("d", p.d());
    params.put("σ", p.sigma());
    params.put("T", p.t());
    String name = "RES-T1 " + params + (control ? " [control]" : "");
    String experiment = "Run momentum SGD with Theorem 1's γ and β and the rule's λ under the worst attack found, "
        + "output the random iterate θ̂ and compare the mean of ‖∇Q(θ̂)‖² with Theorem 1's bound.";
    return new StatisticalEntry("RES-T1", name, control,
        control ? "the mean (not resilient averaging) claimed with CWTM's λ, under sign flipping ×1000" : experiment,
        level -> {
          long seed = Seeds.derive(budget.seed(), name);
          Problem problem = problem(p.d(), p.sigma(), seed);
          double[] start = new double[p.d()];
          double[] grad = new double[p.d()];
          problem.objective().gradient(start, grad);
          double gap = problem.objective().loss(start) - problem.objective().loss(problem.optimum().orElseThrow());
          double g2 = 0;
          for (double v : grad) {
            g2 += v * v;
          }
          double lambda = r.lambda().apply(new int[] {p.n(), p.f(), p.d()});
          // Theorem 1's conditions (f < n/2, L, σ, λ > 0, T ≥ a₀L/(12σ²λ²(n−f))) — an error if violated
          ConvergenceTheorem1 thm = ConvergenceTheorem1.of(L, p.sigma(), p.n(), p.f(), lambda, p.t(), gap, g2);
          params.put("λ", lambda);
          params.put("γ", thm.gamma());
          params.put("β", thm.beta());
          MomentumSgd alg = new MomentumSgd(r.rule(), Tolerance.of(p.f()), thm.gamma(), thm.beta(), p.t(), 1);
          Function<Attack, MonteCarlo.Trial> trial = a -> seed2 -> {
            Cluster cluster = Cluster.builder(problem).workers(p.n()).byzantine(p.f(), a).seed(seed2)
                .monitorEvery(p.t()).build();
            double[] out = alg.run(cluster, start).output();
            double[] gq = new double[p.d()];
            problem.objective().gradient(out, gq);
            double s = 0;
            for (double v : gq) {
              s += v * v;
            }
            return new double[] {s, s / thm.bound()};
          };
          AttackSearch.Found worst = control
              ? new AttackSearch.Found(new SignFlipping("sign flipping ×1000", 1000), Double.NaN, 1)
              : AttackSearch.worst(List.of(LittleIsEnough.fixed(1), new FallOfEmpires(1.1), LittleIsEnough.baruch(),
                  SignFlipping.signFlipping()), p.d(), 4 * p.sigma(), trial, 1, budget, seed);
          Bound b = Bound.of(thm.bound(), ConvergenceTheorem1.CITATION, "Assumptions 1–2", "F (f, λ)-resilient");
          StatisticalResult res = StatisticalCheck.run(new StatisticalCheck.Subject("RES-T1", (control ? "control: " : "")
              + "momentum SGD with " + r.name(), params, experiment, b.citation().toString(),
              Double.isNaN(worst.score()) ? worst.attack().name() : describe(worst)),
              List.of(Claims.nonNegativeMeanAtMost("E‖∇Q(θ̂)‖²", 0, thm.bound(), 10)),
              trial.apply(worst.attack()), new Plan(budget.runs(), 4, budget.threads(), seed, level));
          return res;
        });
  }
}
