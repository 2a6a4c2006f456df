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
import io.byzcheck.properties.stats.Claim;
import io.byzcheck.properties.stats.Claims;
import io.byzcheck.properties.stats.MonteCarlo;
import io.byzcheck.properties.stats.StatisticalCheck;
import io.byzcheck.theory.Admissibility;
import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.alistarh.ByzantineSgdBounds;
import io.byzcheck.theory.alistarh.ByzantineSgdThresholds;
import io.byzcheck.theory.alistarh.GoodSetGuarantee;
import io.byzcheck.theory.alistarh.NoiseModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Alistarh et al. 2018 (ALI-GOOD, ALI-L31, ALI-T32, ALI-T33) on the simulator's ByzantineSgd with the thresholds
 * theory suggests, on the additive bounded-noise problems (Assumption 2.2 holds with 𝒱 = the noise radius): the
 * smooth ½‖x − μ‖² (L = 1, Theorem 3.2) and the 1-Lipschitz pseudo-Huber (Theorem 3.3), each at two points.
 * A trial is one run (mini-batches of one sample, T iterations, q of m machines Byzantine) watched by the
 * algorithm's observer: whether an honest machine ever left good_k, Error₁ and Error₂ as the paper defines them,
 * and f(x̄) − f(x*). Each statement is a probability ≥ 1 − δ, tested by the exact binomial test.
 */
final class ByzantineSgdChecks {
  private ByzantineSgdChecks() {}

  /**
   * One parameter point.
   *
   * @param smooth the quadratic (Thm 3.2) or the pseudo-Huber (Thm 3.3)
   * @param pairs antipodal noise pairs per machine (2·pairs samples per shard)
   */
  record Point(boolean smooth, int m, int q, int d, double noise, double diameter, int t, double eta, double delta,
      int pairs) {
    double alpha() {
      return (double) q / m;
    }

    Map<String, Object> parameters() {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("f", smooth ? "½‖x−μ‖²" : "√(ε²+‖x−μ‖²)");
      p.put("m", m);
      p.put("q", q);
      p.put("d", d);
      p.put("𝒱", noise);
      p.put("D", diameter);
      p.put("T", t);
      p.put("η", eta);
      p.put("δ", delta);
      return p;
    }
  }

  static final Point[] POINTS = {
      new Point(true, 10, 2, 3, 1, 10, 400, 0.5, 0.05, 1000),
      new Point(true, 15, 4, 5, 0.5, 5, 300, 0.25, 0.1, 1000),
      new Point(false, 10, 2, 3, 0.2, 10, 400, 0.5, 0.05, 1000),
      new Point(false, 12, 3, 4, 0.3, 8, 300, 0.4, 0.1, 1000)};

  /** The pseudo-Huber's ε (L = 1/ε, so Thm 3.3, not 3.2, is the statement that applies at η = 0.5). */
  static final double EPSILON = 0.5;

  // observation columns
  static final int GOOD_FAILED = 0;
  static final int L31_RATIO = 1;
  static final int GAP = 2;
  static final int SCORE = 3;
  static final int ERROR1 = 4;
  static final int ERROR2 = 5;

  static List<StatisticalEntry> entries(StatisticalBudget budget) {
    List<StatisticalEntry> out = new ArrayList<>();
    for (Point p : POINTS) {
      out.addAll(point(p, budget, false));
    }
    out.addAll(point(POINTS[0], budget, true));
    out.addAll(point(POINTS[2], budget, true));
    return out;
  }

  /** The problem and its noise-free objective h (= f exactly: the noise pairs cancel). */
  record Setup(Problem problem, AdditiveNoise.Shape shape) {}

