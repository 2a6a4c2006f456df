package io.byzcheck.reports;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.rules.ComparativeGradientElimination;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;
import io.byzcheck.kernels.rules.CoordinateWiseTrimmedMean;
import io.byzcheck.kernels.rules.GeometricMedian;
import io.byzcheck.kernels.rules.Krum;
import io.byzcheck.kernels.rules.Mean;
import io.byzcheck.kernels.rules.MeanAroundMedian;
import io.byzcheck.kernels.rules.MinimumDiameterAveraging;
import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.attack.LittleIsEnough;
import io.byzcheck.kernels.sim.optim.MomentumSgd;
import io.byzcheck.kernels.sim.optim.Tolerance;
import io.byzcheck.kernels.sim.optim.Trajectory;
import io.byzcheck.kernels.sim.problem.Mnist;
import io.byzcheck.kernels.sim.problem.Problem;
import io.byzcheck.kernels.sim.problem.SoftmaxRegression;
import io.byzcheck.properties.Budget;
import io.byzcheck.properties.ProgressListener;
import io.byzcheck.theory.resam.MomentumExperiments;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RESAM §5 (RES-Q-MOM): under the "little" attack (ALIE, ζ = 1) with f = 5 of n = 15 workers, the six
 * (f, λ)-resilient averaging rules with momentum β = 0.99 stay near the no-attack run while β = 0
 * degrades, and CGE (not resilient averaging) does not recover with momentum. RESAM trains a CNN; we
 * train softmax regression on the bundled MNIST subset with RESAM's n, f, γ = 0.5 (App. D), b = 25 and
 * ℓ₂ = 10⁻⁴, and report the last iterate's test accuracy as RESAM's figures do.
 */
final class ResamMomentum implements PaperReproduction {
  static final int WORKERS = MomentumExperiments.WORKERS;
  static final int BYZANTINE = MomentumExperiments.BYZANTINE;
  static final double GAMMA = MomentumExperiments.LEARNING_RATE_APPENDIX_D;
  static final int BATCH = MomentumExperiments.BATCH;
  static final double[] BETAS = {MomentumExperiments.BETA_NONE, MomentumExperiments.BETA_HIGH};

  private final int iterations;

  ResamMomentum() {
    this(0);
  }

  /** iterations 0 = chosen from the budget. */
  ResamMomentum(int iterations) {
    this.iterations = iterations;
  }

  @Override
  public String id() {
    return "RES-Q-MOM";
  }

  static List<AggregationRule> rules() {
    return List.of(new MinimumDiameterAveraging(), CoordinateWiseTrimmedMean.trimF(), new CoordinateWiseMedian(),
        Krum.star(), new MeanAroundMedian(), GeometricMedian.certified(1e-5), new ComparativeGradientElimination());
  }

  int iterations(Budget budget) {
    return iterations > 0 ? iterations : Math.clamp(budget.evaluationsPerCheck() / 10, 5, 600);
  }

  /** Test accuracy (%): row 0 is the no-attack mean, then one row per rule; column per β. */
  double[][] accuracies(Budget budget, ProgressListener progress) {
    int t = iterations(budget);
    Problem problem = Mnist.softmax(8_000, MomentumExperiments.L2);
    SoftmaxRegression model = (SoftmaxRegression) problem.objective();
    List<AggregationRule> rules = rules();
    double[][] acc = new double[rules.size() + 1][BETAS.length];
    int total = acc.length * BETAS.length;
    for (int r = 0; r < acc.length; r++) {
      for (int b = 0; b < BETAS.length; b++) {
        boolean baseline = r == 0;
        AggregationRule rule = baseline ? new Mean() : rules.get(r - 1);
        progress.progress(r * BETAS.length + b, total, "RESAM momentum: " + rule.name() + ", β = " + BETAS[b]);
        Cluster.Builder c = Cluster.builder(problem).workers(baseline ? WORKERS - BYZANTINE : WORKERS)
            .seed(budget.seed()).monitorEvery(t);
        if (!baseline) {
          c.byzantine(BYZANTINE, LittleIsEnough.fixed(1));
        }
        Trajectory run = new MomentumSgd(rule, Tolerance.of(baseline ? 0 : BYZANTINE), GAMMA, BETAS[b], t, BATCH)
            .lastIterate().run(c.build(), new double[problem.dimension()]);
        acc[r][b] = run.diverged() ? 0 : 100 * model.accuracy(run.output(), problem.test().orElseThrow());
      }
    }
    progress.progress(total, total, "RESAM momentum done");
    return acc;
  }

  @Override
  public ReproductionResult run(Budget budget, ProgressListener progress) {
    long t0 = System.nanoTime();
    double[][] acc = accuracies(budget, progress);
    List<AggregationRule> rules = rules();
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r < acc.length; r++) {
      String label = r == 0 ? "no attack (mean over the 10 honest workers)" : rules.get(r - 1).name() + " under little";
      rows.add(List.of(label, pct(acc[r][0]), pct(acc[r][1]),
          MomentumExperiments.claim(r == 0, r < acc.length - 1)));
    }
    String note = String.format(Locale.ROOT, "Bundled MNIST subset (8 000 train, 2 000 test), softmax regression (RESAM "
        + "trains a CNN), n = %d, f = %d, little attack ζ = 1, γ = %s, b = %d, ℓ₂ = 1e-4, T = %d, no gradient clipping; "
        + "seed %d. Test accuracy of the last iterate.", WORKERS, BYZANTINE, GAMMA, BATCH, iterations(budget), budget.seed());
    return new ReproductionResult(id(), "RESAM §5: distributed momentum under the little attack",
        MomentumExperiments.CITATION.cite(), List.of("rule", "β = 0 (%)", "β = 0.99 (%)", "paper's claim"), rows,
        note, (System.nanoTime() - t0) / 1_000_000);
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
