package io.byzcheck.properties.search;

import io.byzcheck.kernels.sim.attack.RoundSearch;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.Well19937c;

/**
 * The engine's CMA-ES (commons-math3, as {@link WorstCaseSearch}) as the per-round maximiser of the simulator's
 * worst attack ({@link io.byzcheck.kernels.sim.attack.WorstAttack}): the start is evaluated first and the best point
 * seen is returned, inside the box [−1, 1]^k, within the evaluation budget, from the seed.
 */
public final class CmaesRoundSearch implements RoundSearch {

  @Override
  public double[] maximise(ToDoubleFunction<double[]> damage, double[] start, int evaluations, long seed) {
    int k = start.length;
    double[] best = start.clone();
    double[] bestValue = {damage.applyAsDouble(start)};
    int population = 4 + (int) (3 * Math.log(k));
    int budget = evaluations - 1;
    if (budget <= population) {
      return best; // not one generation: the start stands
    }
    double[] lo = new double[k];
    double[] hi = new double[k];
    double[] sigma = new double[k];
    Arrays.fill(lo, -1);
    Arrays.fill(hi, 1);
    Arrays.fill(sigma, 0.3);
    CMAESOptimizer cma = new CMAESOptimizer(budget, 0.0, true, 0, 0, new Well19937c(seed), false,
        new SimpleValueChecker(1e-12, 1e-12));
    try {
      cma.optimize(new MaxEval(budget), new MaxIter(budget), new ObjectiveFunction(z -> {
        double v = damage.applyAsDouble(z);
        if (v > bestValue[0]) {
          bestValue[0] = v;
          System.arraycopy(z, 0, best, 0, k);
        }
        return Double.isFinite(v) ? v : 0;
      }), GoalType.MAXIMIZE, new InitialGuess(start), new SimpleBounds(lo, hi), new CMAESOptimizer.Sigma(sigma),
          new CMAESOptimizer.PopulationSize(population));
    } catch (TooManyEvaluationsException spent) {
      // the budget is spent: the best point seen stands
    }
    return best;
  }
}
