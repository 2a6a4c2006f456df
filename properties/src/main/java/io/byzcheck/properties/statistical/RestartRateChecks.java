package io.byzcheck.properties.statistical;

import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.Progress;
import io.byzcheck.kernels.sim.attack.Attack;
import io.byzcheck.kernels.sim.attack.FallOfEmpires;
import io.byzcheck.kernels.sim.attack.LittleIsEnough;
import io.byzcheck.kernels.sim.attack.Mimic;
import io.byzcheck.kernels.sim.attack.RandomVectors;
import io.byzcheck.kernels.sim.attack.SignFlipping;
import io.byzcheck.kernels.sim.optim.ByzantineSgd;
import io.byzcheck.kernels.sim.problem.AdditiveNoise;
import io.byzcheck.kernels.sim.problem.Problem;
import io.byzcheck.properties.Seeds;
import io.byzcheck.properties.Verdict;
import io.byzcheck.properties.stats.MonteCarlo;
import io.byzcheck.properties.stats.RateCheck;
import io.byzcheck.properties.stats.SlopeFit;
import io.byzcheck.properties.stats.StatisticalCheck;
import io.byzcheck.properties.stats.TrialSeeds;
import io.byzcheck.theory.RateShape;
import io.byzcheck.theory.alistarh.StronglyConvexRates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Alistarh et al. 2018, Theorems 3.4 and 3.5 (ALI-T34, ALI-T35): ByzantineSGD with restarts (the simulator's
 * {@code ByzantineSgd} with {@code restarts} &gt; 0: each epoch starts from the previous epoch's x̄ with η halved,
 * T doubled, D divided by √2 and the thresholds recomputed) reaches f(x) − f(x*) ≤ ε in T = Õ(L/σ + 𝒱²/(mσε) + α²𝒱²/(σε))
 * iterations (3.4, L-smooth) or Õ(G²/(σε) + 𝒱²/(mσε) + α²𝒱²/(σε) + 1) (3.5, G-Lipschitz). Measured: the iterations
 * run until an epoch's average iterate first has f(x̄) − f(x*) ≤ ε (the algorithm's output is an epoch's x̄).
 * Problems: Alistarh's additive bounded noise (𝒱 = 1, exact Assumption 2.2), d = 2, ‖x₀ − x*‖ = D/2 = 1/4, on
 * ½‖x − μ‖² (L = σ = 1) for 3.4 and on the pseudo-Huber √(1 + ‖x − μ‖²) (G = 1; σ = 2^{−3/2} on the ball of
 * radius 2D around μ that holds every iterate) for 3.5. Designs: a grid in 1/ε where every run observes every ε (a
 * paired fit) and a grid in m at α = 0 (independent runs per point); at each, the
 * term of the shape that dominates is the same at every point (the design is refused otherwise) and gives the
 * claimed slope; the adversary is searched (per point, or once for the paired design on the mean log T).
 * A run stops once it has reached every ε of its design; an ε still not reached at the end of the schedule (2¹⁵ − 1
 * first epochs, ≈ 10⁶ iterations, far beyond what any ε here needs) would count as the schedule's length.
 *
 * <p>Not in the catalogue: ALI-T35. Its design (the pseudo-Huber √(1 + ‖x − μ‖²), m = 10, q = 1, ε = 6.25·10⁻⁵ …
 * 10⁻³, the worst attack searched) did not finish in 8 minutes at the CI budget on the shared machine (probably runs
 * that never reach the smallest ε and run the whole 10⁶-iteration schedule, as in the α design below); its control
 * (filter opened, decaying shift) was caught, 1.84 [1.52, 2.15] against 1 + τ. Kept out until it is fast.
 *
 * <p>Not checked: the α-dependence. A grid α = 0.25 … 0.45 (m = 20, where α²𝒱²/(σε) dominates) stalls: with a first
 * epoch of 32 iterations the line-8 shift tuned to 𝔗_B (or ALIE) displaces epoch 0's x̄ beyond the next ball (the
 * reduction needs each epoch long enough for Theorem 3.2's α-term to halve the gap, T₁ ≳ α²𝒱²C/(σD)² with the
 * theorem's constants), and no run reached ε = 1.25·10⁻⁴ within 10⁶ iterations; with T₁ = 1024 runs still took
 * 1.3·10⁵ … 10⁶ iterations, and ε ≤ 2·10⁻⁵ met the sharding's own floor (AdditiveNoise's per-shard bias). A faithful
 * α design needs T₁ from the theorem's constants and larger shards; not built in this session.
 */
