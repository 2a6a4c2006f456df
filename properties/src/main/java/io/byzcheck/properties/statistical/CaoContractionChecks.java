package io.byzcheck.properties.statistical;

import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.attack.Attack;
import io.byzcheck.kernels.sim.attack.SignFlipping;
import io.byzcheck.kernels.sim.optim.ApproximateNewton;
import io.byzcheck.kernels.sim.optim.Iterate;
import io.byzcheck.kernels.sim.optim.Trajectory;
import io.byzcheck.kernels.sim.problem.Problem;
import io.byzcheck.kernels.sim.problem.Problems;
import io.byzcheck.properties.Seeds;
import io.byzcheck.properties.Verdict;
import io.byzcheck.properties.stats.MonteCarlo;
import io.byzcheck.properties.stats.RateCheck;
import io.byzcheck.properties.stats.StatisticalCheck;
import io.byzcheck.theory.caolai.GeometricMedianConstant;
import io.byzcheck.theory.caolai.MedianNewton;
import io.byzcheck.theory.caolai.NewtonConvergence;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The linear phase of Cao &amp; Lai's Theorem 1 (CAO-T1, (33)–(34), (39)): ‖θ_t − θ*‖ ≤ ρ‖θ_{t−1} − θ*‖ +
 * ηL‖θ_{t−1} − θ*‖²/(2h) + floor, checked as a contraction factor while the first term dominates. ρ (34) involves the
 * radii Δ₂, Δ₃ of Proposition 1, known only up to constants, but the theorem assumes |S_i| large enough that Δ₂ ≤
 * h/(24C_α) and Δ₃ ≤ hh′/(3MC_α), and at that boundary ρ = 1 − η/3 + ηh/(9M) whatever h′ — the largest factor the
 * theorem allows, computed by {@link NewtonConvergence#rho} there. On the synthetic least squares design (§V-A: the
 * Hessian's eigenvalues 2 … 200, so h/M = 0.01; L = 0, no quadratic term) with m = 10, q = 3 (q &lt; m/2), |S_i| =
 * 400 and η = 1/4: 1 − η/3 + ηh/(9M) = 0.9169. At η = 1 MNM lands on the geometric median of the local solutions in
 * one step (each machine's Newton direction is θ − θ̂_i), so a step below 1 is what makes the phase visible: with
 * η = 1/4 the error stays far above the floor for t = 0 … 6. Each run's least-squares slope of log‖θ_t − θ*‖ against
 * t is one observation of log ρ (paired t, {@link RateCheck#runPaired}), one-sided against log ρ + τ. The floor's
 * scaling in |S_i| is the other CAO-T1 check ({@link CaoRateChecks}).
 */
final class CaoContractionChecks {
  private CaoContractionChecks() {}

  static final int PER_MACHINE = 400;
  static final double ETA = 0.25;
  static final double[] T = {0, 1, 2, 3, 4, 5, 6};
  /** The population Hessian's extreme eigenvalues on the synthetic design ({@link Problems#caoLaiSynthetic}). */
  static final double H = 2;
  static final double M_HESSIAN = 200;
  /** τ per iteration in log ρ: the factor is explicit, as for YIN-T1. */
  static final double TOLERANCE = 0.01;

  /** ρ at the boundary of Theorem 1's sample-size conditions: the largest contraction factor the theorem allows. */
  static double theoremFactor() {
    double c = GeometricMedianConstant.cAlpha(CaoRateChecks.MNM_ALPHA).value();
    double hPrime = 1; // cancels: Δ₃ ≤ hh′/(3MC_α) enters (34) only through Δ₃/(hh′)
    return NewtonConvergence.rho(ETA, H, hPrime, M_HESSIAN, CaoRateChecks.MNM_Q, CaoRateChecks.MNM_M,
        CaoRateChecks.MNM_ALPHA, H / (24 * c), H * hPrime / (3 * M_HESSIAN * c));
  }

  /** ‖θ_t − θ*‖ at t = 0 … 6 of one MNM run, and last the run's endpoint slope (the search's score). */
  static MonteCarlo.Trial trial(int q, Attack attack) {
    return seed -> {
      Problem p = Problems.caoLaiSynthetic(PER_MACHINE * CaoRateChecks.MNM_M, CaoRateChecks.D, seed);
      int last = (int) T[T.length - 1];
      Cluster c = Cluster.builder(p).workers(CaoRateChecks.MNM_M).byzantine(q, attack)
          .seed(io.byzcheck.properties.stats.TrialSeeds.of(seed, 1)).monitorEvery(1).build();
      Trajectory tr = ApproximateNewton.medianNewton(ETA, last, 1e-6).run(c, new double[CaoRateChecks.D]);
      double[] e = new double[T.length + 1];
      for (Iterate it : tr.iterates()) {
        if (it.t() < T.length) {
          e[it.t()] = it.error().orElseThrow();
        }
      }
      for (int t = 0; t < T.length; t++) {
        if (!(e[t] > 0) || !Double.isFinite(e[t])) {
          throw new IllegalStateException("MNM's error at t = " + t + " is " + e[t] + " (q = " + q + ", seed " + seed
              + ")");
        }
      }
      e[T.length] = Math.log(e[T.length - 1] / e[0]) / last;
      return e;
    };
  }

  static List<StatisticalEntry> entries(StatisticalBudget budget) {
    return List.of(entry(budget, false), entry(budget, true));
  }

  private static StatisticalEntry entry(StatisticalBudget budget, boolean control) {
    int q = control ? CaoRateChecks.MNM_Q_CONTROL : CaoRateChecks.MNM_Q;
    double factor = theoremFactor();
    String experiment = "Run MNM (Alg. 2, η = 1/4) on Cao & Lai's synthetic design with q = 3 of m = 10 attackers, "
        + "|S_i| = 400, under the worst attack found, and fit each run's log‖θ_t − θ*‖ against t = 0 … 6 (the linear "
        + "phase, far above the floor): the factor must be at most Theorem 1's ρ at its sample-size conditions, "
        + "1 − η/3 + ηh/(9M) = " + String.format(java.util.Locale.ROOT, "%.4f", factor) + ".";
    String description = control ? "MNM at q = 6 > m/2 under Cao & Lai's inverse attack (outside Theorem 1): the "
        + "attackers own the geometric median of the Newton directions" : experiment;
    String name = "CAO-T1 MNM contraction" + (control ? " [control: q > m/2]" : "");
    return new StatisticalEntry("CAO-T1", name, control, description,
        control ? Verdict.VIOLATED : Verdict.HOLDS, level -> {
          MedianNewton.conditions(CaoRateChecks.MNM_Q, CaoRateChecks.MNM_M).orThrow();
          long seed = Seeds.derive(budget.seed(), name);
          Attack attack = control ? SignFlipping.inverse()
              : AttackSearch.worst(CaoRateChecks.attacks(), CaoRateChecks.D, 20, a -> trial(q, a), T.length,
                  CaoRateChecks.searchBudget(budget), Seeds.derive(seed, "search")).attack();
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("problem", "Cao & Lai synthetic, d = " + CaoRateChecks.D + ", h/M = " + H / M_HESSIAN);
          p.put("m", CaoRateChecks.MNM_M);
          p.put("q", q);
          p.put("|S_i|", PER_MACHINE);
          p.put("η", ETA);
          p.put("α (Theorem 1)", CaoRateChecks.MNM_ALPHA);
          p.put("t", "0…6");
          p.put("theorem's factor", factor);
          RateCheck.Claim claim = RateCheck.Claim.upper("t", Math.log(factor), TOLERANCE);
          MonteCarlo.Trial trial = trial(q, attack);
          return RateCheck.runPaired(new StatisticalCheck.Subject("CAO-T1", (control ? "control: " : "")
              + "MNM (Alg. 2)", RateCheck.with(p, claim), description, NewtonConvergence.T1.toString(),
              attack.name()), T, false, claim, s -> Arrays.copyOf(trial.run(s), T.length),
              YinRateChecks.perPoint(budget) / 4 * 4, budget.threads(), seed, level);
        });
  }
}
