package io.byzcheck.properties.statistical;

import io.byzcheck.kernels.sim.problem.Problem;
import io.byzcheck.kernels.sim.problem.Problems;
import io.byzcheck.properties.Seeds;
import io.byzcheck.properties.stats.Claim;
import io.byzcheck.properties.stats.Claims;
import io.byzcheck.properties.stats.MonteCarlo;
import io.byzcheck.properties.stats.Plan;
import io.byzcheck.properties.stats.StatisticalCheck;
import io.byzcheck.theory.Admissibility;
import io.byzcheck.theory.Bound;
import io.byzcheck.theory.yin.RegressionGradientMoments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Yin et al. Propositions 1–3 (YIN-P1, YIN-A2, YIN-P2): moments of the gradient ∇f(w; x, y) = x(xᵀw − y) of the
 * simulator's regression problems ({@code Problems.leastSquaresRademacher}, {@code leastSquaresGaussian}). A trial
 * draws one sample (x, y) from its seed, at w = w* + u with ‖u‖ fixed, and observes the centred gradient
 * c = ∇f − u (E∇f = E[xxᵀ](w − w*) = u for both feature laws).
 */
final class GradientMoments {
  /** The λ grid of the sub-exponential check, as fractions of 1/v (Definition 5 needs |λ| &lt; 1/v). */
  static final double[] LAMBDAS = {-0.95, -0.7, -0.4, -0.15, 0.15, 0.4, 0.7, 0.95};

  private GradientMoments() {}

  /** One parameter point: dimension d, distance ‖w − w*‖ and noise σ. */
  record Point(int d, double distance, double sigma) {
    Map<String, Object> parameters() {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("d", d);
      p.put("‖w−w*‖", distance);
      p.put("σ", sigma);
      return p;
    }

    /** u with ‖u‖ = distance along (1, 2, …, d): coordinates of different sizes. */
    double[] u() {
      double[] u = new double[d];
      double s = 0;
      for (int k = 0; k < d; k++) {
        u[k] = k + 1;
        s += u[k] * u[k];
      }
      for (int k = 0; k < d; k++) {
        u[k] *= distance / Math.sqrt(s);
      }
      return u;
    }
  }

  static final Point[] POINTS = {new Point(5, 2, 0.5), new Point(20, 1, 1)};

  /**
   * Observation columns: 0 = ‖c‖², then per coordinate k: 1 + 2k = |c_k|³, 2 + 2k = c_k², then per (k, λ):
   * exp(λ c_k) for λ = LAMBDAS[j]/v.
   */
  static MonteCarlo.Trial trial(Point p, boolean gaussian, double v) {
    double[] u = p.u();
    int d = p.d();
    return seed -> {
      Problem problem = gaussian ? Problems.leastSquaresGaussian(1, d, p.sigma(), seed)
          : Problems.leastSquaresRademacher(1, d, p.sigma(), seed);
      double[] wStar = problem.optimum().orElseThrow();
      double[] w = new double[d];
      for (int k = 0; k < d; k++) {
        w[k] = wStar[k] + u[k];
      }
      double[] g = new double[d];
      problem.objective().gradient(w, g);
      double[] out = new double[1 + 2 * d + d * LAMBDAS.length];
      for (int k = 0; k < d; k++) {
        double c = g[k] - u[k];
        out[0] += c * c;
        out[1 + 2 * k] = Math.abs(c) * c * c;
        out[2 + 2 * k] = c * c;
        for (int j = 0; j < LAMBDAS.length; j++) {
          out[1 + 2 * d + k * LAMBDAS.length + j] = Math.exp(LAMBDAS[j] / v * c);
        }
      }
      return out;
    };
  }

  static List<StatisticalEntry> entries(StatisticalBudget budget) {
    List<StatisticalEntry> out = new ArrayList<>();
    for (Point p : POINTS) {
      double v = RegressionGradientMoments.subExponentialParameter(p.distance(), p.sigma()).value();
      MonteCarlo.Trial rad = trial(p, false, v);
      MonteCarlo.Trial gau = trial(p, true, v);
      Bound radVar = RegressionGradientMoments.rademacherVariance(p.d(), p.distance(), p.sigma());
      Bound gauVar = RegressionGradientMoments.gaussianVariance(p.d(), p.distance(), p.sigma());
      out.add(variance("YIN-P1", p, rad, radVar, "Var(∇f) = (d−1)‖w−w*‖² + dσ²", budget, false));
      out.add(skewness("YIN-P1", p, rad, RegressionGradientMoments.rademacherSkewness(), "480 (as stated)", budget));
      out.add(skewness("YIN-P1", p, rad, Bound.of(RegressionGradientMoments.rademacherSkewnessFromProof(),
          RegressionGradientMoments.P1, "the proof's √480"), "√480 (the proof's)", budget));
      out.add(variance("YIN-A2", p, gau, gauVar, "Var(∇f) = (d+1)‖w−w*‖² + dσ²", budget, false));
      out.add(skewness("YIN-A2", p, gau, RegressionGradientMoments.gaussianSkewness(), "429", budget));
      out.add(subExponential(p, rad, v, v, budget, false));
    }
    Point c = POINTS[0];
    double v = RegressionGradientMoments.subExponentialParameter(c.distance(), c.sigma()).value();
    // Controls: each a formula that differs from the paper's in the way a slip would.
    Bound wrongP1 = Bound.of(c.d() * c.distance() * c.distance() + c.d() * c.sigma() * c.sigma(),
        RegressionGradientMoments.P1, "control: d instead of d − 1");
    out.add(variance("YIN-P1", c, trial(c, false, v), wrongP1, "Var(∇f) = d‖w−w*‖² + dσ² (d for d−1)", budget,
        true));
    Bound wrongA2 = RegressionGradientMoments.rademacherVariance(c.d(), c.distance(), c.sigma());
    out.add(variance("YIN-A2", c, trial(c, true, v), wrongA2,
        "Var(∇f) = (d−1)‖w−w*‖² + dσ² for Gaussian features (the Rademacher formula)", budget, true));
    out.add(subExponential(c, trial(c, false, v / 2), v, v / 2, budget, true));
    return out;
  }

