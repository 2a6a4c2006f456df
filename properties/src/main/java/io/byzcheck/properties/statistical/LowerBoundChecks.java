package io.byzcheck.properties.statistical;

import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.attack.Attack;
import io.byzcheck.kernels.sim.optim.ByzantineSgd;
import io.byzcheck.kernels.sim.problem.Dataset;
import io.byzcheck.kernels.sim.problem.MeanEstimation;
import io.byzcheck.kernels.sim.problem.Problem;
import io.byzcheck.kernels.sim.problem.Problems;
import io.byzcheck.properties.Seeds;
import io.byzcheck.properties.stats.Claim;
import io.byzcheck.properties.stats.Claims;
import io.byzcheck.properties.stats.MonteCarlo;
import io.byzcheck.properties.stats.Plan;
import io.byzcheck.properties.stats.StatisticalCheck;
import io.byzcheck.properties.stats.StatisticalResult;
import io.byzcheck.properties.stats.TrialSeeds;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.RateShape;
import io.byzcheck.theory.alistarh.LowerBounds;
import io.byzcheck.theory.yin.MeanEstimationLowerBound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Alistarh et al. 2018, Theorems 4.3 and 4.4 (ALI-T43, ALI-T44, kind L): no algorithm given T samples per machine
 * reaches accuracy ε (resp. ε̂) with probability ≥ 2/3 unless T = Ω(D²𝒱²/(ε²m) + α²𝒱²D²/ε²) (resp.
 * Ω(𝒱²/(mσ²ε̂²) + α²𝒱²/(σ²ε̂²))). The paper defers the proofs, so the constant is made explicit here by Le Cam's
 * two-point method on the theorems' own instances with a Gaussian estimator (variance proxy 𝒱², d = 1): for 4.3 the
 * linear f = ±G·x on [−D, D] (success: f(x) − f* &lt; ε = GD, i.e. the sign of x), for 4.4 the σ-strongly convex
 * quadratic with x* = x₀ ± ε̂ (success: |x − x*| &lt; ε̂). The mT samples' sufficient statistic is N(±a, 𝒱²/(mT)), so
 * any algorithm's success probability averaged over the two hypotheses is at most (1 + TV)/2 = Φ(c) with
 * c = G√(mT)/𝒱 (4.3) or σε̂√(mT)/𝒱 (4.4): at c = 1, T equals the bound's 𝒱²-term exactly and the success rate may
 * not exceed Φ(1) = 0.841. An algorithm above it is a bug in the simulator or the estimator, and the check fails
 * (exact binomial test per T). The attackers send honest gradients: their messages are functions of the samples
 * whatever they send, so the bound holds under every attack and honest behaviour gives the algorithm the most
 * information.
 *
 * <p>The α² terms: Huber's construction ({@link HuberTwoPoint}, Yin et al. App. G (73)) on the same instances, the
 * model in which such α² lower bounds are proved — each of m = 100 machines Byzantine with probability α = 0.05
 * independently (5 expected), a Byzantine machine's T samples drawn with their mean from Q_s ∝ (ψ_{−s} − ψ_s)₊, the
 * law of a normal machine's sample mean in the other world minus its own. The worlds' gradient means ±a (4.3: G = a;
 * 4.4: x* = x₀ ± ε̂ with ε̂ = a/σ), per-sample gradient noise 𝒱, are set so that TV(ψ₊, ψ₋) = α/(1 − α):
 * a = 𝒱Φ⁻¹(1/(2(1 − α)))/√T, and every machine's data have the same law in both worlds. Then no algorithm succeeds in
 * both worlds at once, and its success rate averaged over them is at most 1/2, at T = (Φ⁻¹(1/(2(1 − α)))/α)²·α²𝒱²D²/ε²
 * (4.3) resp. ·α²𝒱²/(σ²ε̂²) (4.4): the α²-term with the explicit constant (Φ⁻¹(0.526)/0.05)² = 1.74. The Byzantine
 * machines are simulated as workers whose shards hold Q's data (ByzantineSGD cannot tell them from normal ones); the
 * algorithm is told q = αm. Control, as for the 𝒱² terms: the simulator draws the samples' noise at 𝒱/4 while the
 * separation is computed for 𝒱 (a wrong constant), so TV(ψ₊, ψ₋) = 2Φ(4Φ⁻¹(0.526)) − 1 = 0.21 exceeds α/(1 − α), the
 * contamination no longer hides the worlds, and ByzantineSGD must be found to beat 1/2. (Without contamination at
 * the right scale the pooled mean would separate the worlds too, but only to z = Φ⁻¹(0.526)·√m = 0.66: Theorem 4.4's
 * ball |x − x*| &lt; ε̂ is then hit with probability 2Φ(0.66) − 1 = 0.49 even by the best estimator, below 1/2.)
 */