final class RestartRateChecks {
  private RestartRateChecks() {}

  static final int DIM = 2;
  static final double NOISE = 1;
  static final double DIAMETER = 0.5;
  static final double ETA = 0.5;
  /** The first epoch's length: 32 iterations take the bias of x₀ below the noise already in epoch 0. */
  static final int FIRST_EPOCH = 32;
  static final double DELTA = 0.1;
  static final int PAIRS = 1000;
  /** Epochs after the first of the schedule (a run stops once it has reached every ε of its design). */
  static final int RESTARTS = 14;
  static final double[] EPSILONS = {1e-3, 5e-4, 2.5e-4, 1.25e-4, 6.25e-5};
  /**
   * The controls' grid: coarser, since their iterations grow as ε^{−2} (≈ 6·10³ at 2.5·10⁻⁴). Four points, not
   * three: over 2·10⁻³ … 5·10⁻⁴ the ALI-T35 control's slope, 1.58 [1.12, 2.03] at the CI budget, was not separated
   * from 1 + τ.
   */
  static final double[] CONTROL_EPSILONS = {2e-3, 1e-3, 5e-4, 2.5e-4};
  /**
   * The controls' attacker ({@link DecayingShift}): ḡ + 2·k^{−1/4}·u from q = 1 of m = 10, so with the filter open
   * f(x̄) − f* ≈ (0.2)²/(2√k) and T ∝ ε^{−2}, the bias dominating the noise 𝒱²/(mk) over the grid.
   */
  static final double CONTROL_SHIFT = 2;
  static final double CONTROL_POWER = 0.25;

  /**
   * One design.
   *
   * @param variable "1/ε" or "m"
   * @param grid the variable's values
   * @param m machines (for "m", ignored)
   * @param q Byzantine machines (for "m", ignored: α = 0)
   * @param epsilon the target (for "1/ε", ignored)
   */
  record Design(String id, boolean smooth, String variable, double[] grid, int m, int q, double epsilon) {
    int machines(int j) {
      return variable.equals("m") ? (int) grid[j] : m;
    }

    int byzantine(int j) {
      return variable.equals("m") ? 0 : q;
    }

    double[] targets(int j) {
      return variable.equals("1/ε") ? Arrays.stream(grid).map(v -> 1 / v).toArray() : new double[] {epsilon};
    }

    Map<String, Object> parameters() {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("f", smooth ? "½‖x−μ‖²" : "√(1+‖x−μ‖²)");
      p.put("d", DIM);
      p.put("𝒱", NOISE);
      p.put("D", DIAMETER);
      p.put("η₁", ETA);
      p.put("T₁", FIRST_EPOCH);
      p.put("δ", DELTA);
      p.put("m", variable.equals("m") ? (long) grid[0] + "…" + (long) grid[grid.length - 1] : m);
      p.put("α", variable.equals("m") ? 0.0 : (double) q / m);
      p.put("ε", variable.equals("1/ε") ? 1 / grid[grid.length - 1] + "…" + 1 / grid[0] : epsilon);
      return p;
    }
  }

  static Design smoothInEpsilon() {
    return new Design("ALI-T34", true, "1/ε", inverse(EPSILONS), 10, 1, 0);
  }

  static Design smoothInM() {
    return new Design("ALI-T34", true, "m", new double[] {5, 10, 20, 40}, 0, 0, 1.25e-4);
  }

  static Design controlInEpsilon(boolean smooth) {
    return new Design(smooth ? "ALI-T34" : "ALI-T35", smooth, "1/ε", inverse(CONTROL_EPSILONS), 10, 1, 0);
  }

  private static double[] inverse(double[] v) {
    return Arrays.stream(v).map(e -> 1 / e).toArray();
  }

  /** σ: 1 for the quadratic; the pseudo-Huber's smallest curvature (1 + r²)^{−3/2} at r = 2D. */
  static double strongConvexity(boolean smooth) {
    return smooth ? 1 : Math.pow(1 + 4 * DIAMETER * DIAMETER, -1.5);
  }

  static RateShape shape(Design d) {
    return d.smooth() ? StronglyConvexRates.smooth() : StronglyConvexRates.lipschitz();
  }

