package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/**
 * Weighted Krum* over capped weights ({@link WeightCap}): Krum* (RESAM Appendix C.5: score = sum of squared distances
 * to the n − f − 1 nearest others, output the best-scored vector) with every count read as weight mass. W is the
 * total capped weight and F the Byzantine mass, the weight the f heaviest workers carry after the cap (the most f
 * liars can hold); worker i's score sums the squared distances to the nearest neighbour mass max{0, W − F − 1},
 * its own vector carrying the mass wᵢ − 1 beyond itself (at distance 0), the last neighbour counted by the part of its
 * mass still needed. The output is the best-scored worker of positive weight, ties by contents. Needs f &lt; n/2 and
 * F &lt; W/2. With integer weights it is Krum* with f = F on the rows repeated wᵢ times (tested).
 *
 * <p>Distances come from the double Gram ({@link io.byzcheck.kernels.internal.vectorization.GramKernel#centredGram}).
 */
public final class WeightedKrum extends WeightedRule {

  public WeightedKrum(WeightCap cap) {
    super(cap, true);
  }

  @Override
  public String name() {
    return "WKrum*(" + cap.label() + ")";
  }

  /** F: the sum of the f largest weights. */
  public static double byzantineMass(double[] w, int f) {
    double[] sorted = w.clone();
    java.util.Arrays.sort(sorted);
    double s = 0;
    for (int i = 0; i < f; i++) {
      s += sorted[sorted.length - 1 - i];
    }
    return s;
  }

  @Override
  protected void aggregateCapped(WorkerVectors finite, double[] w, int f, float[] out) {
    float[][] rows = Rows.readOnly(finite);
    int n = rows.length;
    double total = 0;
    for (double v : w) {
      total += v;
    }
    double byz = byzantineMass(w, f);
    if (!(byz < total / 2)) {
      throw Checks.failure(name(), "Byzantine mass F < W/2 (F = the f largest capped weights)", "F", byz, "W", total);
    }
    double k = Math.max(0, total - byz - 1);
    double[][] d2 = VectorizationProvider.getInstance().gramKernel().centredGram(rows).squaredDistances();
    KrumScores.Tie tie = KrumScores.byContents(rows);
    double[] dist = new double[n];
    double[] mass = new double[n];
    int best = -1;
    double bestScore = 0;
    for (int i = 0; i < n; i++) {
      if (!(w[i] > 0)) {
        continue;
      }
      // (distance, mass) by distance, itself first: an insertion sort, n is small.
      for (int j = 0; j < n; j++) {
        double dj = j == i ? -1 : d2[i][j];
        double mj = j == i ? Math.max(0, w[i] - 1) : w[j];
        int t = j - 1;
        while (t >= 0 && dist[t] > dj) {
          dist[t + 1] = dist[t];
          mass[t + 1] = mass[t];
          t--;
        }
        dist[t + 1] = dj;
        mass[t + 1] = mj;
      }
      double need = k;
      double score = 0;
      for (int t = 0; t < n && need > 0; t++) {
        double taken = Math.min(mass[t], need);
        score += taken * Math.max(0, dist[t]); // its own extra mass sits at distance 0
        need -= taken;
      }
      if (best < 0 || score < bestScore || score == bestScore && tie.compare(i, best) < 0) {
        best = i;
        bestScore = score;
      }
    }
    System.arraycopy(rows[best], 0, out, 0, out.length);
  }
}