final class LowerBoundChecks {
  private LowerBoundChecks() {}

  static final int M = 20;
  /** α = 1/20 ∈ (0, 0.1). */
  static final int Q = 1;
  static final double NOISE = 1;
  /** c: ε̂ = c·𝒱/(σ√(mT)) (4.4), G = c·𝒱/√(mT) (4.3). */
  static final double C = 1;
  static final double DELTA = 0.1;
  /** The filter's 𝒱: 3× the Gaussian's standard deviation (Remark 4.2); a removed honest machine only loses samples. */
  static final double FILTER_NOISE = 3 * NOISE;
  /** Theorem 4.4's runs: ByzantineSGD with 2 restarts, first epochs of 4, 16, 64 iterations (T = 7·T₁ samples). */
  static final int[] FIRST_EPOCHS = {4, 16, 64};
  static final int RESTARTS = 2;
  /** Theorem 4.3's runs: ByzantineSGD (no restarts) for T = 25, 100, 400 iterations. */
  static final int[] SAMPLES_43 = {25, 100, 400};
  /** The quadratic ‖x − z‖² of mean estimation: σ = 2, gradient noise 2(z − μ) ~ N(0, 𝒱²) for z ~ N(μ, (𝒱/2)²). */
  static final double SIGMA = 2;
  static final double DIAMETER = 1;
  /** The controls' simulator draws the noise at 𝒱/4 while the bound is computed with 𝒱 (a wrong constant). */
  static final double CONTROL_NOISE = 0.25;

  /** Φ(c): the bound on the success probability. */
  static double successBound() {
    return NormalDistribution.of(0, 1).cumulativeProbability(C);
  }

  static int samples(boolean convex, int j) {
    return convex ? SAMPLES_43[j] : FIRST_EPOCHS[j] * ((1 << (RESTARTS + 1)) - 1);
  }

  /** One run of Theorem 4.4's instance with T = 7·T₁ samples per machine: 1 if |x − x*| &lt; ε̂. */
  static double stronglyConvexSuccess(int j, double noiseScale, long seed) {
    int t = samples(false, j);
    Problem p = Problems.meanEstimation(M * t, 1, noiseScale * NOISE / 2, seed);
    double mu = p.optimum().orElseThrow()[0];
    double epsHat = C * NOISE / (SIGMA * Math.sqrt((double) M * t));
    double side = new SplittableRandom(TrialSeeds.of(seed, 2)).nextBoolean() ? 1 : -1;
    ByzantineSgd alg = ByzantineSgd.theoretical(M, 1 / (2 * SIGMA), DIAMETER, FIRST_EPOCHS[j], FILTER_NOISE, DELTA,
        1, RESTARTS);
    double x = alg.run(cluster(p, seed), new double[] {mu - side * epsHat}).output()[0];
    return Math.abs(x - mu) < epsHat ? 1 : 0;
  }

