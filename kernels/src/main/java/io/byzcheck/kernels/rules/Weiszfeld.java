package io.byzcheck.kernels.rules;

import io.byzcheck.kernels.internal.vectorization.CentredGram;

/**
 * Weiszfeld's iteration for the geometric median, run in coefficient space: z = Σβᵢxᵢ with β ≥ 0,
 * Σβ = 1, so each step costs O(n²) on the Gram matrix and the d coordinates are touched once at the
 * end. Iterates landing on data points use the Vardi–Zhang (2000) modification, which also decides
 * exactly when a data point is the median.
 *
 * <p>Certificate. g(z) = Σ‖z − xᵢ‖ is convex; with ∂g(z) its subdifferential and z* a minimiser,
 * g(z) − g* ≤ ‖s‖·‖z − z*‖ for every s ∈ ∂g(z). The minimal-norm subgradient has norm ‖r‖ away from
 * the data and max(0, ‖r̃‖ − w) at a data point of multiplicity w (r̃ summing the unit vectors to the
 * other points). Both z and z* lie in the convex hull of the xᵢ, so ‖z − z*‖ ≤ maxᵢ‖z − xᵢ‖ =: R. Hence
 * gap := ‖s‖·R bounds g(z) − g*, and g* ≥ g(z) − gap gives the relative gap (g(z) − g*)/g* ≤
 * gap/(g(z) − gap). The iteration stops as soon as that proven bound is below the requested one.
 *
 * <p>Evaluating ‖r‖. Near the optimum r is a small sum of n unit vectors. Written with the cosines
 * ⟨xᵢ − z, xⱼ − z⟩ = (dᵢ² + dⱼ² − ‖xᵢ − xⱼ‖²)/2 every term is O(1) and the rounding of the distances
 * leaves an absolute floor under ‖r‖ that sat right at a requested gap of 1e−6 on spread-out data, so
 * the iteration stalled there. Written as r = (Σa)(z' − z) with z' the Weiszfeld map, ‖r‖² =
 * (Σa)²·δᵀGδ with δ = β' − β (coefficients summing to 0, so the centring cancels) and its rounding is
 * relative to ‖r‖ itself. The second form is used unless it is the worse conditioned one (z very close
 * to a data point, where δ is large and δᵀGδ cancels), judged by the size of the terms each form sums.
 * Arrays come from a per-thread workspace: no allocation per iteration.
 *
 * <p>Floor. A distance from z to a point much nearer than the data's spread D keeps only part of its
 * digits (its square is a difference of Gram entries of order D²), so on nearly collinear float data the
 * proven gap bottoms out near 10⁻⁹ while the objective itself is already optimal to double precision.
 * Each step also computes the part of its bound that is rounding alone ({@link Work#noise}): once that
 * part exceeds the request and the residual is below it for {@link #FLOOR_STEPS} steps, the run stops as
 * at its floor (no later step can certify there); a certificate stuck 10 times above the request for
 * {@link #STALL} steps is reported as that floor too.
 */
public final class Weiszfeld {
  private Weiszfeld() {}

  /** The coefficients of the solution, g(z), and the proven bound on the relative objective gap. */
  public record Solution(double[] beta, double objective, double relativeGapBound, int iterations) {}

  /**
   * @param relativeGap the certified relative gap to reach (&gt; 0)
   * @param maxIterations a clear failure instead of a hang
   */
  static Solution certified(CentredGram g, double relativeGap, int maxIterations) {
    Solution s = certified(g, relativeGap, maxIterations, Workspace.of(g.n()), false, null);
    return new Solution(s.beta().clone(), s.objective(), s.relativeGapBound(), s.iterations());
  }

