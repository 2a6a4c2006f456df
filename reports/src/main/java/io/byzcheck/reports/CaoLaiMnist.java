package io.byzcheck.reports;

import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.attack.Attack;
import io.byzcheck.kernels.sim.attack.RandomVectors;
import io.byzcheck.kernels.sim.attack.SignFlipping;
import io.byzcheck.kernels.sim.optim.ApproximateNewton;
import io.byzcheck.kernels.sim.optim.ComparisonGradientDescent;
import io.byzcheck.kernels.sim.optim.ComparisonNewton;
import io.byzcheck.kernels.sim.optim.Optimizer;
import io.byzcheck.kernels.sim.optim.Trajectory;
import io.byzcheck.kernels.sim.problem.Dataset;
import io.byzcheck.kernels.sim.problem.LogisticRegression;
import io.byzcheck.kernels.sim.problem.Mnist;
import io.byzcheck.kernels.sim.problem.Problem;
import io.byzcheck.properties.Budget;
import io.byzcheck.properties.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Cao &amp; Lai §V-B, Figs. 6–9 (CAO-MNIST): logistic regression on MNIST digits 3 vs 5 with GIANT, MNM, CNM and the
 * comparison-based robust gradient method; the paper uses 12 000 training images on m = 50 workers (240 each),
 * |S₀| = 200, ξ = ξ₁ = ξ₂ = 0.9·|S₀|^{−1/4} = 0.239, μ = 10⁻⁴, η = 1, and 20 or 45 attackers (inverse or random).
 * The bundled 10 000-digit subset holds too few 3s and 5s for 50 workers of 240, so the run keeps the paper's shard
 * size, |S₀|, ξ, μ and η and its test fraction (1454 of 13 454), takes as many workers as the subset fills, and keeps
 * the paper's attacker fractions (20/50 = 0.4 < ½, 45/50 = 0.9 > ½). Paper's claim: with the minority, GIANT fails
 * while MNM, CNM and robust GD keep a high accuracy; with the majority, only CNM and robust GD do.
 */
final class CaoLaiMnist implements PaperReproduction {
  static final int SHARD = 12_000 / 50;
  static final int SERVER_SAMPLE = 200;
  static final double XI = 0.239;
  static final double MU = 1e-4;
  static final double ETA = 1;
  /** Test share of the paper's split, 1454 of 13 454. */
  static final double TEST_FRACTION = 1454.0 / 13_454;
  /** The paper gives no ℓ₂ weight; μ's value keeps every shard's Hessian invertible for GIANT's and MNM's solves. */
  static final double L2 = MU;
  static final double RANDOM_SIGMA = 10;

  private final int iterations;

  CaoLaiMnist() {
    this(0);
  }

  /** iterations 0 = chosen from the budget. */
  CaoLaiMnist(int iterations) {
    this.iterations = iterations;
  }

  @Override
  public String id() {
    return "CAO-MNIST";
  }

  /** The 3s and 5s of the subset: training (workers × 240), test (the rest), label 1 for a 5. */
  record Split(Dataset train, Dataset test, int workers) {}

  static Split split() {
    Dataset all = Mnist.load();
    List<Integer> picked = new ArrayList<>();
    for (int i = 0; i < all.rows(); i++) {
      if (all.targets()[i] == 3 || all.targets()[i] == 5) {
        picked.add(i);
      }
    }
    int test = (int) Math.ceil(TEST_FRACTION * picked.size());
    int workers = (picked.size() - test) / SHARD;
    int[] train = new int[workers * SHARD];
    int[] rest = new int[picked.size() - train.length];
    for (int i = 0; i < picked.size(); i++) {
      if (i < train.length) {
        train[i] = picked.get(i);
      } else {
        rest[i - train.length] = picked.get(i);
      }
    }
    return new Split(binary(all.subset(train)), binary(all.subset(rest)), workers);
  }

  private static Dataset binary(Dataset d) {
    double[] y = new double[d.rows()];
    for (int i = 0; i < y.length; i++) {
      y[i] = d.targets()[i] == 5 ? 1 : 0;
    }
    return d.withTargets(y);
  }

  record Case(int byzantine, Attack attack) {
    String label() {
      return byzantine + " " + attack.name();
    }
  }

  /** The paper's four cases at its attacker fractions 0.4 and 0.9 of the workers. */
  static List<Case> cases(int workers) {
    int few = (int) Math.round(0.4 * workers);
    int many = (int) Math.round(0.9 * workers);
    return List.of(new Case(few, SignFlipping.inverse()), new Case(few, new RandomVectors(RANDOM_SIGMA)),
        new Case(many, SignFlipping.inverse()), new Case(many, new RandomVectors(RANDOM_SIGMA)));
  }

