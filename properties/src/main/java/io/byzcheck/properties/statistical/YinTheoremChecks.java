package io.byzcheck.properties.statistical;

import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.attack.Attack;
import io.byzcheck.kernels.sim.optim.Iterate;
import io.byzcheck.kernels.sim.optim.RobustGradientDescent;
import io.byzcheck.kernels.sim.optim.Trajectory;
import io.byzcheck.kernels.sim.problem.AdditiveNoise;
import io.byzcheck.kernels.sim.problem.Problem;
import io.byzcheck.properties.Seeds;
import io.byzcheck.properties.stats.RateCheck;
import io.byzcheck.properties.stats.StatisticalCheck;
import io.byzcheck.properties.stats.TrialSeeds;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.RateShape;
import io.byzcheck.theory.yin.MedianCondition;
import io.byzcheck.theory.yin.MedianGradientDescent;
import io.byzcheck.theory.yin.TrimmedMeanGradientDescent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Yin et al. 2018, Theorems 2, 3, 5 and 6 (YIN-T2, YIN-T3, YIN-T5, YIN-T6): Algorithm 1 with η = 1/L_F on a convex
 * and on a non-convex F, run for the theorem's T, the measured quantity's slope in n tested one-sided against the
 * exponent of the floor's dominant term (Δ of (3) for the median, Δ′ of (5) for the trimmed mean).
 *
 * <p>Problem: d = 1, f(w; z) = h(w) + z·w with z = ±1 (Yin §3 with F = h exactly: {@link AdditiveNoise}), so
 * Assumption 2 holds with V = 1, Assumption 3 with S = 1 (two points), Assumption 6 with v = 1 (a Rademacher
 * variable is 1-sub-Gaussian); m = 200 machines, q = 20 Byzantine (α = 0.1), n = 64 … 1024.
 * <ul>
 *   <li>convex (T2, T5): h = √(1 + w²), pseudo-Huber — convex, not strongly convex (curvature → 0 far away), L_F =
 *       L̂ = 1; w⁰ = 3, W the ball of radius 8 (Assumption 4: W ⊇ the ball of radius 2‖w⁰ − w*‖ around w*);
 *       T = L_F‖w⁰ − w*‖/Δ; measured F(w^T) − F*;</li>
 *   <li>non-convex (T3, T6): h = ½w² + 2cos w − w (curvature 1 − 2cos w &lt; 0 for |w| &lt; π/3), L_F = L̂ = 3; w⁰ =
 *       0.9, inside the concave part; W the ball of radius 10; T = 2L_F(F(w⁰) − F*)/Δ²; measured min_{t≤T}
 *       ‖∇F(w^t)‖.</li>
 * </ul>
 * Δ is the explicit one of Theorem 8 ({@link MedianGradientDescent#delta}, ε the largest on a 0.01 grid that
 * condition (2) allows over the grid), Δ′ Theorem 11's leading term ({@link TrimmedMeanGradientDescent#deltaPrime},
 * β = α = 0.1, ε = 0.39, the largest on that grid with β ≤ 1/2 − ε); T therefore grows with n, as the theorems
 * say. The worst attack is searched at each n. On a smooth F with a non-degenerate minimum the excess risk at the
 * floor falls as Δ², faster than the theorems' O(Δ): T2 and T5 are expected "faster than claimed".
 *
 * <p>Assumption 5 (T3, T6) asks W to contain a ball of radius (2/Δ²)(M + Δ)(F(w⁰) − F*) around w⁰, ≈ 10³ here, only
 * so that the proof never meets the projection; W has radius 10 instead, and every run is checked never to come
 * within 1 of its boundary, so the projection never acts — what the assumption buys.
 */
final class YinTheoremChecks {
  private YinTheoremChecks() {}

  static final int M = 200;
  static final int Q = 20;
  static final int[] NS = {64, 128, 256, 512, 1024};
  /** r of the ±r noise: V = r, v = r. */
  static final double NOISE = 1;
  /** Assumption 3's absolute skewness of a ±r coordinate. */
  static final double SKEWNESS = 1;
  static final double BETA = 0.1;
  static final double TRIMMED_EPSILON = 0.39;
  /** The control's β, below α: Theorems 4–6 need α ≤ β. */
  static final double LOW_BETA = 0.05;

  /** The two landscapes. */
  enum Landscape {
    CONVEX("h = √(1 + w²) (pseudo-Huber, convex)", 1, 8, 3),
    NON_CONVEX("h = ½w² + 2cos w − w (non-convex)", 3, 10, 0.9);

