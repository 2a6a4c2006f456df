package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.ScreeningRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.internal.vectorization.CentredGram;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Divide-and-Conquer, DnC (Shejwalkar &amp; Houmansadr 2021, NDSS, "Manipulating the Byzantine", Alg. 2). Start
 * with every worker good; niters times:
 * <ol>
 *   <li>draw b of the d coordinates uniformly without replacement (all of them when b ≥ d);</li>
 *   <li>centre the workers' sub-vectors at their mean, ∇ᶜᵢ = ∇ᵢ,ᵣ − μ, and take the top right singular vector v
 *       of the n × b matrix ∇ᶜ;</li>
 *   <li>outlier scores sᵢ = ⟨∇ᶜᵢ, v⟩²; keep as good the n − ⌊c·f⌋ workers of smallest score (ties by contents),
 *       intersected with the good set so far;</li>
 * </ol>
 * and return the mean of the good workers' full vectors. n &gt; niters·⌊c·f⌋ keeps the intersection non-empty.
 *
 * <p>Randomness. The coordinate subsets come from {@link RoundSeed} (the rule's seed mixed with a hash of the round's
 * input, one stream per iteration): the same input and seed give the same subsets on every thread and in every run,
 * and each new round draws new subsets, as the paper's server does. {@link #coordinates} is public so that the
 * reference draws the same ones.
 *
 * <p>Fast path: v is never formed. The n × n Gram G of the sub-vectors comes from the Gram kernels (median-centred,
 * in double); centring it at the mean, C = JGJ with J = I − 11ᵀ/n (exact algebra for any centre), gives ∇ᶜ∇ᶜᵀ,
 * whose top eigenpair (λ, u) ({@link SymmetricEigen}) yields sᵢ = (∇ᶜv)ᵢ² = λuᵢ². A repeated top singular value
 * leaves v (and so the scores) undefined in the paper; here it is whichever eigenvector the Jacobi sweeps end on,
 * and the reference, which forms v from Gram matrices of its own mean-centred coordinates, may pick another.
 *
 * <p>Differences from peers: Blades' {@code Dnc} takes the union of the iterations' good sets, the paper's Alg. 2
 * their intersection, as here; both remove ⌊c·f⌋ per iteration.
 */
public final class DivideAndConquer extends ScreeningRule {
  private static final String WHO = "DnC (Shejwalkar & Houmansadr 2021)";
  private final int b;
  private final int iterations;
  private final double c;
  private final long seed;

  private DivideAndConquer(int b, int iterations, double c, long seed) {
    this.b = b;
    this.iterations = iterations;
    this.c = c;
    this.seed = seed;
  }

  /** DnC with subsample dimension b, niters iterations, filtering fraction c and the seed of its subsets. */
  public static DivideAndConquer of(int b, int iterations, double c, long seed) {
    Checks.atLeast(WHO, "b", b, 1);
    Checks.atLeast(WHO, "niters", iterations, 1);
    Checks.positive(WHO, "c", c);
    return new DivideAndConquer(b, iterations, c, seed);
  }

  /** Blades' defaults: b = 10⁴, niters = 1, c = 1. */
  public static DivideAndConquer withDefaults(long seed) {
    return of(10_000, 1, 1.0, seed);
  }

  @Override
  public String name() {
    return "DnC";
  }

  public int subsample() {
    return b;
  }

  public int iterations() {
    return iterations;
  }

  public double filteringFraction() {
    return c;
  }

  public long seed() {
    return seed;
  }

  /** ⌊c·f⌋: how many workers each iteration removes. */
  public static int removed(double c, int f) {
    return (int) Math.floor(c * f);
  }

  @Override
  protected void checkConstraints(int n, int f) {
    if (n <= iterations * removed(c, f)) {
      throw Checks.failure(WHO, "n > niters·⌊c·f⌋ (a non-empty intersection of good sets)", "n", n, "niters",
          iterations, "c", c, "f", f);
    }
  }

  /**
   * The non-finite check rides on the round seed's hash, which reads every value anyway (RoundSeed): a clean
   * round reads the n·d floats there and in the final mean only.
   */
  @Override
  protected boolean aggregateIfFinite(WorkerVectors x, int f, float[] out) {
    float[][] rows = Rows.of(x);
    boolean[] finite = new boolean[1];
    long round = RoundSeed.of(seed, rows, finite);
    if (!finite[0]) {
      return false;
    }
    run(rows, round, f, out);
    return true;
  }

  @Override
  protected void aggregateFinite(WorkerVectors finite, int f, float[] out) {
    checkConstraints(finite.n(), f); // f − k after excluding k: still true for c ≥ 1, checked for any c
    float[][] rows = Rows.of(finite);
    run(rows, RoundSeed.of(seed, rows), f, out);
  }