  static Map<String, Double> variables(Design d, int j) {
    Map<String, Double> v = new LinkedHashMap<>();
    v.put("L", 1.0);
    v.put("G", 1.0);
    v.put("sigma", strongConvexity(d.smooth()));
    v.put("V", NOISE);
    v.put("m", (double) d.machines(j));
    v.put("alpha", (double) d.byzantine(j) / d.machines(j));
    v.put("eps", d.variable().equals("1/ε") ? 1 / d.grid()[j] : d.epsilon());
    return v;
  }

  /** The dominant term's exponent of the design's variable (of 1/ε: minus that of ε); an error if the term changes. */
  static double claimedSlope(Design d) {
    RateShape s = shape(d);
    RateShape.Term t = s.dominantTerm(variables(d, 0));
    for (int j = 1; j < d.grid().length; j++) {
      RateShape.Term here = s.dominantTerm(variables(d, j));
      if (!here.equals(t)) {
        throw new IllegalStateException(d.id() + ": the dominant term changes over the grid in " + d.variable() + " ("
            + t.label() + ", then " + here.label() + "): the design does not isolate a term");
      }
    }
    return d.variable().equals("1/ε") ? -t.exponent("eps") : t.exponent("m");
  }

  /**
   * τ: Õ hides logarithms in 1/ε, m, 1/δ (C = log(16mT/δ) in the thresholds); the local slope of a log factor in x is
   * 1/ln(x-scale), at most 1/ln(1/ε_max) = 0.14 for 1/ε on this grid, and 1/C &lt; 0.1 for m.
   */
  static double tolerance(Design d) {
    return d.variable().equals("1/ε") ? 1 / Math.log(Arrays.stream(d.grid()).min().orElseThrow()) : 0.1;
  }

