package io.byzcheck.properties;

import io.byzcheck.kernels.reference.Subsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The two sides of (f, λ)-resilient averaging (Farhadkhani et al. 2022, Definition 2):
 * ‖F(x) − x̄_S‖ ≤ λ·max_{i,j∈S}‖xᵢ − xⱼ‖ for every S ⊆ [n] with |S| = n − f. This class computes the
 * ratio left/right, maximised over S, in double.
 *
 * <p>The supremum over S is exact (every subset enumerated) when C(n, f) ≤ {@link #EXACT_SUBSET_LIMIT}.
 * Otherwise it is a documented heuristic lower bound on the supremum: candidates are the n − f points
 * nearest F(x), the n − f points nearest each xᵢ, and seeded random subsets; the best candidate is then
 * improved by single swaps (one member out, one non-member in) until no swap increases the ratio.
 *
 * <p>Numerics: vectors are centred at F(x) (yᵢ = xᵢ − F(x)) so that ‖ȳ_S‖² = (1/m²)Σ_{i,j∈S}⟨yᵢ,yⱼ⟩
 * loses no precision to a large common offset; diameters are computed from direct differences.
 * {@code outputTolerance} is subtracted from the left side before dividing: a rule computing in
 * float32 cannot return F(x) closer than its output's rounding, so that slack is not a violation.
 * A zero diameter gives ratio 0 when the left side is within tolerance, +∞ otherwise.
 */
public final class ResilienceRatio {
  /** Largest C(n, f) for which every subset is enumerated. */
  public static final int EXACT_SUBSET_LIMIT = 5000;
  private static final int RANDOM_SUBSETS = 64;

  /** The worst subset found and its ratio; {@code exact} says whether every subset was tried. */
  public record Worst(double ratio, int[] subset, boolean exact) {}

  private final double[][] gram;
  private final double[][] dist;
  private final int n;
  private final int m;
  private final double tolerance;
  /** A worker every S must hold (a rule's trusted pivot), or −1. */
  private final int required;

  private ResilienceRatio(double[][] x, double[] fx, int f, double tolerance, int required) {
    this.required = required;
    this.n = x.length;
    this.m = n - f;
    this.tolerance = tolerance;
    int d = fx.length;
    double[][] y = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        y[i][k] = x[i][k] - fx[k];
      }
    }
    gram = new double[n][n];
    dist = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double g = 0;
        double s = 0;
        for (int k = 0; k < d; k++) {
          g += y[i][k] * y[j][k];
          double diff = x[i][k] - x[j][k];
          s += diff * diff;
        }
        gram[i][j] = gram[j][i] = g;
        dist[i][j] = dist[j][i] = Math.sqrt(s);
      }
    }
  }

  /**
   * max over |S| = n − f of (‖F(x) − x̄_S‖ − tolerance)⁺ / (λ·diam(S)).
   *
   * @param x the inputs exactly as the rule saw them (float32 values widened to double)
   * @param fx the rule's output
   * @param f the number of Byzantine inputs allowed
   * @param lambda the claimed resilience coefficient (λ &gt; 0)
   * @param outputTolerance slack for the output's own rounding (≥ 0)
   * @param seed seeds the random candidates of the heuristic (unused when exact)
   */
  public static Worst maximise(double[][] x, double[] fx, int f, double lambda, double outputTolerance, long seed) {
    return maximise(x, fx, f, lambda, outputTolerance, seed, -1);
  }

  /**
   * As {@link #maximise(double[][], double[], int, double, double, long)} over the S that hold worker
   * {@code required} (−1: every S), for a rule that trusts one worker (MoNNA's pivot): the statement is then about
   * the honest sets that contain it.
   */
  public static Worst maximise(double[][] x, double[] fx, int f, double lambda, double outputTolerance, long seed,
      int required) {
    PropertiesValidation.checkPositive("RES-DEF2's ratio", "λ", lambda);
    PropertiesValidation.checkByzantineCount("RES-DEF2's ratio", x.length, f);
    ResilienceRatio r = new ResilienceRatio(x, fx, f, outputTolerance, required);
    Worst w = binomial(x.length, f) <= EXACT_SUBSET_LIMIT ? r.exhaustive() : r.heuristic(new SplittableRandom(seed));
    return new Worst(w.ratio / lambda, w.subset, w.exact);
  }

  /** C(n, k) as a double (saturates harmlessly for large values). */
  public static double binomial(int n, int k) {
    double c = 1;
    for (int i = 1; i <= k; i++) {
      c = c * (n - k + i) / i;
    }
    return c;
  }

  /** Ratio with λ = 1 for one subset (members listed in s[0..m)). */
  private double ratio(int[] s) {
    double sum = 0;
    double diam = 0;
    for (int a = 0; a < m; a++) {
      int i = s[a];
      for (int b = 0; b < m; b++) {
        int j = s[b];
        sum += gram[i][j];
        if (b > a && dist[i][j] > diam) {
          diam = dist[i][j];
        }
      }
    }
    double left = Math.max(0, Math.sqrt(Math.max(0, sum)) / m - tolerance);
    if (diam == 0) {
      return left == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    return left / diam;
  }

  private Worst exhaustive() {
    int[] s = Subsets.first(m);
    double best = -1;
    int[] bestS = s.clone();
    do {
      if (!holdsRequired(s)) {
        continue;
      }
      double r = ratio(s);
      if (r > best) {
        best = r;
        bestS = s.clone();
      }
    } while (Subsets.next(s, n));
    return new Worst(best, bestS, true);
  }

  private Worst heuristic(SplittableRandom rnd) {
    double best = -1;
    int[] bestS = null;
    // The points nearest F(x) (gram[i][i] = ‖xᵢ − F(x)‖²) and the points nearest each xᵢ.
    for (int centre = -1; centre < n; centre++) {
      int[] s = withRequired(nearest(centre));
      double r = ratio(s);
      if (r > best) {
        best = r;
        bestS = s;
      }
    }
    for (int t = 0; t < RANDOM_SUBSETS; t++) {
      int[] s = withRequired(randomSubset(rnd));
      double r = ratio(s);
      if (r > best) {
        best = r;
        bestS = s;
      }
    }
    // Single swaps until no improvement.
    boolean improved = true;
    while (improved && best < Double.POSITIVE_INFINITY) {
      improved = false;
      boolean[] in = new boolean[n];
      for (int v : bestS) {
        in[v] = true;
      }
      for (int a = 0; a < m && !improved; a++) {
        for (int out = 0; out < n && !improved; out++) {
          if (in[out] || bestS[a] == required) {
            continue;
          }
          int[] s = bestS.clone();
          s[a] = out;
          double r = ratio(s);
          if (r > best * (1 + 1e-12)) {
            best = r;
            bestS = s;
            improved = true;
          }
        }
      }
    }
    int[] sorted = bestS.clone();
    Arrays.sort(sorted);
    return new Worst(best, sorted, false);
  }

  private boolean holdsRequired(int[] s) {
    if (required < 0) {
      return true;
    }
    for (int v : s) {
      if (v == required) {
        return true;
      }
    }
    return false;
  }

  /** s itself if it holds the required worker, else s with its last member (the farthest, for nearest()) replaced. */
  private int[] withRequired(int[] s) {
    if (!holdsRequired(s)) {
      s[s.length - 1] = required;
    }
    return s;
  }

  private int[] nearest(int centre) {
    Integer[] idx = new Integer[n];
    double[] key = new double[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
      key[i] = centre < 0 ? gram[i][i] : dist[centre][i];
    }
    Arrays.sort(idx, (a, b) -> Double.compare(key[a], key[b]));
    int[] s = new int[m];
    for (int i = 0; i < m; i++) {
      s[i] = idx[i];
    }
    return s;
  }

  private int[] randomSubset(SplittableRandom rnd) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = 0; i < m; i++) {
      int j = i + rnd.nextInt(n - i);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    return Arrays.copyOf(perm, m);
  }
}