    final String label;
    final double lF;
    final double radius;
    final double start;

    Landscape(String label, double lF, double radius, double start) {
      this.label = label;
      this.lF = lF;
      this.radius = radius;
      this.start = start;
    }

    AdditiveNoise.Shape shape() {
      return this == CONVEX ? AdditiveNoise.pseudoHuber(new double[] {0}, 1) : AdditiveNoise.cosine(new double[] {1}, 2);
    }

    /** L̂·D: the partial derivative is L_F-Lipschitz (the noise adds none), D = 2·radius. */
    double lHatD() {
      return lF * 2 * radius;
    }

    /** F(w⁰) − F* (non-convex) or ‖w⁰ − w*‖ (convex): what the theorem's T is made of. */
    double initial() {
      AdditiveNoise.Shape s = shape();
      double wStar = s.minimiser()[0];
      return this == CONVEX ? Math.abs(start - wStar) : s.value(new double[] {start}) - s.value(new double[] {wStar});
    }
  }

  /** Which aggregation the run uses: the theorem's, or a control's. */
  enum Rule {
    AS_STATED, MEAN, LOW_BETA
  }

  /** One theorem: median (T2, T3) or trimmed mean (T5, T6), convex or not. */
  record Theorem(String id, boolean trimmed, Landscape landscape) {
    Citation citation() {
      return switch (id) {
        case "YIN-T2" -> MedianGradientDescent.T2;
        case "YIN-T3" -> MedianGradientDescent.T3;
        case "YIN-T5" -> TrimmedMeanGradientDescent.T5;
        default -> TrimmedMeanGradientDescent.T6;
      };
    }

    RateShape shape() {
      return trimmed ? TrimmedMeanGradientDescent.floorShape(citation()) : MedianGradientDescent.floorShape(citation());
    }

    double alpha() {
      return (double) Q / M;
    }

    /** ε: for the median the largest on a 0.01 grid that (2) allows at every n; for the trimmed mean 0.39. */
    double epsilon() {
      if (trimmed) {
        return TRIMMED_EPSILON;
      }
      double worst = 0;
      for (int n : NS) {
        worst = Math.max(worst, MedianCondition.leftHandSide(alpha(), n, M, 1, landscape.lHatD(), SKEWNESS));
      }
      return Math.floor((0.5 - worst) * 100) / 100;
    }

    /** The explicit Δ (median) or Δ′ (trimmed mean) at n, its conditions checked. */
    double delta(int n) {
      return trimmed
          ? TrimmedMeanGradientDescent.deltaPrime(alpha(), BETA, epsilon(), NOISE, n, M, 1, landscape.lHatD()).value()
          : MedianGradientDescent.delta(alpha(), epsilon(), n, M, 1, landscape.lHatD(), SKEWNESS, NOISE).value();
    }

    /** The theorem's T at n, rounded up. */
    int iterations(int n) {
      double d = delta(n);
      double t = landscape == Landscape.CONVEX
          ? (trimmed ? TrimmedMeanGradientDescent.convexIterations(landscape.lF, landscape.initial(), d)
              : MedianGradientDescent.convexIterations(landscape.lF, landscape.initial(), d))
          : (trimmed ? TrimmedMeanGradientDescent.nonConvexIterations(landscape.lF, landscape.initial(), d)
              : MedianGradientDescent.nonConvexIterations(landscape.lF, landscape.initial(), d));
      return (int) Math.ceil(t);
    }

    /** The theorem's explicit bound at n: 16‖w⁰ − w*‖Δ(1 + Δ/(2L_F)) (convex) or √2·Δ (non-convex). */
    double bound(int n) {
      double d = delta(n);
      double i = landscape.initial();
      double lF = landscape.lF;
      return landscape == Landscape.CONVEX
          ? (trimmed ? TrimmedMeanGradientDescent.convex(lF, i, d) : MedianGradientDescent.convex(lF, i, d)).value()
          : (trimmed ? TrimmedMeanGradientDescent.nonConvex(lF, i, d) : MedianGradientDescent.nonConvex(lF, i, d))
              .value();
    }

    /** The shape's variables at n (hidden constants 1). */
    Map<String, Double> variables(int n) {
      Map<String, Double> v = new LinkedHashMap<>();
      v.put("n", (double) n);
      v.put("m", (double) M);
      v.put("d", 1.0);
      v.put("LD", landscape.lHatD());
      if (trimmed) {
        v.put("beta", BETA);
        v.put("eps", epsilon());
      } else {
        v.put("alpha", alpha());
        v.put("S", SKEWNESS);
      }
      return v;
    }