  /** One run of Theorem 4.3's instance f = s·G·x on [−1, 1], x₁ = 0, T samples per machine: 1 if s·x̄ &lt; 0. */
  static double convexSuccess(int j, double noiseScale, long seed) {
    int t = samples(true, j);
    double g = C * NOISE / Math.sqrt((double) M * t);
    SplittableRandom r = new SplittableRandom(seed);
    double side = r.nextBoolean() ? 1 : -1;
    double[] z = new double[M * t];
    for (int i = 0; i < z.length; i++) {
      z[i] = side * g + noiseScale * NOISE * r.nextGaussian();
    }
    Problem p = new Problem("Alistarh Thm 4.3: f = ±G·x on [−D, D]", new LinearSamples(new Dataset(z, z.length, 1,
        new double[z.length])), Optional.of(new double[] {-side * DIAMETER}), Optional.empty());
    // η = D/(𝒱√T), the step of Theorem 3.3's bound D²/(ηT) + η𝒱² balanced
    ByzantineSgd alg = ByzantineSgd.theoretical(M, DIAMETER / (NOISE * Math.sqrt(t)), DIAMETER, t, FILTER_NOISE,
        DELTA, 1, 0);
    double x = alg.run(cluster(p, seed), new double[1]).output()[0];
    return side * x < 0 ? 1 : 0;
  }

  private static Cluster cluster(Problem p, long seed) {
    return Cluster.builder(p).workers(M).byzantine(Q, Attack.honest()).seed(TrialSeeds.of(seed, 1))
        .monitorEvery(Integer.MAX_VALUE).build();
  }

  static List<StatisticalEntry> entries(StatisticalBudget budget) {
    List<StatisticalEntry> out = new ArrayList<>();
    out.add(entry(true, false, budget));
    out.add(entry(true, true, budget));
    out.add(entry(false, false, budget));
    out.add(entry(false, true, budget));
    out.add(alphaEntry(true, false, budget));
    out.add(alphaEntry(true, true, budget));
    out.add(alphaEntry(false, false, budget));
    out.add(alphaEntry(false, true, budget));
    return out;
  }

  // The α² terms (Huber's construction)

  static final int ALPHA_M = 100;
  /** α = 0.05 ∈ (0, 0.1), per machine. */
  static final double ALPHA = 0.05;
  /** The Byzantine machines ByzantineSGD is told of: αm. */
  static final int ALPHA_Q = 5;

  /** The worlds' half-separation of a machine's gradient mean, a = 𝒱Φ⁻¹(1/(2(1 − α)))/√T, per sample noise 𝒱. */
  static double halfSeparation(int t) {
    return MeanEstimationLowerBound.separation(ALPHA, NOISE, t).value() / 2;
  }

  /**
   * One run of Theorem 4.3's instance under Huber's construction, T samples per machine, the samples' noise at
   * noiseScale·𝒱 (1, or the control's 1/4) while the separation is computed for 𝒱: 1 if the output is on the
   * optimum's side.
   */
  static double convexAlphaSuccess(int j, double noiseScale, long seed) {
    int t = samples(true, j);
    SplittableRandom r = new SplittableRandom(seed);
    int k = r.nextBoolean() ? 1 : 0;
    double side = k == 1 ? 1 : -1;
    double a = halfSeparation(t);
    double[] z = HuberTwoPoint.samples(ALPHA_M, t, ALPHA, k, new double[] {-a, a}, noiseScale * NOISE, r);
    Problem p = new Problem("Alistarh Thm 4.3 under Huber's construction", new LinearSamples(new Dataset(z, z.length,
        1, new double[z.length])), Optional.of(new double[] {-side * DIAMETER}), Optional.empty());
    ByzantineSgd alg = ByzantineSgd.theoretical(ALPHA_M, DIAMETER / (NOISE * Math.sqrt(t)), DIAMETER, t,
        FILTER_NOISE, DELTA, 1, 0);
    double x = alg.run(alphaCluster(p, seed), new double[1]).output()[0];
    return side * x < 0 ? 1 : 0;
  }

