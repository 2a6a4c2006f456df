package io.byzcheck.reports;

import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.attack.LabelFlipping;
import io.byzcheck.kernels.sim.optim.Optimizer;
import io.byzcheck.kernels.sim.optim.Trajectory;
import io.byzcheck.kernels.sim.problem.Dataset;
import io.byzcheck.kernels.sim.problem.Problem;
import io.byzcheck.kernels.sim.problem.SoftmaxRegression;
import io.byzcheck.properties.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Yin et al.'s MNIST tables (Tables 2 and 4) share their shape: a few settings (an optimizer, with or without the
 * Byzantine machines' poisoned labels) run on one softmax problem and one sharding (the cluster's seed), each
 * reported as its test accuracy beside the paper's.
 */
final class MnistSettings {
  private MnistSettings() {}

  /** One column of the paper's table. */
  record Setting(String label, Optimizer optimizer, boolean attacked) {}

  /**
   * Test accuracy (in %) per setting, in order; 0 for a run that diverged.
   *
   * @param byzantine machines whose labels {@code flipping} poisons in the attacked settings
   */
  static double[] accuracies(String title, Problem problem, List<Setting> settings, int workers, int byzantine,
      LabelFlipping flipping, long seed, int monitorEvery, ProgressListener progress) {
    SoftmaxRegression model = (SoftmaxRegression) problem.objective();
    Dataset test = problem.test().orElseThrow();
    double[] out = new double[settings.size()];
    for (int s = 0; s < settings.size(); s++) {
      Setting setting = settings.get(s);
      progress.progress(s, settings.size(), title + ": " + setting.label());
      Cluster.Builder b = Cluster.builder(problem).workers(workers).seed(seed).monitorEvery(monitorEvery);
      if (setting.attacked()) {
        b.labelFlipping(byzantine, flipping);
      }
      Trajectory run = setting.optimizer().run(b.build(), new double[problem.dimension()]);
      out[s] = run.diverged() ? 0 : 100 * model.accuracy(run.output(), test);
    }
    progress.progress(settings.size(), settings.size(), title + " done");
    return out;
  }

  /** Rows (setting, ours, paper's), accuracies to one decimal. */
  static List<List<String>> rows(List<Setting> settings, double[] accuracies, List<Double> paper) {
    List<List<String>> rows = new ArrayList<>();
    for (int s = 0; s < settings.size(); s++) {
      rows.add(List.of(settings.get(s).label(), String.format(Locale.ROOT, "%.1f", accuracies[s]),
          String.format(Locale.ROOT, "%.1f", paper.get(s))));
    }
    return rows;
  }
}
