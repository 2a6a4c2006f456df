package io.byzcheck.properties.statistical;

import io.byzcheck.kernels.sim.attack.Attack;
import io.byzcheck.properties.Seeds;
import io.byzcheck.properties.stats.MonteCarlo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.Well19937c;

/**
 * The adversary is searched, not sampled: every named attack of the simulator (with its parameters) and a
 * CMA-ES search over {@link DirectionAttack}'s (u, s) are scored on the same screening trials (common random
 * numbers: candidate j and candidate k see the same seeds, so their difference is the attack's), and the worst
 * is returned. The screening seeds are disjoint from the confirmatory trials', so choosing the worst attack does
 * not bias the test that follows.
 */
final class AttackSearch {
  private AttackSearch() {}

  /** A trial under a given attack, returning a score column (larger = closer to violating). */
  record Found(Attack attack, double score, int candidates) {}

  /**
   * @param named the simulator's attacks to try
   * @param dimension d of the direction attack
   * @param maxLength the largest s the direction attack may use
   * @param trialUnder one trial's observations under an attack; {@code scoreColumn} is maximised
   */
  static Found worst(List<Attack> named, int dimension, double maxLength, Function<Attack, MonteCarlo.Trial> trialUnder,
      int scoreColumn, StatisticalBudget budget, long checkSeed) {
    long screenSeed = Seeds.derive(checkSeed, "attack screening");
    List<Attack> tried = new ArrayList<>();
    Attack best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (Attack a : named) {
      double s = score(a, trialUnder, scoreColumn, budget, screenSeed);
      tried.add(a);
      if (s > bestScore) {
        bestScore = s;
        best = a;
      }
    }
    int n = dimension + 1;
    double[] lo = new double[n];
    double[] hi = new double[n];
    double[] x0 = new double[n];
    double[] sigma = new double[n];
    for (int k = 0; k < dimension; k++) {
      lo[k] = -1;
      hi[k] = 1;
      x0[k] = k == 0 ? 0.5 : 0.1;
      sigma[k] = 0.5;
    }
    lo[dimension] = 0;
    hi[dimension] = maxLength;
    x0[dimension] = maxLength / 4;
    sigma[dimension] = maxLength / 4;
    double[] bestDirection = {Double.NEGATIVE_INFINITY};
    Attack[] bestCma = {null};
    CMAESOptimizer cma = new CMAESOptimizer(budget.searchEvaluations(), 0.0, true, 0, 0,
        new Well19937c(Seeds.derive(checkSeed, "cma-es")), false, new SimpleValueChecker(1e-12, 1e-12));
    try {
      cma.optimize(new MaxEval(budget.searchEvaluations()), new ObjectiveFunction(p -> {
        double[] u = java.util.Arrays.copyOf(p, dimension);
        if (java.util.Arrays.stream(u).allMatch(v -> v == 0)) {
          u[0] = 1;
        }
        Attack a = new DirectionAttack(u, p[dimension]);
        double s = score(a, trialUnder, scoreColumn, budget, screenSeed);
        if (s > bestDirection[0]) {
          bestDirection[0] = s;
          bestCma[0] = a;
        }
        return s;
      }), GoalType.MAXIMIZE, new InitialGuess(x0), new SimpleBounds(lo, hi), new CMAESOptimizer.Sigma(sigma),
          new CMAESOptimizer.PopulationSize(4 + (int) (3 * Math.log(n))));
    } catch (org.apache.commons.math3.exception.TooManyEvaluationsException spent) {
      // the best direction so far stands
    }
    if (bestCma[0] != null && bestDirection[0] > bestScore) {
      bestScore = bestDirection[0];
      best = bestCma[0];
    }
    return new Found(best, bestScore, tried.size() + budget.searchEvaluations());
  }

  private static double score(Attack a, Function<Attack, MonteCarlo.Trial> trialUnder, int column,
      StatisticalBudget budget, long screenSeed) {
    double[][] obs = MonteCarlo.run(trialUnder.apply(a), screenSeed, 0, budget.screening(), budget.threads());
    double s = 0;
    for (double[] o : obs) {
      s += o[column] / obs.length;
    }
    return s;
  }
}