  /**
   * One run of Theorem 4.4's instance (mean estimation, σ = 2, samples of standard deviation 𝒱/2, so gradient noise
   * 𝒱, times noiseScale) under Huber's construction: x₀ = μ₀, x* = μ₀ ± ε̂ with ε̂ = the half-separation of the
   * samples' means at noise 𝒱; 1 if |x − x*| &lt; ε̂.
   */
  static double stronglyConvexAlphaSuccess(int j, double noiseScale, long seed) {
    int t = samples(false, j);
    SplittableRandom r = new SplittableRandom(seed);
    int k = r.nextBoolean() ? 1 : 0;
    double centre = r.nextGaussian();
    double epsHat = halfSeparation(t) / 2;
    double[] mu = {centre - epsHat, centre + epsHat};
    double[] z = HuberTwoPoint.samples(ALPHA_M, t, ALPHA, k, mu, noiseScale * NOISE / 2, r);
    Problem p = new Problem("Alistarh Thm 4.4 under Huber's construction", new MeanEstimation(new Dataset(z, z.length,
        1, new double[z.length])), Optional.of(new double[] {mu[k]}), Optional.empty());
    ByzantineSgd alg = ByzantineSgd.theoretical(ALPHA_M, 1 / (2 * SIGMA), DIAMETER, FIRST_EPOCHS[j], FILTER_NOISE,
        DELTA, 1, RESTARTS);
    double x = alg.run(alphaCluster(p, seed), new double[] {centre}).output()[0];
    return Math.abs(x - mu[k]) < epsHat ? 1 : 0;
  }

  private static Cluster alphaCluster(Problem p, long seed) {
    return Cluster.builder(p).workers(ALPHA_M).byzantine(ALPHA_Q, Attack.honest()).seed(TrialSeeds.of(seed, 1))
        .monitorEvery(Integer.MAX_VALUE).build();
  }

  /** The theorem's α²-term at the instance: α²𝒱²D²/ε² with ε = aD (4.3), α²𝒱²/(σ²ε̂²) (4.4). */
  static double alphaTerm(boolean convex, int t) {
    RateShape shape = convex ? LowerBounds.convex() : LowerBounds.stronglyConvex();
    Map<String, Double> v = new LinkedHashMap<>();
    v.put("V", NOISE);
    v.put("m", (double) ALPHA_M);
    v.put("alpha", ALPHA);
    if (convex) {
      v.put("D", DIAMETER);
      v.put("eps", halfSeparation(t) * DIAMETER);
    } else {
      v.put("sigma", SIGMA);
      v.put("epshat", halfSeparation(t) / 2);
    }
    return shape.terms().get(1).evaluate(v);
  }