  /**
   * As above in the thread's workspace: the returned beta is a workspace array, valid until its next use.
   * When it throws, w.beta holds the last iterate (for a certificate computed some other way).
   *
   * @param resume start from w.beta (another Gram's stalled iterate: Σβ = 1 names the same point in every
   *     centring) instead of the best data point
   * @param weights positive weights wᵢ ≤ 1 of the weighted median argmin Σwᵢ‖z − xᵢ‖ (the class comment's
   *     certificate with weights: aᵢ = wᵢ/‖xᵢ − z‖, multiplicity the weight at z), or null for unit weights; at most
   *     1 so that the weighted residual's rounding stays within the unit one's bounds
   */
  static Solution certified(CentredGram g, double relativeGap, int maxIterations, Workspace w, boolean resume,
      double[] weights) {
    int n = g.n();
    Work k = new Work(g, w, weights);
    double[] beta = k.beta;
    if (!resume) {
      bestDataPoint(g, beta, weights);
    }
    double best = Double.POSITIVE_INFINITY;
    int bestAt = 0;
    int atFloor = 0;
    boolean searched = false;
    for (int it = 0; ; it++) {
      k.step(beta, 0);
      if (k.relativeGap <= relativeGap) {
        return new Solution(beta, k.objective, k.relativeGap, it);
      }
      double current = k.relativeGap;
      // At the floor: the bound's rounding part alone (which does not shrink as z converges) exceeds the
      // request, and the computed residual is already below it, so further steps move z within the
      // rounding only. Waiting STALL steps to see that cost 2000 O(n²) steps per input (the cross-
      // implementation test at gap 10⁻¹⁰ spent most of its time there).
      atFloor = k.floorGap > relativeGap && k.residualEstimate <= k.noise ? atFloor + 1 : 0;
      if (current < 0.99 * best) {
        best = current;
        bestAt = it;
      }
      if (atFloor >= FLOOR_STEPS || it - bestAt >= STALL && best > 10 * relativeGap) {
        // Less than 1 % in STALL steps cannot reach a target a tenth of the best within the cap: this is
        // the rounding floor, not slow progress (e.g. nearly collinear points, where the median lies far
        // nearer one point than the data's spread and that distance keeps only part of its digits).
        double reachable = Math.max(best, k.floorGap);
        throw new IllegalStateException("geometric median: the certified relative gap stalled at " + best
            + " after " + it + " Weiszfeld iterations (rounding floor " + k.floorGap + "), requested "
            + relativeGap + " (n = " + n + "): the rounding of the Gram-matrix distances bounds the certificate"
            + " here; request " + String.format(java.util.Locale.ROOT, "%.0e", 10 * reachable) + " or more");
      }
      // Near a data point the Gram-based distances lose their relative accuracy and Weiszfeld slows
      // to a crawl; the data point itself is then tried, and taken if its own certificate suffices.
      int nearest = k.nearest;
      if (k.nearestDistance <= 1e-3 * k.radius && beta[nearest] != 1) {
        double[] point = k.point;
        java.util.Arrays.fill(point, 0);
        point[nearest] = 1;
        double[] saved = k.next;
        k.next = k.spare;
        k.step(point, 0);
        k.next = saved;
        if (k.relativeGap <= relativeGap) {
          return new Solution(point, k.objective, k.relativeGap, it);
        }
      }
      if (it >= maxIterations) {
        throw new IllegalStateException("geometric median: certified relative gap " + current
            + " after " + maxIterations + " Weiszfeld iterations, requested " + relativeGap
            + " (n = " + n + "); raise maxIterations or the requested gap");
      }
      // Every other step the plain map, whose coefficients a/Σa depend on z alone. The searched point
      // b + t·δ carries δ's component in the n − d − 1 directions of coefficient space that do not move z,
      // times (1 − t) each step: it grows wherever t > 2, and the certificate's rounding terms grow with
      // Σ|δᵢ|√Gᵢᵢ (see residualBound), so at n > d + 1 it sat at a floor of ~1e−7 however well z converged.
      if (searched) {
        System.arraycopy(k.next, 0, beta, 0, n);
        searched = false;
      } else {
        searched = k.overRelax(beta);
      }
    }
  }

  /** Iterations without a 1 % better certificate after which a gap still 10 times the target counts as stalled. */
  private static final int STALL = 2000;

  /** Consecutive iterations at the rounding floor ({@link Work#floorGap} above the request) that count as stalled. */
  private static final int FLOOR_STEPS = 20;

  /** The smoothed Weiszfeld variant (weights 1/max(ν, ‖z − xᵢ‖)) for a fixed number of steps, from the mean. */
  static Solution smoothed(CentredGram g, double nu, int iterations) {
    int n = g.n();
    Work k = new Work(g, Workspace.of(n), null);
    double[] beta = k.beta;
    java.util.Arrays.fill(beta, 1.0 / n);
    k.step(beta, nu);
    for (int it = 0; it < iterations; it++) {
      System.arraycopy(k.next, 0, beta, 0, n);
      k.step(beta, nu);
    }
    return new Solution(beta.clone(), k.objective, k.relativeGap, iterations);
  }

