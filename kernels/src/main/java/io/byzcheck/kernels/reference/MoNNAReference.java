package io.byzcheck.kernels.reference;

import io.byzcheck.kernels.FiniteWorkers;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.rules.MoNNA;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * MoNNA's nearest-neighbour averaging from its definition (Farhadkhani et al. 2023, Alg. 1, NNA): with direct double
 * distances, the mean of the n − f inputs nearest the trusted pivot x_p, the pivot first, then by distance, the
 * vectors' contents (lexicographic) and index, as {@link MoNNA} orders them. The non-finite policy keeps the pivot's
 * identity among the workers kept.
 */
public final class MoNNAReference implements ReferenceRule {
  private final int pivot;

  public MoNNAReference(int pivot) {
    this.pivot = pivot;
  }

  @Override
  public String name() {
    return "MoNNA(pivot " + pivot + ") (reference)";
  }

  @Override
  public void aggregate(WorkerVectors x, int f, float[] out) {
    FiniteWorkers s = FiniteWorkers.screen(x, f, out);
    double[] r = exact(s.vectors().toDoubles(), s.f(), MoNNA.pivotAmongKept(pivot, s.excluded()));
    for (int k = 0; k < out.length; k++) {
      out[k] = (float) r[k];
    }
  }

  @Override
  public double[] aggregateExact(double[][] x, int f) {
    return exact(x, f, pivot);
  }

  /** The mean of the n − f rows nearest x[p]. */
  public static double[] exact(double[][] x, int f, int p) {
    double[] d2 = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d2[i] = Geometry.squaredDistance(x[p], x[i]);
    }
    int[] nearest = IntStream.range(0, x.length).boxed()
        .sorted(Comparator.<Integer>comparingInt(j -> j == p ? 0 : 1).thenComparingDouble(j -> d2[j])
            .thenComparing((a, b) -> Arrays.compare(x[a], x[b])).thenComparingInt(j -> j))
        .limit(x.length - f).mapToInt(Integer::intValue).toArray();
    return Geometry.mean(x, nearest);
  }
}