  private static StatisticalEntry alphaEntry(boolean convex, boolean control, StatisticalBudget budget) {
    Citation cite = convex ? LowerBounds.T43 : LowerBounds.T44;
    String id = cite.id();
    String experiment = convex
        ? "ByzantineSGD on Theorem 4.3's linear instance ±a·x on [−1, 1] under Huber's construction (m = 100, each "
            + "machine Byzantine with probability α = 0.05, its samples' mean drawn from the other world's law minus "
            + "its own), T = 25, 100, 400 samples per machine with a = 𝒱Φ⁻¹(1/(2(1−α)))/√T, where every machine's "
            + "data have one law in both worlds: count runs on the optimum's side; no algorithm may exceed 1/2."
        : "ByzantineSGD with 2 restarts on Theorem 4.4's quadratic (mean estimation, σ = 2) under Huber's "
            + "construction (m = 100, α = 0.05 per machine), T = 28, 112, 448 samples per machine, x* = x₀ ± ε̂ with "
            + "ε̂ = 𝒱Φ⁻¹(1/(2(1−α)))/(σ√T), where every machine's data have one law in both worlds: count runs with "
            + "|x − x*| < ε̂; no algorithm may exceed 1/2.";
    String text = control ? "the simulator draws the samples' noise at 𝒱/4 while the construction's separation is "
        + "computed for 𝒱 (a wrong constant): the contamination no longer hides the worlds, and the algorithm beats 1/2"
        : experiment;
    String name = id + " α² lower bound in T" + (control ? " [control: noise at 𝒱/4]" : "");
    double scale = control ? CONTROL_NOISE : 1;
    return new StatisticalEntry(id, name, control, text, level -> {
      long seed = Seeds.derive(budget.seed(), name);
      LowerBounds.conditions(cite, ALPHA, DIAMETER, NOISE, halfSeparation(samples(convex, 0))).orThrow();
      int points = convex ? SAMPLES_43.length : FIRST_EPOCHS.length;
      MonteCarlo.Trial trial = atEveryPoint(points,
          (j, sj) -> convex ? convexAlphaSuccess(j, scale, sj) : stronglyConvexAlphaSuccess(j, scale, sj));
      List<Claim> claims = new ArrayList<>();
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("m", ALPHA_M);
      p.put("α (per machine)", ALPHA);
      p.put("q told to the algorithm", ALPHA_Q);
      p.put("𝒱", NOISE);
      StringBuilder ratios = new StringBuilder();
      for (int j = 0; j < points; j++) {
        int t = samples(convex, j);
        claims.add(Claims.failure("P(success) at T = " + t, j, 0.5));
        ratios.append(j == 0 ? "" : ", ").append("T = ").append(t).append(": ")
            .append(String.format(java.util.Locale.ROOT, "%.3g", t / alphaTerm(convex, t)));
      }
      p.put("T / the bound's α²-term (hidden constant 1)", ratios.toString());
      p.put("success bound", 0.5);
      return StatisticalCheck.run(new StatisticalCheck.Subject(id, (control ? "control: " : "")
          + "ByzantineSGD" + (convex ? "" : " with restarts") + ", Huber's construction"
          + (control ? ", noise at 𝒱/4" : ""), p, text, cite.toString(), "Huber's construction (Byzantine data from "
          + "Q_s)"), claims, trial,
          new Plan(budget.runs(), 4, budget.threads(), seed, level));
    });
  }

  /** One success (1) or failure (0) at a grid point from its seed. */
  @FunctionalInterface
  private interface PointSuccess {
    double at(int point, long seed);
  }

  /** A trial that observes every grid point, point j from TrialSeeds.of(trial seed, 10 + j). */
  private static MonteCarlo.Trial atEveryPoint(int points, PointSuccess success) {
    return s -> {
      double[] row = new double[points];
      for (int j = 0; j < points; j++) {
        row[j] = success.at(j, TrialSeeds.of(s, 10 + j));
      }
      return row;
    };
  }

