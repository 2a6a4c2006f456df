package io.byzcheck.properties.statistical;

import io.byzcheck.kernels.sim.attack.Attack;
import io.byzcheck.properties.Seeds;
import io.byzcheck.properties.stats.MonteCarlo;
import io.byzcheck.properties.stats.SlopeFit;
import io.byzcheck.properties.stats.TrialSeeds;
import io.byzcheck.theory.RateShape;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The experiment behind a rate check (THEORY.md kind R): at each grid point the adversary is searched (or fixed, for
 * a control), then independent trials under it (point j's trial i from TrialSeeds.of(TrialSeeds.of(seed, j), i)),
 * and a {@link SlopeFit} of log of the mean error per point. Computed once and shared by a check and the controls
 * that reuse its runs (a wrong claimed slope).
 */
final class GridFit {
  private GridFit() {}

  /** The fit and, per point, the attack it ran under. */
  record Fitted(SlopeFit fit, String attacks) {}

  /** One run's error (&gt; 0) at grid point j under an attack. */
  @FunctionalInterface
  interface PointRun {
    double error(int point, Attack attack, long seed);
  }

  /**
   * How the adversary is chosen at each point.
   *
   * @param named the simulator's attacks to screen
   * @param dimension d of the CMA-ES direction attack
   * @param maxLength its largest length
   * @param fixed per point, an attack to use without search (a control's, or honest when q = 0), or null to search
   */
  record Adversary(List<Attack> named, int dimension, double maxLength, IntFunction<Attack> fixed) {}

  static Supplier<Fitted> of(double[] x, String variable, PointRun run, Adversary adversary,
      StatisticalBudget search, int perPoint, int threads, long seed) {
    Map<String, Fitted> once = new ConcurrentHashMap<>();
    return () -> once.computeIfAbsent("fit", k -> {
      double[][] errors = new double[x.length][perPoint];
      StringBuilder worst = new StringBuilder();
      for (int j = 0; j < x.length; j++) {
        int point = j;
        Attack a = adversary.fixed().apply(j);
        if (a == null) {
          a = AttackSearch.worst(adversary.named(), adversary.dimension(), adversary.maxLength(),
              at -> s -> new double[] {run.error(point, at, s)}, 0, search, Seeds.derive(seed, "search", j)).attack();
        }
        Attack chosen = a;
        worst.append(j == 0 ? "" : "; ").append(variable).append(" = ").append(num(x[j])).append(": ")
            .append(chosen.name());
        double[][] obs = MonteCarlo.run(s -> new double[] {run.error(point, chosen, s)}, TrialSeeds.of(seed, j), 0,
            perPoint, threads);
        for (int i = 0; i < perPoint; i++) {
          errors[j][i] = obs[i][0];
        }
      }
      return new Fitted(SlopeFit.independentOfMeans(x, true, errors), worst.toString());
    });
  }

  /**
   * The claimed slope: the exponent of {@code variable} in the term of {@code shape} that dominates at every grid
   * point (hidden constants 1); an error if the dominant term changes over the grid — the design would then not
   * isolate one term.
   */
  static double claimedSlope(String id, RateShape shape, String variable, List<Map<String, Double>> points) {
    RateShape.Term t = shape.dominantTerm(points.getFirst());
    for (Map<String, Double> p : points) {
      RateShape.Term here = shape.dominantTerm(p);
      if (!here.equals(t)) {
        throw new IllegalStateException(id + ": the dominant term changes over the grid (" + t.label() + " at "
            + points.getFirst() + ", " + here.label() + " at " + p + "): the design does not isolate a term");
      }
    }
    return t.exponent(variable);
  }

  /** The shape's terms joined with " + ", for the result's parameters. */
  static String terms(RateShape shape) {
    return String.join(" + ", shape.terms().stream().map(RateShape.Term::label).toList());
  }

  /** Search budget per grid point: the rate checks' ({@link YinRateChecks#searchBudget}). */
  static StatisticalBudget search(StatisticalBudget b) {
    return YinRateChecks.searchBudget(b);
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
