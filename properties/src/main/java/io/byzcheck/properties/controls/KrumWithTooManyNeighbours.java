package io.byzcheck.properties.controls;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.FiniteWorkers;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.reference.Geometry;
import io.byzcheck.kernels.rules.KrumScores;

/**
 * NEGATIVE CONTROL, wrong on purpose: Krum whose score counts the n − f + 1 nearest neighbours
 * (instead of Krum*'s n − f − 1), so every score includes at least two Byzantine distances.
 */
public final class KrumWithTooManyNeighbours implements AggregationRule {

  @Override
  public String name() {
    return "Krum counting n−f+1 neighbours (wrong on purpose)";
  }

  @Override
  public void aggregate(WorkerVectors x, int f, float[] out) {
    WorkerVectors v = FiniteWorkers.screen(x, f, out).vectors();
    double[][] xd = v.toDoubles();
    int n = xd.length;
    int k = Math.min(n - 1, n - f + 1);
    int best = KrumScores.best(KrumScores.of(Geometry.squaredDistances(xd), k), 1)[0];
    System.arraycopy(v.row(best), 0, out, 0, out.length);
  }
}
