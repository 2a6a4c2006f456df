package io.byzcheck.properties.statistical;

import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.attack.Attack;
import io.byzcheck.kernels.sim.attack.LittleIsEnough;
import io.byzcheck.kernels.sim.attack.SignFlipping;
import io.byzcheck.kernels.sim.optim.Optimizer;
import io.byzcheck.kernels.sim.optim.RobustGradientDescent;
import io.byzcheck.kernels.sim.problem.Problem;
import io.byzcheck.kernels.sim.problem.Problems;
import io.byzcheck.properties.Seeds;
import io.byzcheck.properties.stats.MonteCarlo;
import io.byzcheck.properties.stats.RateCheck;
import io.byzcheck.properties.stats.SlopeFit;
import io.byzcheck.properties.stats.StatisticalCheck;
import io.byzcheck.properties.stats.StatisticalResult;
import io.byzcheck.properties.stats.TrialSeeds;
import io.byzcheck.theory.RateShape;
import io.byzcheck.theory.yin.MedianCondition;
import io.byzcheck.theory.yin.StatisticalRates;
import io.byzcheck.theory.yin.TrimmedMeanGradientDescent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Yin et al. 2018's statistical rates (YIN-RATE-MED, YIN-RATE-TRM; §4.1–4.3, Table 1) on mean estimation, eq. (6)
 * (f(w, z) = ‖w − z‖², z ~ N(μ, σ²I), so L_F = λ_F = 2), d = 1: median GD and β-trimmed-mean GD (Algorithm 1,
 * η = 1/L_F, 3 iterations — on this problem one step already reaches the aggregate of the local means, the rest is
 * the float wire), projected onto W = the ball of radius 10. The error is ‖w_T − μ‖. At each grid point the
 * adversary is searched first ({@link AttackSearch}: the simulator's attacks and a CMA-ES-driven shift, scored by
 * the mean error at that point on screening trials), because the rate is a statement about the worst case at each
 * n: a fixed shift that is small at small n and saturates at large n would bend the curve without refuting it.
 * Then a slope fit of log error over the grid ({@link RateCheck}), one-sided against the dominant term's exponent.
 *
 * <p>Linearity in α is fitted against 1/α, the direction in which Õ(α/√n) is asymptotic: as α → 0 the error must
 * fall at least as α, so a slope in 1/α significantly shallower than −1 + τ refutes the bound, and a steeper one
 * (the median's bias is Φ⁻¹(1/(2(1 − α)))σ/√n, superlinear in α) is "faster than claimed".
 */
final class YinRateChecks {
  private YinRateChecks() {}

  static final int D = 1;
  static final double SIGMA = 1;
  static final double RADIUS = 10;
  /** L̂ = 2 (each sample's gradient 2(w − z) is 2-Lipschitz), D = 2·RADIUS. */
  static final double L_HAT_D = 2 * 2 * RADIUS;
  /** Assumption 3's absolute skewness of a Gaussian coordinate, E|X − μ|³/σ³ = 2√(2/π). */
  static final double SKEWNESS = 2 * Math.sqrt(2 / Math.PI);
  static final double EPSILON = 0.05;
  static final int ITERATIONS = 3;
  /** τ of every slope in n or m here: the rates are Õ(·), and the log factor √log(nmL̂D) changes the slope by ≤ 0.04. */
  static final double TOLERANCE = 0.1;

  /** Which aggregation Algorithm 1 uses. */
  enum Rule {
    MEDIAN("median GD (Alg. 1, Option I)"), TRIMMED("β-trimmed-mean GD (Alg. 1, Option II)"),
    MEAN("control: plain mean in Alg. 1");

    final String label;

    Rule(String label) {
      this.label = label;
    }
  }

  /** One grid point: n samples on each of m machines, q Byzantine. */
  record Point(int n, int m, int q) {
    double alpha() {
      return (double) q / m;
    }
  }

  /**
   * One design: a grid in one variable, the rule, β for the trimmed mean.
   *
   * @param variable "n", "m" or "1/α"
   */
  record Design(String id, String variable, Rule rule, double beta, List<Point> grid) {
    double[] x() {
      return grid.stream().mapToDouble(p -> switch (variable) {
        case "n" -> p.n();
        case "m" -> p.m();
        case INVERSE_ALPHA -> 1 / p.alpha();
        default -> throw new IllegalStateException("no grid variable " + variable);
      }).toArray();
    }

    Map<String, Object> parameters() {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("problem", "mean estimation, d = " + D + ", σ = " + SIGMA);
      Point first = grid.getFirst();
      Point last = grid.getLast();
      p.put("n", variable.equals("n") ? first.n() + "…" + last.n() : first.n());
      p.put("m", variable.equals("m") ? first.m() + "…" + last.m() : first.m());
      p.put("α", variable.equals(INVERSE_ALPHA) ? first.alpha() + "…" + last.alpha() : first.alpha());
      if (rule == Rule.TRIMMED) {
        p.put("β", beta);
      }
      p.put("T", ITERATIONS);
      return p;
    }
  }

  static Design medianInN() {
    return new Design("YIN-RATE-MED", "n", Rule.MEDIAN, 0, grid(new int[] {128, 256, 512, 1024, 2048}, 200, 20));
  }

  static Design medianInM() {
    List<Point> g = new ArrayList<>();
    for (int m : new int[] {100, 200, 400, 800}) {
      g.add(new Point(1000, m, 0));
    }
    return new Design("YIN-RATE-MED", "m", Rule.MEDIAN, 0, g);
  }

  /** The grid variable of the α design: α's inverse (see the class comment). */
  static final String INVERSE_ALPHA = "1/α";

  /**
   * α = 0.24 … 0.05 at m = n = 1000 (1/α increasing): α > 1/√m = 0.032 and α > 1/√n, so α/√n dominates 1/√(nm) and 1/n at every
   * point (α√m ≥ 1.6: the statistical noise inflates the error at α = 0.05 by about 2 %).
   */
  static Design medianInAlpha() {
    List<Point> g = new ArrayList<>();
    for (int q : new int[] {240, 150, 90, 50}) {
      g.add(new Point(1000, 1000, q));
    }
    return new Design("YIN-RATE-MED", INVERSE_ALPHA, Rule.MEDIAN, 0, g);
  }

  static Design trimmedInN() {
    return new Design("YIN-RATE-TRM", "n", Rule.TRIMMED, 0.1, grid(new int[] {1, 2, 4, 8, 16, 32}, 400, 40));
  }

  private static List<Point> grid(int[] ns, int m, int q) {
    List<Point> g = new ArrayList<>();
    for (int n : ns) {
      g.add(new Point(n, m, q));
    }
    return g;
  }

  /** The rate's shape and the variables at a grid point (hidden constants 1, as RateShape takes them). */
  static RateShape shape(Design d) {
    return d.rule() == Rule.TRIMMED ? StatisticalRates.trimmedMean() : StatisticalRates.median();
  }

  static Map<String, Double> variables(Design d, Point p) {
    Map<String, Double> v = new LinkedHashMap<>();
    v.put("n", (double) p.n());
    v.put("m", (double) p.m());
    v.put(d.rule() == Rule.TRIMMED ? "beta" : "alpha", d.rule() == Rule.TRIMMED ? d.beta() : p.alpha());
    return v;
  }

  /**
   * The claim: the exponent of the variable in the term that dominates the shape at every grid point (an error
   * if the dominant term changes over the grid — then the design does not isolate one term).
   */
  static double claimedSlope(Design d) {
    RateShape s = shape(d);
    RateShape.Term t = s.dominantTerm(variables(d, d.grid().getFirst()));
    for (Point p : d.grid()) {
      RateShape.Term here = s.dominantTerm(variables(d, p));
      if (!here.equals(t)) {
        throw new IllegalStateException(d.id() + ": the dominant term changes over the grid (" + t.label() + " at "
            + d.grid().getFirst() + ", " + here.label() + " at " + p + "): the design does not isolate a term");
      }
    }
    return d.variable().equals(INVERSE_ALPHA) ? -t.exponent("alpha") : t.exponent(d.variable());
  }

  /** Theorem 1–3's condition (2) (median) or Theorem 4–6's α ≤ β ≤ 1/2 − ε (trimmed mean) at every grid point. */
  static void admissible(Design d) {
    for (Point p : d.grid()) {
      if (d.rule() == Rule.TRIMMED) {
        TrimmedMeanGradientDescent.conditions(p.alpha(), d.beta(), EPSILON).orThrow();
      } else {
        MedianCondition.conditions(p.alpha(), EPSILON, p.n(), p.m(), D, L_HAT_D, SKEWNESS).orThrow();
      }
    }
  }

  static Optimizer algorithm(Design d) {
    double eta = 0.5;
    RobustGradientDescent a = switch (d.rule()) {
      case MEDIAN -> RobustGradientDescent.median(eta, ITERATIONS);
      case TRIMMED -> RobustGradientDescent.trimmedMean(d.beta(), eta, ITERATIONS);
      case MEAN -> RobustGradientDescent.mean(eta, ITERATIONS);
    };
    return a.projectedOnto(RADIUS);
  }

  /** ‖w_T − μ‖ of one run at a grid point under an attack. */
  static double error(Design d, Point p, Attack attack, long seed) {
    Problem problem = Problems.meanEstimation(p.n() * p.m(), D, SIGMA, seed);
    Cluster cluster = Cluster.builder(problem).workers(p.m()).byzantine(p.q(), attack)
        .seed(TrialSeeds.of(seed, 1)).monitorEvery(ITERATIONS).build();
    double[] w = algorithm(d).run(cluster, new double[D]).output();
    double[] mu = problem.optimum().orElseThrow();
    double s = 0;
    for (int k = 0; k < D; k++) {
      s += (w[k] - mu[k]) * (w[k] - mu[k]);
    }
    // float32 on the wire: an error below its resolution would be rounding, not statistics
    return Math.max(Math.sqrt(s), 1e-9);
  }

  static List<Attack> attacks() {
    return List.of(Attack.honest(), SignFlipping.signFlipping(), new SignFlipping("sign flipping ×4", 4),
        LittleIsEnough.fixed(1), LittleIsEnough.fixed(3), new DirectionAttack(new double[] {1}, 5 * SIGMA),
        new DirectionAttack(new double[] {1}, 50 * SIGMA));
  }

  /** The worst attack found at each grid point (honest when q = 0). */
  static List<AttackSearch.Found> search(Design d, StatisticalBudget budget, long seed) {
    List<AttackSearch.Found> out = new ArrayList<>();
    for (int j = 0; j < d.grid().size(); j++) {
      Point p = d.grid().get(j);
      if (p.q() == 0) {
        out.add(new AttackSearch.Found(Attack.honest(), Double.NaN, 1));
        continue;
      }
      out.add(AttackSearch.worst(attacks(), D, 100 * SIGMA, a -> s -> new double[] {error(d, p, a, s)}, 0,
          searchBudget(budget), Seeds.derive(seed, "search", j)));
    }
    return out;
  }

  /** The fit of one design, computed once and shared by its check and the controls that reuse its runs. */
  record Fitted(SlopeFit fit, String attacks) {}

  static Supplier<Fitted> fitted(Design d, StatisticalBudget budget, long seed) {
    Map<String, Fitted> once = new ConcurrentHashMap<>();
    return () -> once.computeIfAbsent("fit", k -> {
      admissible(d);
      List<AttackSearch.Found> worst = search(d, budget, seed);
      int perPoint = perPoint(budget);
      double[][] errors = new double[d.grid().size()][perPoint];
      for (int j = 0; j < d.grid().size(); j++) {
        Point p = d.grid().get(j);
        Attack a = worst.get(j).attack();
        double[][] obs = MonteCarlo.run(s -> new double[] {error(d, p, a, s)}, TrialSeeds.of(seed, j), 0, perPoint,
            budget.threads());
        for (int i = 0; i < perPoint; i++) {
          errors[j][i] = obs[i][0];
        }
      }
      return new Fitted(SlopeFit.independentOfMeans(d.x(), true, errors), describe(d, worst));
    });
  }

  private static String describe(Design d, List<AttackSearch.Found> worst) {
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < worst.size(); j++) {
      Point p = d.grid().get(j);
      sb.append(j == 0 ? "" : "; ").append(d.variable().equals(INVERSE_ALPHA) ? "α = " + p.alpha()
          : d.variable() + " = " + (long) d.x()[j]).append(": ")
          .append(worst.get(j).attack().name());
    }
    return sb.toString();
  }

  /** Trials per grid point: 0.3× the budget's runs (120 at CI, 1200 in the report). */
  static int perPoint(StatisticalBudget budget) {
    return Math.max(16, budget.runs() * 3 / 10);
  }

  /**
   * The search at each grid point: half the screening trials and a third of the CMA-ES evaluations of an E check,
   * at most 16 of each (8 and 8 at CI, 16 and 16 in the report): the direction attack here has few dimensions, and
   * a search per point multiplies its cost by the grid's size.
   */
  static StatisticalBudget searchBudget(StatisticalBudget b) {
    return new StatisticalBudget(b.name(), b.samples(), b.runs(), Math.min(16, Math.max(4, b.screening() / 2)),
        Math.min(16, Math.max(8, b.searchEvaluations() / 3)), b.family(), b.threads(), b.seed());
  }

  static List<StatisticalEntry> entries(StatisticalBudget budget) {
    List<StatisticalEntry> out = new ArrayList<>();
    Design n = medianInN();
    long seedN = Seeds.derive(budget.seed(), "YIN-RATE-MED n");
    withClaimControl(out, n, budget, seedN, "Median GD on mean estimation at fixed α = 0.1 (m = 200, q = 20), n = "
        + "128 … 2048 (n > 1/α², so α/√n dominates 1/n), under the worst attack found at each n; fit log E‖w_T − μ‖ "
        + "(log of the mean error at each point) against log n: the floor must fall at least as n^{−1/2}.", -1,
        "the slope in n claimed as −1 (steeper than the paper's −1/2), on the same runs");
    Design m = medianInM();
    long seedM = Seeds.derive(budget.seed(), "YIN-RATE-MED m");
    out.add(entry(m, fitted(m, budget, seedM), seedM, claimedSlope(m), false,
        "Median GD on mean estimation at α = 0, n = 1000 > m = 100 … 800; fit log E‖w_T − μ‖ (log of the mean error at each point) against log m: the "
            + "error must fall at least as m^{−1/2} (1/√(nm) dominates)."));
    Design a = medianInAlpha();
    withClaimControl(out, a, budget, Seeds.derive(budget.seed(), "YIN-RATE-MED α"), "Median GD on mean estimation "
        + "at n = m = 1000, α = 0.05 … 0.24 (q = 50 … 240; α/√n dominates), under the worst attack found at each α; "
        + "fit log E‖w_T − μ‖ against log(1/α): as α falls the error must fall at least as α (slope ≤ −1 + τ in "
        + "1/α).", -2, "the error claimed quadratic in α (slope −2 in 1/α, steeper than the paper's linear term), on "
        + "the same runs");
    Design mean = new Design("YIN-RATE-MED", "n", Rule.MEAN, 0, n.grid());
    long seedMean = Seeds.derive(budget.seed(), "YIN-RATE-MED mean control");
    out.add(entry(mean, fitted(mean, budget, seedMean), seedMean, claimedSlope(n), true,
        "the plain mean in Algorithm 1 under the worst attack found at each n (its floor αs does not shrink with n)"));
    Design t = trimmedInN();
    long seedT = Seeds.derive(budget.seed(), "YIN-RATE-TRM n");
    out.add(entry(t, fitted(t, budget, seedT), seedT, claimedSlope(t), false,
        "β-trimmed-mean GD (β = 0.1) on mean estimation at α = 0.1 (m = 400, q = 40) and n = O(1): n = 1 … 32, "
            + "under the worst attack found at each n; fit log E‖w_T − μ‖ (log of the mean error at each point) against log n: the floor must fall at "
            + "least as n^{−1/2} even at n = 1 (no 1/n term)."));
    return out;
  }

  /** A design's check and, on the same runs, the control that claims a steeper slope than the paper. */
  private static void withClaimControl(List<StatisticalEntry> out, Design d, StatisticalBudget budget, long seed,
      String text, double controlSlope, String controlText) {
    Supplier<Fitted> fit = fitted(d, budget, seed);
    out.add(entry(d, fit, seed, claimedSlope(d), false, text));
    out.add(entry(d, fit, seed, controlSlope, true, controlText));
  }

  private static StatisticalEntry entry(Design d, Supplier<Fitted> fit, long seed, double claimed, boolean control,
      String text) {
    RateCheck.Claim claim = RateCheck.Claim.upper(d.variable(), claimed, TOLERANCE);
    Map<String, Object> params = RateCheck.with(d.parameters(), claim);
    String name = d.id() + " " + d.rule() + " in " + d.variable() + (control ? " [control: " + text + "]" : "");
    return new StatisticalEntry(d.id(), name, control, text, level -> {
      Fitted f = fit.get();
      Map<String, Object> p = new LinkedHashMap<>(params);
      RateShape shape = shape(d);
      Point mid = d.grid().get(d.grid().size() / 2);
      p.put("shape", shape.terms().stream().map(RateShape.Term::label).reduce((a, b) -> a + " + " + b).orElseThrow());
      p.put("shape's local slope at the middle point", d.variable().equals(INVERSE_ALPHA)
          ? -shape.localSlope("alpha", variables(d, mid)) : shape.localSlope(d.variable(), variables(d, mid)));
      return RateCheck.test(new StatisticalCheck.Subject(d.id(), d.rule().label, p, text,
          shape.citation().toString(), f.attacks()), f.fit(), claim, level, seed, "worst attack searched per point; log of the mean error per point, delta-method standard errors");
    });
  }
}