  /** The rule on finite rows with the round's seed. */
  private void run(float[][] rows, long round, int f, float[] out) {
    int n = rows.length;
    int d = rows[0].length;
    boolean[] good = new boolean[n];
    Arrays.fill(good, true);
    int runs = b >= d ? 1 : iterations; // all coordinates: every iteration is the same
    KrumScores.Tie tie = KrumScores.byContents(rows);
    double[] scores = new double[n];
    double[] u = new double[n];
    for (int it = 0; it < runs; it++) {
      int[] r = coordinates(round, it, d, b);
      float[][] sub = new float[n][r.length];
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < r.length; t++) {
          sub[i][t] = rows[i][r[t]];
        }
      }
      CentredGram g = VectorizationProvider.getInstance().gramKernel().centredGram(sub);
      double[][] centred = meanCentred(g);
      double lambda = SymmetricEigen.top(centred, u);
      for (int i = 0; i < n; i++) {
        scores[i] = lambda * u[i] * u[i];
      }
      keepSmallest(scores, n - removed(c, f), tie, good);
    }
    int count = 0;
    int[] which = new int[n];
    for (int i = 0; i < n; i++) {
      if (good[i]) {
        which[count++] = i;
      }
    }
    Combination.average(rows, which, count, new double[n], out);
  }

  /**
   * The same partial Fisher–Yates (the same draws, the same b coordinates, sorted) without the d-long permutation:
   * only the positions a swap has moved are kept, in an open-addressing map of at least 4b slots, which is what
   * b ≪ d needs (b = 10⁴ of d = 10⁶: 320 KiB instead of a 4 MB array written on every round). Position t is final
   * once step t has swapped it, since later steps only touch positions beyond it.
   */
  private static int[] sparseShuffle(SplittableRandom rnd, int d, int b) {
    int slots = Integer.highestOneBit(Math.max(4, 4 * b - 1)) << 1;
    int[] keys = new int[slots];
    int[] values = new int[slots];
    Arrays.fill(keys, -1);
    int[] r = new int[b];
    for (int t = 0; t < b; t++) {
      int j = t + rnd.nextInt(d - t);
      int at = valueAt(keys, values, t);
      r[t] = valueAt(keys, values, j);
      put(keys, values, j, at);
    }
    Arrays.sort(r);
    return r;
  }

  /** The permutation's value at position p: p itself unless a swap moved another value there. */
  private static int valueAt(int[] keys, int[] values, int p) {
    int mask = keys.length - 1;
    for (int s = mix(p) & mask; ; s = (s + 1) & mask) {
      if (keys[s] == p) {
        return values[s];
      }
      if (keys[s] < 0) {
        return p;
      }
    }
  }

  private static void put(int[] keys, int[] values, int p, int v) {
    int mask = keys.length - 1;
    int s = mix(p) & mask;
    while (keys[s] >= 0 && keys[s] != p) {
      s = (s + 1) & mask;
    }
    keys[s] = p;
    values[s] = v;
  }

  /** Spreads consecutive positions over the slots (Fibonacci hashing). */
  private static int mix(int p) {
    return (p * 0x9E3779B9) >>> 7;
  }

  /** C = JGJ: the Gram of the rows centred at their mean, from a Gram centred anywhere. */
  private static double[][] meanCentred(CentredGram g) {
    int n = g.n();
    double[] rowMean = new double[n];
    double all = 0;
    for (int i = 0; i < n; i++) {
      double[] gi = g.row(i);
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += gi[j];
      }
      rowMean[i] = s / n;
      all += s;
    }
    all /= (double) n * n;
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      double[] gi = g.row(i);
      for (int j = 0; j < n; j++) {
        c[i][j] = gi[j] - rowMean[i] - rowMean[j] + all;
      }
    }
    return c;
  }

  /** good ∩= the {@code keep} workers of smallest score (ties by contents, then index). */
  public static void keepSmallest(double[] scores, int keep, KrumScores.Tie tie, boolean[] good) {
    boolean[] kept = new boolean[scores.length];
    for (int i : KrumScores.best(scores, keep, tie)) {
      kept[i] = true;
    }
    for (int i = 0; i < good.length; i++) {
      good[i] &= kept[i];
    }
  }

  /**
   * Iteration {@code it}'s coordinates: b of [0, d) drawn without replacement by a partial Fisher–Yates shuffle from
   * the iteration's stream, in increasing order (all d when b ≥ d).
   */
  public static int[] coordinates(long roundSeed, int it, int d, int b) {
    if (b >= d) {
      int[] all = new int[d];
      for (int k = 0; k < d; k++) {
        all[k] = k;
      }
      return all;
    }
    SplittableRandom rnd = RoundSeed.stream(roundSeed, it);
    if ((long) b * 16 <= d) {
      return sparseShuffle(rnd, d, b);
    }
    int[] perm = new int[d];
    for (int k = 0; k < d; k++) {
      perm[k] = k;
    }
    for (int t = 0; t < b; t++) {
      int j = t + rnd.nextInt(d - t);
      int tmp = perm[t];
      perm[t] = perm[j];
      perm[j] = tmp;
    }
    int[] r = Arrays.copyOf(perm, b);
    Arrays.sort(r);
    return r;
  }
}