  private static StatisticalEntry entry(boolean convex, boolean control, StatisticalBudget budget) {
    Citation cite = convex ? LowerBounds.T43 : LowerBounds.T44;
    String id = cite.id();
    double scale = control ? CONTROL_NOISE : 1;
    String experiment = convex
        ? "ByzantineSGD on Theorem 4.3's linear instance ±G·x on [−1, 1] (m = 20, one attacker sending honest "
            + "gradients), T = 25, 100, 400 samples per machine with G = 𝒱/√(mT): count runs with f(x̄) − f* < ε = GD; "
            + "Le Cam's bound allows at most Φ(1) = 0.841."
        : "ByzantineSGD with 2 restarts on Theorem 4.4's quadratic (mean estimation, σ = 2, m = 20, one attacker "
            + "sending honest gradients), T = 28, 112, 448 samples per machine, x* = x₀ ± ε̂ with ε̂ = 𝒱/(σ√(mT)): count "
            + "runs with |x − x*| < ε̂; Le Cam's bound allows at most Φ(1) = 0.841.";
    String text = control ? "the simulator draws the estimator's noise at 𝒱/4 while the bound is computed with 𝒱 "
        + "(a wrong constant): the algorithm appears to beat the lower bound" : experiment;
    String name = id + " lower bound in T" + (control ? " [control: noise at 𝒱/4]" : "");
    return new StatisticalEntry(id, name, control, text, level -> {
      long seed = Seeds.derive(budget.seed(), name);
      LowerBounds.conditions(cite, (double) Q / M, DIAMETER, NOISE, C).orThrow();
      double bound = successBound();
      int points = convex ? SAMPLES_43.length : FIRST_EPOCHS.length;
      MonteCarlo.Trial trial = atEveryPoint(points,
          (j, sj) -> convex ? convexSuccess(j, scale, sj) : stronglyConvexSuccess(j, scale, sj));
      List<Claim> claims = new ArrayList<>();
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("m", M);
      p.put("q", Q);
      p.put("𝒱", NOISE);
      p.put("c", C);
      RateShape shape = convex ? LowerBounds.convex() : LowerBounds.stronglyConvex();
      StringBuilder ratios = new StringBuilder();
      for (int j = 0; j < points; j++) {
        int t = samples(convex, j);
        claims.add(Claims.failure("P(success) at T = " + t, j, bound));
        ratios.append(j == 0 ? "" : ", ").append("T = ").append(t).append(": ")
            .append(String.format(java.util.Locale.ROOT, "%.3g", t / boundTerm(shape, convex, t)));
      }
      p.put("T / the bound's 𝒱²-term (hidden constant 1)", ratios.toString());
      p.put("success bound Φ(c)", bound);
      StatisticalResult r = StatisticalCheck.run(new StatisticalCheck.Subject(id, (control ? "control: " : "")
          + "ByzantineSGD" + (convex ? "" : " with restarts") + (control ? " on noise at 𝒱/4" : ""), p, text,
          cite.toString(), "attacker sends honest gradients (the most informative case)"), claims, trial,
          new Plan(budget.runs(), 4, budget.threads(), seed, level));
      return withSampleRatios(r);
    });
  }

  /**
   * The measured/lower-bound ratio in samples: for the observed success rate p̂ at T, the bound allows it only from
   * T_min = T·(Φ⁻¹(p̂)/c)² samples on (c scales as √T), so T/T_min = (c/Φ⁻¹(p̂))² must be ≥ 1 (∞ when p̂ ≤ 1/2, which
   * the bound allows with no samples at all).
   */
  static StatisticalResult withSampleRatios(StatisticalResult r) {
    Map<String, Object> p = new LinkedHashMap<>(r.parameters());
    StringBuilder sb = new StringBuilder();
    for (io.byzcheck.properties.stats.Evaluation e : r.parts()) {
      double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(Math.min(e.estimate(), 1 - 1e-12));
      sb.append(sb.isEmpty() ? "" : ", ").append(e.label().replace("P(success) at ", "")).append(": ")
          .append(z > 0 ? String.format(java.util.Locale.ROOT, "%.3g", C * C / (z * z)) : "∞");
    }
    p.put("samples used / samples the bound needs for the success rate seen", sb.toString());
    return new StatisticalResult(r.id(), r.subject(), p, r.experiment(), r.estimate(), r.lower(), r.upper(), r.bound(),
        r.citation(), r.tightness(), r.trials(), r.plannedTrials(), r.seed(), r.method(), r.level(), r.pValue(),
        r.detectable(), r.verdict(), r.worstAttack(), r.parts(), r.sample(), r.sampleIsRatio(), r.rate());
  }

  /** The first term of the theorem's shape at the instance: D²𝒱²/(ε²m) (4.3) or 𝒱²/(mσ²ε̂²) (4.4). */
  static double boundTerm(RateShape shape, boolean convex, int t) {
    Map<String, Double> v = new LinkedHashMap<>();
    v.put("V", NOISE);
    v.put("m", (double) M);
    v.put("alpha", (double) Q / M);
    if (convex) {
      double g = C * NOISE / Math.sqrt((double) M * t);
      v.put("D", DIAMETER);
      v.put("eps", g * DIAMETER);
    } else {
      v.put("sigma", SIGMA);
      v.put("epshat", C * NOISE / (SIGMA * Math.sqrt((double) M * t)));
    }
    return shape.terms().getFirst().evaluate(v);
  }
}