  private static StatisticalEntry variance(String id, Point p, MonteCarlo.Trial trial, Bound bound, String formula,
      StatisticalBudget budget, boolean control) {
    String name = id + " variance " + p.parameters() + (control ? " [control]" : "");
    String experiment = "Draw one sample per trial and compare the mean of ‖∇f − E∇f‖² with " + formula + ".";
    return new StatisticalEntry(id, name, control, control ? "variance claimed as " + formula : experiment,
        level -> {
          admissible(id, p);
          return StatisticalCheck.run(subject(id, p, formula, experiment, bound, control),
              List.of(Claims.meanEquals("Var(∇f)", 0, bound.value())), trial, plan(budget, name, level, false));
        });
  }

  private static StatisticalEntry skewness(String id, Point p, MonteCarlo.Trial trial, Bound bound, String which,
      StatisticalBudget budget) {
    String name = id + " skewness ≤ " + which + " " + p.parameters();
    String experiment = "Draw one sample per trial and bound every coordinate's absolute skewness "
        + "E|c_k|³/Var(c_k)^{3/2} from above by " + which + ".";
    return new StatisticalEntry(id, name, false, experiment, level -> {
      admissible(id, p);
      List<Claim> claims = new ArrayList<>();
      for (int k = 0; k < p.d(); k++) {
        claims.add(Claims.skewnessAtMost("γ(∂" + (k + 1) + "f)", 1 + 2 * k, 2 + 2 * k, bound.value()));
      }
      return StatisticalCheck.run(subject(id, p, "‖γ(∇f)‖_∞ ≤ " + which, experiment, bound, false), claims, trial,
          plan(budget, name, level, false));
    });
  }

  private static StatisticalEntry subExponential(Point p, MonteCarlo.Trial trial, double v, double claimedV,
      StatisticalBudget budget, boolean control) {
    String id = "YIN-P2";
    String name = id + " sub-exponential " + p.parameters() + (control ? " [control: v/2]" : "");
    String experiment = "Draw one sample per trial and compare E[exp(λ(∂_k f − E∂_k f))] with exp(v²λ²/2) for "
        + "every coordinate and λ ∈ {±0.15, ±0.4, ±0.7, ±0.95}/v, v = √(σ² + ‖w−w*‖²).";
    Bound bound = Bound.of(claimedV, RegressionGradientMoments.P2, control ? "control: half the parameter" : "v");
    return new StatisticalEntry(id, name, control, control ? "v/2 claimed instead of v = √(σ² + ‖w−w*‖²)"
        : experiment, level -> {
          admissible(id, p);
          List<Claim> claims = new ArrayList<>();
          for (int k = 0; k < p.d(); k++) {
            for (int j = 0; j < LAMBDAS.length; j++) {
              double lambda = LAMBDAS[j] / claimedV;
              claims.add(Claims.meanAtMost("k = " + (k + 1) + ", λv = " + LAMBDAS[j],
                  1 + 2 * p.d() + k * LAMBDAS.length + j, Math.exp(claimedV * claimedV * lambda * lambda / 2),
                  Double.POSITIVE_INFINITY));
            }
          }
          return StatisticalCheck.run(subject(id, p, "∂_k f is " + claimedV + "-sub-exponential", experiment, bound,
              control), claims, trial, plan(budget, name, level, false));
        });
  }

  /** Propositions 1–3 hold for every w, d ≥ 1 and σ ≥ 0; the theory's constructors reject anything else. */
  private static void admissible(String id, Point p) {
    Admissibility.of(RegressionGradientMoments.P1)
        .require("d ≥ 1", p.d() >= 1, "d = " + p.d())
        .require("σ ≥ 0", p.sigma() >= 0, "σ = " + p.sigma())
        .require("‖w − w*‖ finite", Double.isFinite(p.distance()), "‖w − w*‖ = " + p.distance())
        .orThrow();
  }

  private static StatisticalCheck.Subject subject(String id, Point p, String what, String experiment, Bound bound,
      boolean control) {
    String features = id.equals("YIN-A2") ? "Gaussian" : "Rademacher";
    return new StatisticalCheck.Subject(id, what + " (" + features + " features" + (control ? ", control" : "") + ")",
        p.parameters(), experiment, bound.citation().toString(), "none (a distributional statement)");
  }

  static Plan plan(StatisticalBudget budget, String name, double level, boolean runs) {
    return new Plan(runs ? budget.runs() : budget.samples(), 4, budget.threads(), Seeds.derive(budget.seed(), name),
        level);
  }
}