  /** The iterate arrays of one run, n each, kept in the thread's {@link Workspace}. */
  static final class Iterates {
    final double[] next;
    final double[] spare;
    final double[] point;
    final double[] gb;
    final double[] dist;
    final double[] a;
    final double[] delta;
    final double[] scale;
    final double[] distError;

    Iterates(int n) {
      next = new double[n];
      spare = new double[n];
      point = new double[n];
      gb = new double[n];
      dist = new double[n];
      a = new double[n];
      delta = new double[n];
      scale = new double[n];
      distError = new double[n];
    }
  }

  /** One Weiszfeld step's results and its arrays (workspace-backed). */
  private static final class Work {
    final CentredGram g;
    final int n;
    final double[] beta;
    double[] next;
    final double[] spare;
    final double[] point;
    final double[] gb;
    final double[] dist;
    final double[] a;
    final double[] delta;
    /** √Gᵢᵢ, the centred rows' norms: the scale of the Gram's rounding ({@link CentredGram#entryError}). */
    final double[] scale;
    /** Per point, the bound on |computed − exact| ‖z − xᵢ‖² of the last step. */
    final double[] distError;
    /** ‖r̃‖ as computed (the better conditioned form), for the Vardi–Zhang step; the certificate uses the bound. */
    double residualEstimate;
    /** The part of the bound on ‖r‖ that is rounding, not residual: it does not shrink as z converges. */
    double noise;
    /** The relative gap the certificate would give at this z if the residual itself were 0: its floor here. */
    double floorGap;
    /** γₙ·1.01: the rounding of an n-term sum relative to the sum of its terms' sizes (Gβ, βᵀGβ). */
    final double sumError;
    double objective;
    double relativeGap;
    int nearest;
    double nearestDistance;
    double radius;
    /** The rows the Gram was built from (null if unknown): an on-point certificate is checked against them. */
    final float[][] rows;
    /** The weights (null: all 1). */
    final double[] weights;

    Work(CentredGram g, Workspace w, double[] weights) {
      this.g = g;
      this.weights = weights;
      this.n = g.n();
      rows = w.rows.length == n && w.rows[0] != null ? w.rows : null;
      beta = w.beta;
      next = w.weiszfeld.next;
      spare = w.weiszfeld.spare;
      point = w.weiszfeld.point;
      gb = w.weiszfeld.gb;
      dist = w.weiszfeld.dist;
      a = w.weiszfeld.a;
      delta = w.weiszfeld.delta;
      scale = w.weiszfeld.scale;
      distError = w.weiszfeld.distError;
      sumError = 1.01 * n * 0x1p-53;
      for (int i = 0; i < n; i++) {
        scale[i] = Math.sqrt(Math.max(0, g.row(i)[i]));
      }
    }

    /** wᵢ (1 unweighted: the products below are then exact, and the unweighted run unchanged bit for bit). */
    double weight(int i) {
      return weights == null ? 1 : weights[i];
    }

    /** Σᵢ wᵢ‖z − xᵢ‖ for z = Σβᵢxᵢ. */
    double objective(double[] b) {
      double q = quadratic(b);
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += weight(i) * Math.sqrt(g.squaredDistanceTo(q, gb, i));
      }
      return s;
    }

    /** βᵀGβ, leaving Gβ in gb. */
    double quadratic(double[] b) {
      g.times(b, gb);
      double q = 0;
      for (int i = 0; i < n; i++) {
        q += b[i] * gb[i];
      }
      return q;
    }