    double claimedSlope() {
      List<Map<String, Double>> points = new ArrayList<>();
      for (int n : NS) {
        points.add(variables(n));
      }
      return GridFit.claimedSlope(id, shape(), "n", points);
    }

    RobustGradientDescent algorithm(Rule rule, int t) {
      double eta = 1 / landscape.lF;
      RobustGradientDescent a = switch (rule) {
        case AS_STATED -> trimmed ? RobustGradientDescent.trimmedMean(BETA, eta, t) : RobustGradientDescent.median(eta, t);
        case MEAN -> RobustGradientDescent.mean(eta, t);
        case LOW_BETA -> RobustGradientDescent.trimmedMean(LOW_BETA, eta, t);
      };
      return a.projectedOnto(landscape.radius);
    }

    /** F(w^T) − F* (convex) or min_{t ≤ T} ‖∇F(w^t)‖ (non-convex) of one run at n. */
    double observe(Rule rule, int n, Attack attack, long seed) {
      AdditiveNoise.Shape h = landscape.shape();
      Problem p = AdditiveNoiseShard.problem(h, n * M / 2, NOISE, seed);
      int t = iterations(n);
      boolean convex = landscape == Landscape.CONVEX;
      Cluster c = Cluster.builder(p).workers(M).byzantine(Q, attack).seed(TrialSeeds.of(seed, 1))
          .monitorEvery(convex ? t : 1).build();
      Trajectory run = algorithm(rule, t).run(c, new double[] {landscape.start});
      if (convex) {
        double excess = h.value(run.output()) - h.value(h.minimiser());
        return Math.max(excess, 1e-15);
      }
      double wStar = Math.abs(h.minimiser()[0]);
      double min = Double.POSITIVE_INFINITY;
      for (Iterate it : run.iterates()) {
        if (it.error().orElseThrow() > landscape.radius - 1 - wStar) {
          throw new IllegalStateException(id + ": iterate " + it.t() + " came within 1 of W's boundary (error "
              + it.error().orElseThrow() + ", seed " + seed + "): the projection may act, Assumption 5's purpose fails");
        }
        min = Math.min(min, it.gradientNorm());
      }
      return Math.max(min, 1e-12);
    }
  }

  static final Theorem T2 = new Theorem("YIN-T2", false, Landscape.CONVEX);
  static final Theorem T3 = new Theorem("YIN-T3", false, Landscape.NON_CONVEX);
  static final Theorem T5 = new Theorem("YIN-T5", true, Landscape.CONVEX);
  static final Theorem T6 = new Theorem("YIN-T6", true, Landscape.NON_CONVEX);

  static double[] grid() {
    return java.util.Arrays.stream(NS).asDoubleStream().toArray();
  }

  /** The runs of a theorem under the rule, the adversary searched at each n (or the control's fixed attack). */
  static Supplier<GridFit.Fitted> fitted(Theorem th, Rule rule, StatisticalBudget budget, long seed) {
    GridFit.Adversary adversary = new GridFit.Adversary(YinRateChecks.attacks(), 1, 100 * NOISE,
        rule == Rule.AS_STATED ? j -> null : j -> new DirectionAttack(new double[] {1}, 50 * NOISE));
    return GridFit.of(grid(), "n", (j, a, s) -> th.observe(rule, NS[j], a, s), adversary, GridFit.search(budget),
        YinRateChecks.perPoint(budget), budget.threads(), seed);
  }

  static List<StatisticalEntry> entries(StatisticalBudget budget) {
    List<StatisticalEntry> out = new ArrayList<>();
    for (Theorem th : List.of(T2, T3, T5, T6)) {
      long seed = Seeds.derive(budget.seed(), th.id() + " n");
      Supplier<GridFit.Fitted> fit = fitted(th, Rule.AS_STATED, budget, seed);
      out.add(entry(th, Rule.AS_STATED, fit, seed, th.claimedSlope(), null));
      switch (th.id()) {
        case "YIN-T2" -> {
          long s = Seeds.derive(budget.seed(), th.id() + " mean control");
          out.add(entry(th, Rule.MEAN, fitted(th, Rule.MEAN, budget, s), s, th.claimedSlope(),
              "the plain mean in Algorithm 1, 20 of 200 machines sending ḡ + 50: its excess risk does not shrink with n"));
        }
        case "YIN-T5" -> {
          long s = Seeds.derive(budget.seed(), th.id() + " low-β control");
          out.add(entry(th, Rule.LOW_BETA, fitted(th, Rule.LOW_BETA, budget, s), s, th.claimedSlope(),
              "the 0.05-trimmed mean at α = 0.1 (β < α, outside Theorems 4–6), 20 of 200 machines sending ḡ + 50: "
                  + "half the attackers survive the trimming"));
        }
        default -> out.add(entry(th, Rule.AS_STATED, fit, seed, -1,
            "the slope in n claimed as −1 (steeper than the theorem's −1/2), on the same runs"));
      }
    }
    return out;
  }