  /** The problem at a point; μ at distance D/2 from x₁ = 0, inside the ball of Problem (3.1). */
  private static Setup problem(Point p, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] mu = new double[p.d()];
    double s = 0;
    for (int k = 0; k < p.d(); k++) {
      mu[k] = r.nextGaussian();
      s += mu[k] * mu[k];
    }
    for (int k = 0; k < p.d(); k++) {
      mu[k] *= p.diameter() / 2 / Math.sqrt(s);
    }
    AdditiveNoise.Shape h = p.smooth() ? AdditiveNoise.quadratic(mu) : AdditiveNoise.pseudoHuber(mu, EPSILON);
    // the radius sits a hair below 𝒱 so that float32 rounding on the wire cannot push an honest gradient past 𝒱
    return new Setup(AdditiveNoise.problem(h, p.d(), p.pairs() * p.m(), p.noise() * (1 - 1e-5), r.nextLong()), h);
  }

  private static Bound gapBound(Point p) {
    return p.smooth()
        ? ByzantineSgdBounds.smooth(p.m(), p.t(), p.delta(), p.alpha(), p.diameter(), p.noise(), p.eta(), 1)
        : ByzantineSgdBounds.lipschitz(p.m(), p.t(), p.delta(), p.alpha(), p.diameter(), p.noise(), p.eta(), 1);
  }

  /**
   * The proof's constant: (3.5) doubled with Lemma 3.1's Error₂ bound gives η(8𝒱²C/m + 64α²𝒱²), not the printed
   * 32α²𝒱² (the last line of the proof multiplies every term by 2).
   */
  private static double proofGapBound(Point p) {
    return gapBound(p).value() + 32 * p.eta() * p.alpha() * p.alpha() * p.noise() * p.noise();
  }

  /** Theorem 3.2/3.3's conditions at p, and Assumption 2.2 on every sample; an error (not HOLDS) when violated. */
  private static void admissible(Point p, Setup setup) {
    Problem problem = setup.problem();
    Citation c = p.smooth() ? new Citation("ALI-T32", "ALI", "Theorem 3.2") : new Citation("ALI-T33", "ALI",
        "Theorem 3.3");
    double[] x1 = new double[p.d()];
    double[] full = new double[p.d()];
    problem.objective().gradient(x1, full);
    int n = problem.objective().samples();
    double[][] each = new double[n][p.d()];
    for (int i = 0; i < n; i++) {
      problem.objective().restrict(new int[] {i}).gradient(x1, each[i]);
    }
    Admissibility noise = NoiseModel.admits(each, full, p.noise());
    double toOptimum = Math.sqrt(java.util.Arrays.stream(problem.optimum().orElseThrow()).map(v -> v * v).sum());
    Admissibility.of(c)
        .require("α = q/m < 1/2", p.alpha() < 0.5, "α = " + p.alpha())
        .require("η ≤ 1/(2L)", !p.smooth() || p.eta() <= 0.5, "η = " + p.eta() + ", L = 1")
        .require("‖x* − x₁‖ ≤ D", toOptimum <= p.diameter(), "‖x* − x₁‖ = " + toOptimum)
        .require("Assumption 2.2: ‖∇f_s − ∇f‖ ≤ 𝒱 for every sample", noise.admissible(),
            noise.failures().isEmpty() ? "" : noise.failures().getFirst().message())
        .orThrow();
  }

  /** The algorithm under test: the theoretical thresholds, or a control's. */
  private static ByzantineSgd algorithm(Point p, String control) {
    ByzantineSgd alg = ByzantineSgd.theoretical(p.m(), p.eta(), p.diameter(), p.t(), p.noise(), p.delta(), 1, 0);
    return switch (control) {
      case "" -> alg;
      case "tight" -> new ByzantineSgd(p.eta(), p.diameter(), p.t(), p.noise(), alg.thresholdA() / 10,
          alg.thresholdB() / 10, p.delta(), 1, 0);
      case "open" -> new ByzantineSgd(p.eta(), p.diameter(), p.t(), p.noise() * 1e4, alg.thresholdA() * 1e4,
          alg.thresholdB() * 1e4, p.delta(), 1, 0);
      default -> throw new IllegalArgumentException(control);
    };
  }

  /** One run under an attack: the columns above. */
  private static MonteCarlo.Trial trial(Point p, Setup setup, ByzantineSgd alg, Attack attack, Bound b1, Bound b2,
      Bound gap) {
    Problem problem = setup.problem();
    AdditiveNoise.Shape h = setup.shape();
    double[] xStar = problem.optimum().orElseThrow();
    double fStar = h.value(xStar);
    return seed -> {
      Cluster cluster = Cluster.builder(problem).workers(p.m()).byzantine(p.q(), attack).seed(seed)
          .monitorEvery(p.t()).build();
      int d = p.d();
      double[] e = new double[3]; // Error₁, Error₂·T, honest removed
      double[] avgNext = new double[d];
      double[] avgCurrent = new double[d];
      double[] trueGrad = new double[d];
      double[] xi = new double[d];
      alg.run(cluster, new double[d], Progress.NONE, (k, x, grads, good) -> {
        h.gradient(x, trueGrad);
        for (int c = 0; c < d; c++) {
          avgCurrent[c] += x[c] / p.t();
        }
        double[] sum = new double[d];
        java.util.Arrays.fill(xi, 0);
        for (int i = 0; i < grads.length; i++) {
          if (!good[i]) {
            e[2] += cluster.isByzantine(i) ? 0 : 1;
            continue;
          }
          double inner = 0;
          for (int c = 0; c < d; c++) {
            inner += (grads[i][c] - trueGrad[c]) * (x[c] - xStar[c]);
            sum[c] += (grads[i][c] - trueGrad[c]) / grads.length;
            xi[c] += grads[i][c] / grads.length;
          }
          e[0] += inner;
        }
        double s2 = 0;
        for (double v : sum) {
          s2 += v * v;
        }
        e[1] += s2;
        // x_{k+1} = Π_{B(x₁,D)}(x_k − ηξ_k), for Theorem 3.2's average over x₂ … x_{T+1}
        double[] next = new double[d];
        double norm = 0;
        for (int c = 0; c < d; c++) {
          next[c] = x[c] - alg.stepSize() * xi[c];
          norm += next[c] * next[c];
        }
        norm = Math.sqrt(norm);
        for (int c = 0; c < d; c++) {
          avgNext[c] += (norm > alg.diameter() ? next[c] * alg.diameter() / norm : next[c]) / p.t();
        }
      });
      double error1 = e[0];
      double error2 = e[1] / p.t();
      // Theorem 3.2 averages x₂ … x_{T+1}, Theorem 3.3 x₁ … x_T (the algorithm's own output)
      double[] xBar = p.smooth() ? avgNext : avgCurrent;
      double gapValue = h.value(xBar) - fStar;
      double l31 = Math.max(Math.abs(error1) / b1.value(), error2 / b2.value());
      double score = Math.max(l31, gapValue / gap.value()) + (e[2] > 0 ? 1 : 0);
      return new double[] {e[2] > 0 ? 1 : 0, l31, gapValue, score, error1, error2};
    };
  }

  /**
   * The simulator's attacks at several parameters, and one aimed at line 8: a constant shift of length
   * 0.97·𝔗_B/T puts the Byzantine B_i at 0.97·𝔗_B from the honest ones, so it is a valid B_med.
   */
  static List<Attack> attacks(Point p) {
    double[] e1 = new double[p.d()];
    e1[0] = 1;
    return List.of(new DirectionAttack(e1, 0.97 * thresholds(p).thresholdB() / p.t()), Attack.honest(), SignFlipping.signFlipping(), new SignFlipping("sign flipping ×4", 4),
        LittleIsEnough.baruch(), LittleIsEnough.fixed(1), LittleIsEnough.fixed(3), new FallOfEmpires(0.1),
        new FallOfEmpires(1.1), new RandomVectors(p.noise()), new Mimic(0));
  }

  static List<StatisticalEntry> point(Point p, StatisticalBudget budget, boolean control) {
    String tag = p.parameters().toString();
    long seed = Seeds.derive(budget.seed(), "ALI", tag, control);
    Setup problem = problem(p, seed);
    Bound b1 = ByzantineSgdBounds.error1(p.m(), p.t(), p.delta(), p.alpha(), p.diameter(), p.noise());
    Bound b2 = ByzantineSgdBounds.error2(p.m(), p.t(), p.delta(), p.alpha(), p.diameter(), p.noise());
    Bound gap = gapBound(p);
    String thm = p.smooth() ? "ALI-T32" : "ALI-T33";
    // The search runs once per point (lazily, by the first check), on the point's worst score: max of the L31
    // and gap ratios, plus 1 when an honest machine was removed.
    Map<String, Object> shared = new java.util.concurrent.ConcurrentHashMap<>();
    Function<String, Object[]> prepared = alg -> (Object[]) shared.computeIfAbsent(alg, key -> {
      admissible(p, problem);
      ByzantineSgd a = algorithm(p, key);
      AttackSearch.Found worst;
      if (key.isEmpty()) {
        worst = AttackSearch.worst(attacks(p), p.d(), 8 * p.noise(),
            att -> trial(p, problem, a, att, b1, b2, gap), SCORE, budget, seed);
      } else {
        Attack fixed = key.equals("tight") ? Attack.honest() : new SignFlipping("sign flipping ×10", 10);
        worst = new AttackSearch.Found(fixed, Double.NaN, 1);
      }
      return new Object[] {worst, new Memo(trial(p, problem, a, worst.attack(), b1, b2, gap))};
    });
    List<StatisticalEntry> out = new ArrayList<>();
    String alg = control ? "ByzantineSGD" : "ByzantineSGD (theory's thresholds)";
    if (!control) {
      out.add(entry("ALI-GOOD", p, budget, seed, "", alg, prepared,
          "Run ByzantineSGD under the worst attack found and count runs in which an honest machine ever left good_k.",
          GoodSetGuarantee.successProbability(p.delta()),
          List.of(Claims.failure("P(an honest machine removed)", GOOD_FAILED, p.delta())), Verdict.VIOLATED));
      out.add(entry("ALI-L31", p, budget, seed, "", alg, prepared,
          "Run ByzantineSGD under the worst attack found and count runs with |Error₁| or Error₂ above Lemma 3.1.",
          b1, List.of(Claims.exceedance("P(max(|E₁|/B₁, E₂/B₂) > 1)", L31_RATIO, 1, p.delta()))));
      out.add(entry(thm, p, budget, seed, "", alg + ", printed constant", prepared,
          "Run ByzantineSGD under the worst attack found and count runs with f(x̄) − f(x*) above the theorem's bound "
              + "as printed (32α²𝒱²).", gap, List.of(Claims.exceedance("P(f(x̄) − f* > bound)", GAP, gap.value(),
              p.delta()))));
      Bound proof = Bound.of(proofGapBound(p), gap.citation(), "the proof's 64α²𝒱²");
      out.add(entry(thm, p, budget, seed, "", alg + ", proof's constant", prepared,
          "Run ByzantineSGD under the worst attack found and count runs with f(x̄) − f(x*) above the bound the proof "
              + "gives (64α²𝒱²).", proof, List.of(Claims.exceedance("P(f(x̄) − f* > bound)", GAP, proof.value(),
              p.delta()))));
    } else {
      out.add(control("ALI-GOOD", p, budget, seed, "tight", prepared,
          "ByzantineSGD with 𝔗_A and 𝔗_B divided by 10 (no attack)", GoodSetGuarantee.successProbability(p.delta()),
          List.of(Claims.failure("P(an honest machine removed)", GOOD_FAILED, p.delta()))));
      out.add(control("ALI-L31", p, budget, seed, "open", prepared,
          "ByzantineSGD with its filter opened (𝒱, 𝔗_A, 𝔗_B × 10⁴) under sign flipping ×10", b1,
          List.of(Claims.exceedance("P(max(|E₁|/B₁, E₂/B₂) > 1)", L31_RATIO, 1, p.delta()))));
      out.add(control(thm, p, budget, seed, "open", prepared,
          "ByzantineSGD with its filter opened (𝒱, 𝔗_A, 𝔗_B × 10⁴) under sign flipping ×10", gap,
          List.of(Claims.exceedance("P(f(x̄) − f* > bound)", GAP, gap.value(), p.delta()))));
    }
    return out;
  }

  private static StatisticalEntry entry(String id, Point p, StatisticalBudget budget, long seed, String alg,
      String subject, Function<String, Object[]> prepared, String experiment, Bound bound, List<Claim> claims) {
    return entry(id, p, budget, seed, alg, subject, prepared, experiment, bound, claims, Verdict.HOLDS);
  }

  /** The finding behind ALI-GOOD's expected VIOLATED. */
  static final String B_MEDIAN_FINDING = "Finding: Algorithm 1 as printed does not keep every honest machine. Line 8 "
      + "accepts as B_med any B_i with more than m/2 others within 𝔗_B, and line 10 removes machines farther than 𝔗_B "
      + "from it: a Byzantine B_i placed 0.97·𝔗_B from the honest cluster is a valid B_med (when its index is the "
      + "one chosen), and the honest machines on the far side are then more than 𝔗_B from it and are removed. The "
      + "gradient filter avoids this by doubling (median radius 2𝒱, filter radius 4𝒱); the B filter would need "
      + "radius 2𝔗_B, or B_med chosen among the best-supported points. Lemma 3.1 and Theorems 3.2–3.3 still hold "
      + "at these points.";

  private static StatisticalEntry entry(String id, Point p, StatisticalBudget budget, long seed, String alg,
      String subject, Function<String, Object[]> prepared, String experiment, Bound bound, List<Claim> claims,
      Verdict expected) {
    String name = id + " " + subject + " " + p.parameters();
    String text = expected == Verdict.VIOLATED ? experiment + " " + B_MEDIAN_FINDING : experiment;
    return new StatisticalEntry(id, name, false, text, expected, level -> run(id, p, budget, seed, alg, subject,
        prepared, text, bound, claims, level));
  }

  private static StatisticalEntry control(String id, Point p, StatisticalBudget budget, long seed, String alg,
      Function<String, Object[]> prepared, String description, Bound bound, List<Claim> claims) {
    String name = id + " [control] " + p.parameters();
    return new StatisticalEntry(id, name, true, description, level -> run(id, p, budget, seed, alg,
        "control: " + description, prepared, description, bound, claims, level));
  }

  private static io.byzcheck.properties.stats.StatisticalResult run(String id, Point p, StatisticalBudget budget,
      long seed, String alg, String subject, Function<String, Object[]> prepared, String experiment, Bound bound,
      List<Claim> claims, double level) {
    Object[] ready = prepared.apply(alg);
    AttackSearch.Found worst = (AttackSearch.Found) ready[0];
    String attack = worst.attack().name() + (Double.isNaN(worst.score()) ? "" : " (worst of " + worst.candidates()
        + " candidates, screening score " + String.format(java.util.Locale.ROOT, "%.3g", worst.score()) + ")");
    Map<String, Object> params = p.parameters();
    if (id.equals("ALI-T32") || id.equals("ALI-T33")) {
      // the gap's bound itself (the result's bound is δ), for the report's plot of f(x̄) − f* against it
      params.put(StatisticalCatalogue.GAP_BOUND, bound.value());
    }
    return StatisticalCheck.run(new StatisticalCheck.Subject(id, subject, params, experiment,
        bound.citation().toString(), attack), claims, (MonteCarlo.Trial) ready[1],
        new io.byzcheck.properties.stats.Plan(budget.runs(), 4, budget.threads(), seed, level));
  }

  /** Thresholds as theory computes them, for the report's parameter table. */
  static ByzantineSgdThresholds thresholds(Point p) {
    return ByzantineSgdThresholds.of(p.m(), p.t(), p.delta(), p.diameter(), p.noise());
  }
}