    /**
     * A line search along the Weiszfeld step (a generalisation of Ostresh's 1978 over-relaxation): the
     * objective on z + t·(z' − z) is convex in t and, with the Gram matrix, costs O(n) per t; its minimiser
     * is bracketed by doubling and found by bisection on the derivative. Near a data point plain Weiszfeld
     * takes ever shorter steps along an almost fixed line (the stall a certified gap of 10⁻⁵ hit after
     * 100 000 iterations); the search covers that line in one step. The point is kept only when it lowers
     * the objective below the plain step's, so the objective still decreases monotonically. t is capped
     * where a coefficient would turn negative: z stays in the convex hull with coefficients in [0, 1]
     * (an unconstrained search reached t ≈ 10⁶ and huge cancelling coefficients, and certified a point
     * whose objective was 0.2 % above the optimum).
     */
    boolean overRelax(double[] b) {
      double[] dir = point;
      for (int i = 0; i < n; i++) {
        dir[i] = next[i] - b[i];
      }
      double q = quadratic(b);
      double[] gd = a;
      g.times(dir, gd);
      double c = 0;
      double bgd = 0;
      for (int i = 0; i < n; i++) {
        c += dir[i] * gd[i];
        bgd += b[i] * gd[i];
      }
      double t = 1;
      if (c > 0) {
        for (int i = 0; i < n; i++) {
          dist[i] = g.squaredDistanceTo(q, gb, i);
          gd[i] = bgd - gd[i]; // ⟨z − xᵢ, z' − z⟩
        }
        // Stay in the simplex (β ≥ 0): z then stays in the convex hull, where the median is, and the
        // coefficients stay O(1), so neither the Gram distances nor the final combination cancel.
        double tMax = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
          if (dir[i] < 0) {
            tMax = Math.min(tMax, b[i] / -dir[i]);
          }
        }
        tMax = Math.max(1, Math.min(tMax, 1e6));
        double hi = 1;
        while (hi < tMax && slope(hi, c) < 0) {
          hi = Math.min(2 * hi, tMax);
        }
        double lo = hi == 1 ? 0 : Math.max(1, hi / 2);
        for (int it = 0; it < 60 && hi - lo > 1e-12 * hi; it++) {
          double mid = 0.5 * (lo + hi);
          if (slope(mid, c) < 0) {
            lo = mid;
          } else {
            hi = mid;
          }
        }
        t = 0.5 * (lo + hi);
      }
      double[] far = spare;
      for (int i = 0; i < n; i++) {
        far[i] = b[i] + t * dir[i];
      }
      double[] chosen = t != 1 && objective(far) < objective(next) ? far : next;
      System.arraycopy(chosen, 0, b, 0, n);
      return chosen == far;
    }

    /** d/dt Σᵢwᵢ‖z + t(z' − z) − xᵢ‖ from ‖z − xᵢ‖² (dist), ⟨z − xᵢ, z' − z⟩ (a) and ‖z' − z‖² = c. */
    private double slope(double t, double c) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        double r2 = dist[i] + 2 * t * a[i] + t * t * c;
        if (r2 > 0) {
          s += weight(i) * ((a[i] + t * c) / Math.sqrt(r2));
        }
      }
      return s;
    }

    void step(double[] b, double nu) {
      double q = quadratic(b);
      objective = 0;
      radius = 0;
      for (int i = 0; i < n; i++) {
        dist[i] = Math.sqrt(g.squaredDistanceTo(q, gb, i));
        objective += weight(i) * dist[i];
        radius = Math.max(radius, dist[i]);
      }
      nearest = 0;
      for (int i = 1; i < n; i++) {
        if (dist[i] < dist[nearest]) {
          nearest = i;
        }
      }
      nearestDistance = dist[nearest];
      if (radius == 0) {
        objective = 0; // all points coincide with z
        relativeGap = 0;
        System.arraycopy(b, 0, next, 0, n);
        return;
      }
      // a: Weiszfeld weights over the points z is not on (or all points, smoothed); onPoint: the weight at z.
      double sumA = 0;
      double onPoint = 0;
      for (int i = 0; i < n; i++) {
        if (nu > 0) {
          a[i] = 1 / Math.max(nu, dist[i]);
        } else if (dist[i] == 0) {
          onPoint += weight(i);
          a[i] = 0;
          continue;
        } else {
          a[i] = weight(i) / dist[i];
        }
        sumA += a[i];
      }
      double sb = 0;
      for (int j = 0; j < n; j++) {
        sb += Math.abs(b[j]) * scale[j];
      }
      for (int i = 0; i < n; i++) {
        distError[i] = distanceError(b, sb, i);
      }
      noise = 0;
      double rBound = sumA == 0 ? 0 : residualBound(b, sumA);
      double rNorm = sumA == 0 ? 0 : residualEstimate;
      double subgradient = Math.max(0, rBound - onPoint);
      // The certificate from proven bounds: R and g(z) within the distances' rounding (see residualBound).
      // |d̃ − d| = |d̃² − d²|/(d̃ + d) ≤ min(√E, E/d̃), plus the rounding of the square root.
      double radiusBound = 0;
      double objectiveLow = objective;
      for (int i = 0; i < n; i++) {
        double e = (dist[i] > 0 ? Math.min(Math.sqrt(distError[i]), distError[i] / dist[i])
            : Math.sqrt(distError[i])) + 0x1p-52 * dist[i];
        radiusBound = Math.max(radiusBound, dist[i] + e);
        objectiveLow -= weight(i) * e;
      }
      double gap = subgradient * radiusBound;
      relativeGap = gap == 0 ? 0 : objectiveLow > gap ? gap / (objectiveLow - gap) : Double.POSITIVE_INFINITY;
      double floor = Math.max(0, noise - onPoint) * radiusBound;
      floorGap = floor == 0 ? 0 : objectiveLow > floor ? floor / (objectiveLow - floor) : Double.POSITIVE_INFINITY;
      if (onPoint > 0 && nu == 0 && !zerosProven(b)) {
        relativeGap = Double.POSITIVE_INFINITY; // the multiplicity subtracted above is not proven
      }
      if (sumA == 0 || subgradient == 0 && nu == 0) {
        System.arraycopy(b, 0, next, 0, n);
        return;
      }
      // Vardi–Zhang: at a data point of multiplicity w move by (1 − w/‖r̃‖) towards the Weiszfeld map.
      double keep = onPoint > 0 && nu == 0 ? Math.min(1, onPoint / rNorm) : 0;
      for (int i = 0; i < n; i++) {
        next[i] = (1 - keep) * a[i] / sumA + keep * b[i];
      }
    }

    /**
     * Whether z really is the data point that the distances of 0 say (the Vardi–Zhang certificate at a point
     * of multiplicity w subtracts w from ‖r̃‖, so it is only sound if z is that point): β has no weight off
     * the zero set Z, and the rows of Z are equal bit for bit. A Gram distance of 0 alone proves neither:
     * it is a difference of entries of order spread², so two rows 10⁻¹² of the spread apart also give 0
     * (seed 20261184856397 of the corpus: z between two such rows, both counted as z, certified gap 0 at an
     * objective 4.5·10⁻⁶ above the optimum).
     */
    private boolean zerosProven(double[] b) {
      int first = -1;
      for (int i = 0; i < n; i++) {
        if (dist[i] == 0) {
          if (first < 0) {
            first = i;
          } else if (rows == null || !sameRow(rows[i], rows[first])) {
            return false;
          }
        } else if (b[i] != 0) {
          return false;
        }
      }
      return true;
    }

    /** Equal as numbers in every coordinate (0 and −0 are the same point). */
    private static boolean sameRow(float[] x, float[] y) {
      for (int k = 0; k < x.length; k++) {
        if (x[k] != y[k]) {
          return false;
        }
      }
      return true;
    }

    /**
     * A bound on |computed − exact| ‖z − xᵢ‖² = (β − eᵢ)ᵀG(β − eᵢ), evaluated as βᵀGβ − 2(Gβ)ᵢ + Gᵢᵢ. The entries'
     * rounding (γ√(GⱼⱼGₗₗ) each) moves the exact form by at most γ(Sᵢ)², Sᵢ = Σⱼ|βⱼ − [j = i]|√Gⱼⱼ: small when z
     * is near xᵢ, whatever the centring. The evaluation from the stored entries does not share that: Gβ and
     * βᵀGβ are n-term sums (γₙ of their terms' sizes, S√Gⱼⱼ and S² with S = Σ|βⱼ|√Gⱼⱼ) and the three-term sum
     * adds 2·2⁻⁵³ of (S + √Gᵢᵢ)²: 2(γₙ + 2⁻⁵³)(S + √Gᵢᵢ)² in all; it is what the recentred Gram removes.
     */
    private double distanceError(double[] b, double sb, int i) {
      double si = scale[i];
      // Sᵢ from S without an O(n) sum per point; n·2⁻⁵⁰·S covers the rounding of S and of this difference.
      double own = Math.max(0, sb - Math.abs(b[i]) * si) + Math.abs(b[i] - 1) * si + n * 0x1p-50 * sb;
      double whole = sb + si;
      return g.entryError() * own * own + 2.02 * (sumError + 0x1p-53) * whole * whole;
    }

    /**
     * An upper bound on the norm of the exact r = Σ (xᵢ − z)/‖xᵢ − z‖ over the points z is not on: the norm of
     * r̃ = Σ aᵢ(xᵢ − z) with aᵢ = 1/d̃ᵢ from the computed distances, by the form with the smaller proven bound
     * (class comment), plus Σ|1 − dᵢ/d̃ᵢ| for the weights' own error. The Gram's rounding (γ·√(GᵢᵢGⱼⱼ) per
     * entry) is carried through: without it, the cosine form came out at −1.7 on the corpus input
     * 20261184856397 (rows of norms 10⁻⁴ … 10⁸, z 0.0014 from two of them), was clamped to ‖r‖ = 0, and
     * certified a gap of 0 at an objective 4.5·10⁻⁶ above the optimum. Where the bound is too wide to certify,
     * the iteration stalls and the caller recentres the Gram at the nearest data point.
     */
    private double residualBound(double[] b, double sumA) {
      double gamma = g.entryError();
      double weightError = 0;
      for (int i = 0; i < n; i++) {
        if (a[i] != 0) {
          // |1 − dᵢaᵢ| ≤ |d̃ᵢ² − dᵢ²|/d̃ᵢ² (or √(1 + that)), plus 3·2⁻⁵³ for the roundings of √ and 1/d̃ᵢ.
          // With weights, aᵢ = wᵢ/d̃ᵢ in one rounding as 1/d̃ᵢ, and the error wᵢ|1 − dᵢ/d̃ᵢ|.
          double inv = a[i] / weight(i);
          double rho = distError[i] * inv * inv;
          weightError += weight(i) * ((rho <= 1 ? rho : Math.sqrt(1 + rho)) + 0x1p-51);
        }
      }
      // Cosine form, the size of what it sums, and its error from the distances' rounding.
      double cos = 0;
      double cosSize = 0;
      double cosError = 0;
      for (int i = 0; i < n; i++) {
        if (a[i] == 0) {
          continue;
        }
        for (int j = 0; j < n; j++) {
          if (a[j] != 0) {
            double dij = g.squaredDistance(i, j);
            double di2 = dist[i] * dist[i];
            double dj2 = dist[j] * dist[j];
            double aa = a[i] * a[j];
            cos += aa * 0.5 * (di2 + dj2 - dij);
            cosSize += aa * (di2 + dj2 + dij);
            double sij = scale[i] + scale[j];
            cosError += aa * 0.5 * (distError[i] + distError[j] + gamma * sij * sij + 0x1p-51 * sij * sij);
          }
        }
      }
      cosError += (n * (double) n + 8) * 0x1p-53 * cosSize;
      // Coefficient form: δ = a/Σa − β, the move of the plain Weiszfeld map; its computed δ errs by at most
      // 2⁻⁵²(aᵢ/Σa + |βᵢ|) per entry, which moves ‖r̃‖ by at most Σa·Σ|eᵢ|√Gᵢᵢ.
      double quad = 0;
      double quadSize = 0;
      double spread = 0;
      double deltaError = 0;
      double[] delta = this.delta;
      for (int i = 0; i < n; i++) {
        delta[i] = a[i] / sumA - b[i];
        spread += Math.abs(delta[i]) * scale[i];
        deltaError += 0x1p-52 * (a[i] / sumA + Math.abs(b[i])) * scale[i];
      }
      for (int i = 0; i < n; i++) {
        double[] gi = g.row(i);
        double s = 0;
        double t = 0;
        for (int j = 0; j < n; j++) {
          s += gi[j] * delta[j];
          t += Math.abs(gi[j] * delta[j]);
        }
        quad += delta[i] * s;
        quadSize += Math.abs(delta[i]) * t;
      }
      // The two nested n-term sums of δᵀGδ: each term through at most 2n + 1 roundings (not the n² of the
      // cosine form's single accumulator).
      double quadError = gamma * spread * spread + 2.02 * (n + 1) * 0x1p-53 * quadSize;
      double byQuad = sumA * (Math.sqrt(Math.max(0, quad) + quadError) + deltaError);
      double byCos = Math.sqrt(Math.max(0, cos) + cosError);
      residualEstimate = Math.sqrt(Math.max(0, quadSize * sumA * sumA < cosSize ? quad * sumA * sumA : cos));
      // What stays of each form's bound at a residual of 0 (quadError shrinks with δ, the rest does not).
      noise = weightError + Math.min(sumA * deltaError, Math.sqrt(cosError));
      return Math.min(byQuad, byCos) + weightError;
    }

  }

  /** The data point with the smallest Σwᵢ‖xⱼ − xᵢ‖: a good start, and exactly optimal when Vardi–Zhang says so. */
  private static void bestDataPoint(CentredGram g, double[] beta, double[] weights) {
    int n = g.n();
    int best = 0;
    double bestSum = Double.POSITIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += (weights == null ? 1 : weights[i]) * Math.sqrt(g.squaredDistance(i, j));
      }
      if (s < bestSum) {
        bestSum = s;
        best = j;
      }
    }
    java.util.Arrays.fill(beta, 0);
    beta[best] = 1;
  }
}