  private static StatisticalEntry entry(Theorem th, Rule rule, Supplier<GridFit.Fitted> fit, long seed, double claimed,
      String control) {
    boolean convex = th.landscape() == Landscape.CONVEX;
    String alg = th.trimmed() ? "β-trimmed-mean GD (Alg. 1, Option II), β = " + BETA : "median GD (Alg. 1, Option I)";
    String quantity = convex ? "F(w^T) − F*" : "min_{t≤T} ‖∇F(w^t)‖";
    String experiment = "Run " + alg + " with η = 1/L_F on d = 1, " + th.landscape().label + ", ±1 gradient noise, "
        + "m = 200, q = 20 (α = 0.1), n = 64 … 1024, for the theorem's T = " + (convex ? "L_F‖w⁰ − w*‖/Δ" : "2L_F(F(w⁰) − F*)/Δ²")
        + " with the explicit " + (th.trimmed() ? "Δ′ (Theorem 11, ε = 0.39)" : "Δ (Theorem 8, ε = " + th.epsilon() + ")")
        + " (T = " + th.iterations(NS[0]) + " … " + th.iterations(NS[NS.length - 1]) + "), under the worst attack "
        + "found at each n; fit log E[" + quantity + "] against log n: it must fall at least as n^{−1/2}, the "
        + (th.trimmed() ? "Δ′" : "Δ") + " floor's dominant term." + (convex ? " On this F the excess risk at the floor "
        + "is ∝ Δ² (a non-degenerate minimum), so a slope near −1 is expected: faster than claimed." : "");
    RateCheck.Claim claim = RateCheck.Claim.upper("n", claimed, YinRateChecks.TOLERANCE);
    String name = th.id() + " " + (th.trimmed() ? "TRIMMED" : "MEDIAN") + " in n" + (control == null ? ""
        : " [control: " + control + "]");
    String text = control == null ? experiment : control;
    return new StatisticalEntry(th.id(), name, control != null, text, level -> {
      GridFit.Fitted f = fit.get();
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("problem", "d = 1, " + th.landscape().label + ", ±1 noise");
      p.put("n", NS[0] + "…" + NS[NS.length - 1]);
      p.put("m", M);
      p.put("α", th.alpha());
      if (th.trimmed() || rule == Rule.LOW_BETA) {
        p.put("β", rule == Rule.LOW_BETA ? LOW_BETA : BETA);
      }
      p.put("ε", th.epsilon());
      p.put("T", th.iterations(NS[0]) + "…" + th.iterations(NS[NS.length - 1]));
      p.put(th.trimmed() ? "Δ′" : "Δ", String.format(java.util.Locale.ROOT, "%.3g…%.3g", th.delta(NS[0]),
          th.delta(NS[NS.length - 1])));
      p.put("measured", quantity);
      double[] mean = f.fit().meanLog();
      p.put("measured mean / the theorem's explicit bound at n = " + NS[0] + ", " + NS[NS.length - 1],
          String.format(java.util.Locale.ROOT, "%.3g, %.3g", Math.exp(mean[0]) / th.bound(NS[0]),
              Math.exp(mean[mean.length - 1]) / th.bound(NS[NS.length - 1])));
      p.put("shape", GridFit.terms(th.shape()));
      p.put("shape's local slope at the middle point", th.shape().localSlope("n", th.variables(NS[NS.length / 2])));
      String subject = switch (rule) {
        case AS_STATED -> alg;
        case MEAN -> "control: plain mean in Alg. 1";
        case LOW_BETA -> "control: 0.05-trimmed mean at α = 0.1";
      };
      return RateCheck.test(new StatisticalCheck.Subject(th.id(), subject, RateCheck.with(p, claim), text,
          th.citation().toString(), f.attacks()), f.fit(), claim, level, seed,
          "worst attack searched per point (controls: a fixed ḡ + 50); log of the mean per point, delta-method "
              + "standard errors");
    });
  }
}