  /** The problem: μ at distance D/2 from x₀ = 0 in a seeded direction, the noise radius a hair below 𝒱. */
  static Problem problem(Design d, int m, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] mu = new double[DIM];
    double s = 0;
    for (int k = 0; k < DIM; k++) {
      mu[k] = r.nextGaussian();
      s += mu[k] * mu[k];
    }
    for (int k = 0; k < DIM; k++) {
      mu[k] *= DIAMETER / 2 / Math.sqrt(s);
    }
    AdditiveNoise.Shape h = d.smooth() ? AdditiveNoise.quadratic(mu) : AdditiveNoise.pseudoHuber(mu, 1);
    // float32 on the wire must not push an honest gradient past 𝒱 (as in the ALI-T32/T33 checks)
    return AdditiveNoise.problem(h, DIM, PAIRS * m, NOISE * (1 - 1e-5), r.nextLong());
  }

  static ByzantineSgd algorithm(int m, boolean open) {
    ByzantineSgd a = ByzantineSgd.theoretical(m, ETA, DIAMETER, FIRST_EPOCH, NOISE, DELTA, 1, RESTARTS);
    // the control: the filter opened (𝒱, 𝔗_A, 𝔗_B × 10⁴), so the attacker's bias is never removed
    return open ? new ByzantineSgd(ETA, DIAMETER, FIRST_EPOCH, NOISE * 1e4, a.thresholdA() * 1e4,
        a.thresholdB() * 1e4, DELTA, 1, RESTARTS) : a;
  }

  /** Thrown by the observer once every target is reached: the rest of the schedule cannot change the answer. */
  private static final class Reached extends RuntimeException {
    Reached() {
      super(null, null, false, false);
    }
  }

  /**
   * One run: for each ε of {@code targets}, the iterations until the first epoch whose x̄ has f(x̄) − f* ≤ ε, and
   * last the mean of their logs (the search's score).
   */
  static double[] iterationsToReach(Design d, int m, int q, double[] targets, Attack attack, boolean open,
      long seed) {
    Problem p = problem(d, m, seed);
    ByzantineSgd alg = algorithm(m, open);
    AdditiveNoise.Shape h = shapeOf(d, p);
    double fStar = h.value(p.optimum().orElseThrow());
    Cluster cluster = Cluster.builder(p).workers(m).byzantine(q, attack).seed(TrialSeeds.of(seed, 1))
        .monitorEvery(Integer.MAX_VALUE).build();
    double[] reached = new double[targets.length];
    double[] sum = new double[DIM];
    int[] state = {0, FIRST_EPOCH, 0, 0}; // rounds in this epoch, epoch length, rounds done, targets reached
    try {
      alg.run(cluster, new double[DIM], Progress.NONE, (k, x, grads, good) -> {
        for (int c = 0; c < DIM; c++) {
          sum[c] += x[c];
        }
        if (++state[0] < state[1]) {
          return;
        }
        state[2] += state[1];
        double[] average = new double[DIM];
        for (int c = 0; c < DIM; c++) {
          average[c] = sum[c] / state[1];
        }
        double gap = h.value(average) - fStar;
        for (int j = 0; j < targets.length; j++) {
          if (reached[j] == 0 && gap <= targets[j]) {
            reached[j] = state[2];
            state[3]++;
          }
        }
        if (state[3] == targets.length) {
          throw new Reached();
        }
        Arrays.fill(sum, 0);
        state[0] = 0;
        state[1] *= 2;
      });
    } catch (Reached done) {
      // every target reached
    }
    double[] out = new double[targets.length + 1];
    for (int j = 0; j < targets.length; j++) {
      out[j] = reached[j] > 0 ? reached[j] : state[2];
      out[targets.length] += Math.log(out[j]) / targets.length;
    }
    return out;
  }

  /** The shape h the problem was built on (the loss is h exactly: its noise pairs cancel). */
  private static AdditiveNoise.Shape shapeOf(Design d, Problem p) {
    double[] mu = p.optimum().orElseThrow();
    return d.smooth() ? AdditiveNoise.quadratic(mu) : AdditiveNoise.pseudoHuber(mu, 1);
  }

  /** The simulator's attacks, and the line-8 shift of the ALI-T32 checks at the first epoch's 𝔗_B. */
  static List<Attack> attacks(int m) {
    double[] e1 = new double[DIM];
    e1[0] = 1;
    double tb = ByzantineSgd.thresholds(m, DIAMETER, FIRST_EPOCH, NOISE, DELTA)[1];
    return List.of(new DirectionAttack(e1, 0.97 * tb / FIRST_EPOCH), SignFlipping.signFlipping(),
        LittleIsEnough.fixed(1), LittleIsEnough.fixed(3), new FallOfEmpires(1.1), new RandomVectors(NOISE),
        new Mimic(0));
  }

  record Fitted(SlopeFit fit, String attacks, int runs) {}

  /** The fit of one design, computed once and shared by its check and the claim control on the same runs. */
  static Supplier<Fitted> fitted(Design d, StatisticalBudget budget, long seed, boolean open) {
    Map<String, Fitted> once = new ConcurrentHashMap<>();
    return () -> once.computeIfAbsent("fit", k -> d.variable().equals("1/ε") ? paired(d, budget, seed, open)
        : independent(d, budget, seed));
  }

  /** Runs per paired design: a quarter of the budget's runs (100 at CI, 1000 in the report). */
  static int pairedRuns(StatisticalBudget b) {
    return Math.max(16, b.runs() / 4);
  }

  private static Fitted paired(Design d, StatisticalBudget budget, long seed, boolean open) {
    double[] targets = d.targets(0);
    int k = targets.length;
    Attack attack = open ? new DecayingShift(unit(), CONTROL_SHIFT, CONTROL_POWER) : AttackSearch.worst(attacks(d.m()), DIM,
        8 * NOISE, a -> s -> iterationsToReach(d, d.m(), d.q(), targets, a, false, s), k,
        CaoRateChecks.searchBudget(budget), Seeds.derive(seed, "search")).attack();
    int runs = pairedRuns(budget);
    double[][] obs = MonteCarlo.run(s -> Arrays.copyOf(iterationsToReach(d, d.m(), d.q(), targets, attack, open, s),
        k), seed, 0, runs, budget.threads());
    return new Fitted(SlopeFit.paired(d.grid(), true, obs), attack.name(), runs);
  }

  private static Fitted independent(Design d, StatisticalBudget budget, long seed) {
    int per = CaoRateChecks.perPoint(budget);
    double[][] errors = new double[d.grid().length][per];
    StringBuilder worst = new StringBuilder();
    for (int j = 0; j < d.grid().length; j++) {
      int m = d.machines(j);
      int q = d.byzantine(j);
      double[] targets = d.targets(j);
      Attack a = q == 0 ? Attack.honest() : AttackSearch.worst(attacks(m), DIM, 8 * NOISE,
          att -> s -> iterationsToReach(d, m, q, targets, att, false, s), 0, CaoRateChecks.searchBudget(budget),
          Seeds.derive(seed, "search", j)).attack();
      worst.append(j == 0 ? "" : "; ").append(d.variable()).append(" = ").append(num(d.grid()[j])).append(": ")
          .append(a.name());
      double[][] obs = MonteCarlo.run(s -> iterationsToReach(d, m, q, targets, a, false, s), TrialSeeds.of(seed, j),
          0, per, budget.threads());
      for (int i = 0; i < per; i++) {
        errors[j][i] = obs[i][0];
      }
    }
    return new Fitted(SlopeFit.independent(d.grid(), true, errors), worst.toString(), per * d.grid().length);
  }

  private static double[] unit() {
    double[] u = new double[DIM];
    u[0] = 1;
    return u;
  }

  static List<StatisticalEntry> entries(StatisticalBudget budget) {
    List<StatisticalEntry> out = new ArrayList<>();
    Design e = smoothInEpsilon();
    long seedE = Seeds.derive(budget.seed(), "ALI-T34 1/ε");
    Supplier<Fitted> fitE = fitted(e, budget, seedE, false);
    out.add(entry(e, fitE, seedE, claimedSlope(e), false, "ByzantineSGD with restarts on ½‖x − μ‖² (m = 10, q = 1) "
        + "under the worst attack found; every run records the iterations until an epoch's x̄ first reaches each ε = "
        + "6.25·10⁻⁵ … 10⁻³; fit log T against log(1/ε): T may grow at most as 1/ε (𝒱²/(mσε) dominates).", budget));
    out.add(entry(e, fitE, seedE, 0.5, true, "the iterations claimed to grow as (1/ε)^{1/2} (faster than Theorem "
        + "3.4), on the same runs", budget));
    Design ec = controlInEpsilon(true);
    long seedC = Seeds.derive(budget.seed(), "ALI-T34 1/ε control");
    out.add(entry(ec, fitted(ec, budget, seedC, true), seedC, claimedSlope(ec), true, "ByzantineSGD with its filter "
        + "opened (𝒱, 𝔗_A, 𝔗_B × 10⁴) and one attacker adding 2·k^{−1/4}·u to the honest mean (a bias fading slower "
        + "than the filter allows), ε = 2.5·10⁻⁴ … 2·10⁻³: T grows as ε^{−2}", budget));
    Design m = smoothInM();
    long seedM = Seeds.derive(budget.seed(), "ALI-T34 m");
    out.add(entry(m, fitted(m, budget, seedM, false), seedM, claimedSlope(m), false, "ByzantineSGD with restarts on "
        + "½‖x − μ‖² at α = 0, ε = 1.25·10⁻⁴, m = 5 … 40; fit log T against log m: T must fall at least as 1/m "
        + "(𝒱²/(mσε) dominates).", budget));
    return out;
  }

  /**
   * At the CI budget the spread of log T (an epoch's x̄ reaches ε at a random epoch, and T doubles per epoch) leaves
   * the slope's standard error at 0.054 (ALI-T34 in 1/ε, 100 paired runs) and 0.107 (in m, 40 runs per point): the
   * checks detect an excess of 0.30 and 0.60 beyond τ, worse than the 0.25 required, so they are INCONCLUSIVE —
   * said, not hidden; the report's 10× the runs divide the errors by √10.
   */
  static Verdict expected(StatisticalBudget budget, boolean control) {
    return control ? Verdict.VIOLATED
        : budget.runs() >= StatisticalBudget.REPORT.runs() ? Verdict.HOLDS : Verdict.INCONCLUSIVE;
  }

  private static StatisticalEntry entry(Design d, Supplier<Fitted> fit, long seed, double claimed, boolean control,
      String text, StatisticalBudget budget) {
    RateCheck.Claim claim = RateCheck.Claim.upper(d.variable(), claimed, tolerance(d));
    String name = d.id() + " iterations to ε in " + d.variable() + (control ? " [control: " + text + "]" : "");
    return new StatisticalEntry(d.id(), name, control, text, expected(budget, control), level -> {
      Fitted f = fit.get();
      Map<String, Object> p = RateCheck.with(d.parameters(), claim);
      RateShape shape = shape(d);
      p.put("shape", shape.terms().stream().map(RateShape.Term::label).reduce((x, y) -> x + " + " + y).orElseThrow());
      p.put("dominant term", shape.dominantTerm(variables(d, 0)).label());
      String method = d.variable().equals("1/ε")
          ? f.runs() + " runs, each observing every ε (paired); the worst attack searched on the mean log T"
          : "worst attack searched per point; log T per run";
      return RateCheck.test(new StatisticalCheck.Subject(d.id(), "ByzantineSGD with restarts (Alistarh Thm "
          + (d.smooth() ? "3.4" : "3.5") + ")", p, text, shape.citation().toString(), f.attacks()), f.fit(), claim,
          level, seed, method, f.runs());
    });
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
  }
}