  /** 1/λ_max of the logistic Hessian's bound XᵀX/(4n) (its value at θ = 0), by power iteration: robust GD's step. */
  static double gradientStep(Problem p) {
    int d = p.dimension();
    double[] v = new double[d];
    java.util.Arrays.fill(v, 1 / Math.sqrt(d));
    double[] hv = new double[d];
    double lambda = 0;
    for (int it = 0; it < 50; it++) {
      p.objective().hessianVector(new double[d], v, hv);
      lambda = Math.sqrt(java.util.Arrays.stream(hv).map(x -> x * x).sum());
      for (int k = 0; k < d; k++) {
        v[k] = hv[k] / lambda;
      }
    }
    return 1 / lambda;
  }

  int iterations(Budget budget) {
    return iterations > 0 ? iterations : Math.clamp(budget.evaluationsPerCheck() / 24, 3, 30);
  }

  @Override
  public ReproductionResult run(Budget budget, ProgressListener progress) {
    long t0 = System.nanoTime();
    Split s = split();
    Problem problem = new Problem("MNIST 3 vs 5 logistic regression (Cao & Lai §V-B)",
        new LogisticRegression(s.train(), L2), Optional.empty(), Optional.of(s.test()));
    int t = iterations(budget);
    double step = gradientStep(problem);
    List<Optimizer> algorithms = List.of(ApproximateNewton.giant(ETA, t), ApproximateNewton.medianNewton(ETA, t, 1e-6),
        new ComparisonNewton(XI, XI, MU, t), new ComparisonGradientDescent(XI, step, 16 * t));
    List<Case> cases = cases(s.workers());
    List<String> header = new ArrayList<>(List.of("attack"));
    algorithms.forEach(a -> header.add(a.name() + ": test accuracy (%)"));
    header.add("paper (Figs. 6–9)");
    List<List<String>> rows = new ArrayList<>();
    int total = cases.size() * algorithms.size();
    for (int c = 0; c < cases.size(); c++) {
      Case k = cases.get(c);
      Cluster cluster = Cluster.builder(problem).workers(s.workers()).byzantine(k.byzantine(), k.attack())
          .serverSample(SERVER_SAMPLE).seed(budget.seed()).monitorEvery(Integer.MAX_VALUE).build();
      List<String> row = new ArrayList<>(List.of(k.label() + " of " + s.workers()));
      for (int a = 0; a < algorithms.size(); a++) {
        progress.progress(c * algorithms.size() + a, total, "Cao & Lai MNIST " + k.label() + ": "
            + algorithms.get(a).name());
        Trajectory run = algorithms.get(a).run(cluster, new double[problem.dimension()]);
        row.add(run.diverged() ? "diverged" : String.format(Locale.ROOT, "%.1f", 100 * accuracy(run.output(),
            s.test())));
      }
      row.add(2 * k.byzantine() < s.workers() ? "GIANT fails; MNM, CNM, robust GD high"
          : "GIANT, MNM fail; CNM, robust GD high");
      rows.add(row);
    }
    progress.progress(total, total, "Cao & Lai MNIST done");
    String note = String.format(Locale.ROOT, "Bundled MNIST subset: %d images of 3 and 5; %d train on %d workers × %d "
        + "(the paper's shard size; the paper has 12 000 on 50 workers, which this subset cannot fill), %d test "
        + "(the paper's test fraction and more); attackers at the paper's fractions 0.4 and 0.9 (%d and %d of %d); "
        + "|S₀| = %d, ξ = ξ₁ = ξ₂ = %s, μ = %s, η = %s; ℓ₂ = %s (not given in the paper); Newton methods %d "
        + "iterations, robust GD %d with step 1/λ_max(XᵀX/4n) = %.3g (not given in the paper); random attack "
        + "N(0, %.0f²) per coordinate; seed %d.", s.train().rows() + s.test().rows(), s.train().rows(), s.workers(),
        SHARD, s.test().rows(), cases.get(0).byzantine(), cases.get(2).byzantine(), s.workers(), SERVER_SAMPLE, XI,
        MU, ETA, L2, t, 16 * t, step, RANDOM_SIGMA, budget.seed());
    return new ReproductionResult(id(), "Cao & Lai Figs. 6–9: logistic regression on MNIST 3 vs 5",
        "Cao & Lai 2020, §V-B, Figs. 6–9", header, rows, note, (System.nanoTime() - t0) / 1_000_000);
  }

  /** The share of test images whose sign of xᵀθ matches the label (1 = a 5). */
  static double accuracy(double[] theta, Dataset test) {
    int right = 0;
    for (int i = 0; i < test.rows(); i++) {
      boolean five = test.dot(i, theta, 0) > 0;
      right += five == (test.targets()[i] == 1) ? 1 : 0;
    }
    return (double) right / test.rows();
  }
}
