package io.byzcheck.kernels.reference;

import io.byzcheck.kernels.rules.Bulyan;
import io.byzcheck.kernels.rules.KrumScores;
import java.util.ArrayList;
import java.util.List;

/**
 * Bulyan(Krum) from El Mhamdi, Guerraoui &amp; Rouault 2018 (ICML, §4, "Bulyan"), in double: θ = n − 2f times,
 * apply Krum (Blanchard et al. 2017: score = sum of squared distances to the r − f − 2 nearest of the r workers
 * still remaining, computed directly in coordinates; at least 0 neighbours) to the remaining set and move its
 * choice into the selection; then per coordinate average the β = θ − 2f selected values closest to the median of
 * the selection. Equal Krum scores are broken by the vectors' contents, as {@link Bulyan} does. The second step
 * is, by its definition, MeaMed with f' = 2f on the θ selected rows, and is computed by
 * {@link MeanAroundMedianReference} (the usual median, equally near values: the smaller first).
 */
public final class BulyanReference implements ReferenceRule {

  @Override
  public String name() {
    return "Bulyan (reference)";
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    int[] chosen = selection(x, f);
    double[][] s = new double[chosen.length][];
    for (int t = 0; t < chosen.length; t++) {
      s[t] = x[chosen[t]];
    }
    return new MeanAroundMedianReference().aggregateExact(s, 2 * f);
  }

  /** The θ = n − 2f workers picked by the iterated Krum, in the order they were picked. */
  public static int[] selection(double[][] x, int f) {
    int n = x.length;
    int theta = Bulyan.selected(n, f);
    List<Integer> remaining = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      remaining.add(i);
    }
    int[] chosen = new int[theta];
    for (int t = 0; t < theta; t++) {
      int r = remaining.size();
      double[][] rows = new double[r][];
      for (int a = 0; a < r; a++) {
        rows[a] = x[remaining.get(a)];
      }
      double[] scores = KrumScores.of(Geometry.squaredDistances(rows), Bulyan.neighbours(r, f));
      int best = KrumScores.best(scores, 1, KrumScores.byContents(rows))[0];
      chosen[t] = remaining.remove(best);
    }
    return chosen;
  }
}
