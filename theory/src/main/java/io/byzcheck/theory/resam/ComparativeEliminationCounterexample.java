package io.byzcheck.theory.resam;

import io.byzcheck.theory.VectorMath;
import io.byzcheck.theory.Admissibility;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.TheoryValidation;
import io.byzcheck.theory.Discrepancy;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Farhadkhani et al. 2022, Appendix C.9 (RES-C9-CGE): CGE (average of the n − f inputs of smallest norm,
 * Gupta et al. 2021) is not (f, λ)-resilient averaging for any λ. The counter-example: honest xᵢ = x for
 * i ∈ S (|S| = n − f, ‖x‖ &gt; 0), Byzantine x_j of smaller norm with Σ_{j∉S} x_j ≠ f·x; then
 * CGE = (Σ_{j∉S} x_j + (n − 2f)x)/(n − f) ≠ x = x̄_S while diam(S) = 0.
 */
public final class ComparativeEliminationCounterexample {
  public static final Citation CITATION = new Citation("RES-C9-CGE", "RES", "Appendix C.9");

  /** "j ∈ S∖[n]" is empty; [n]∖S is meant. */
  public static final Discrepancy INDEX_DISCREPANCY = new Discrepancy("RES-C9-CGE",
      "C.9 counter-example: 'If ‖x_j‖ < ‖x‖ for all j ∈ S∖[n]'",
      "‖x_j‖ < ‖x‖ for all j ∈ [n]∖S (the Byzantine inputs)",
      "S ⊆ [n] makes S∖[n] empty, so the condition as printed says nothing; the displayed CGE output sums over "
          + "[n]∖S, which needs exactly the Byzantine inputs to be the smaller ones. (Σ_{j∉S} x_j ≠ f·x then "
          + "follows: ‖Σ x_j‖ < f‖x‖.)");

  /** A counter-example instance: the inputs (honest first), S, CGE's output and ‖CGE − x̄_S‖ &gt; 0. */
  public record Counterexample(double[][] inputs, int[] honest, double[] output, double violation) {}

  private ComparativeEliminationCounterexample() {}

  /** CGE as defined in C.9 (stable sort by norm: ties keep input order). */
  public static double[] cge(double[][] xs, int f) {
    int d = VectorMath.requireRectangular(xs, "CGE");
    int n = xs.length;
    TheoryValidation.checkByzantineCount(CITATION, n, f);
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> VectorMath.norm(xs[i])));
    double[] out = new double[d];
    for (int r = 0; r < n - f; r++) {
      for (int k = 0; k < d; k++) {
        out[k] += xs[order[r]][k] / (n - f);
      }
    }
    return out;
  }

  /** The conditions of the counter-example, each named. */
  public static Admissibility conditions(int n, int f, double[] x, double[][] byzantine) {
    double nx = VectorMath.norm(x);
    boolean smaller = true;
    double[] sum = new double[x.length];
    for (double[] b : byzantine) {
      VectorMath.requireVector(b, x.length, "C.9");
      smaller &= VectorMath.norm(b) < nx;
      for (int k = 0; k < x.length; k++) {
        sum[k] += b[k];
      }
    }
    double[] fx = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      fx[k] = f * x[k];
    }
    return Admissibility.of(CITATION)
        .require("1 ≤ f and 2f ≤ n", f >= 1 && 2 * f <= n, "n = " + n + ", f = " + f)
        .require("f Byzantine inputs", byzantine.length == f, byzantine.length + " given")
        .require("‖x‖ > 0", nx > 0, "‖x‖ = " + nx)
        .require("‖x_j‖ < ‖x‖ for j ∈ [n]∖S", smaller, "‖x‖ = " + nx)
        .require("Σ_{j∉S} x_j ≠ f·x", VectorMath.distance(sum, fx) > 0, "‖Σ x_j − f·x‖ = " + VectorMath.distance(sum, fx))
        .build();
  }

  /** Builds the counter-example: n − f copies of x (indices 0..n−f−1 = S), then the Byzantine inputs. */
  public static Counterexample counterexample(int n, int f, double[] x, double[][] byzantine) {
    VectorMath.requireVector(x, x.length, "C.9");
    if (x.length == 0) {
      throw new IllegalArgumentException("C.9 needs d ≥ 1");
    }
    conditions(n, f, x, byzantine).orThrow();
    double[][] inputs = new double[n][];
    int[] s = new int[n - f];
    for (int i = 0; i < n - f; i++) {
      inputs[i] = x.clone();
      s[i] = i;
    }
    for (int j = 0; j < f; j++) {
      inputs[n - f + j] = byzantine[j].clone();
    }
    double[] out = cge(inputs, f);
    return new Counterexample(inputs, s, out, ResilientAveraging.leftHandSide(out, inputs, s));
  }
}
