package io.byzcheck.kernels.sim.optim;

import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.sim.Cluster;
import io.byzcheck.kernels.sim.Progress;
import io.byzcheck.kernels.sim.Session;
import java.util.Arrays;
import java.util.Optional;

/**
 * Alistarh et al. Algorithm 1, ByzantineSGD(η, x₁, D, T, 𝔗_A, 𝔗_B). Each machine i accumulates
 * A_i = Σ_t ⟨∇_{t,i}, x_t − x₁⟩ and the vector B_i = Σ_t ∇_{t,i} (the text's definition; line 5 of the
 * algorithm prints a sum of norms — THEORY.md ALI-ALG1); good_k keeps the machines of good_{k−1} with
 * |A_i − A_med| ≤ 𝔗_A, ‖B_i − B_med‖ ≤ 𝔗_B and ‖∇_{k,i} − ∇_med‖ ≤ 4𝒱, where B_med and ∇_med are
 * "vector medians" (any i with more than m/2 points within 𝔗_B, resp. 2𝒱; we take the smallest such
 * i, and the i with the most such points if the assumption fails); the step is
 * x_{k+1} = Π_{B(x₁, D)}(x_k − η·(1/m)Σ_{i∈good_k}∇_{k,i}). The output is the average iterate
 * x̄ = (1/T)Σ x_k that Theorems 3.2–3.3 bound.
 *
 * <p>With {@code restarts} &gt; 0 the strongly convex reduction of Theorems 3.4–3.5 runs (Hazan &amp; Kale's
 * epochs): each epoch starts from the previous epoch's x̄ with T doubled, η halved, D divided by √2 and the
 * thresholds recomputed from 𝒱 and δ. Why √2: Theorem 3.2's noise terms D𝒱√C/√(Tm) + αD𝒱√C/√T halve when T
 * doubles and D shrinks by √2, and a gap ε_e puts x̄ within √(2ε_e/σ) of x* (σ-strong convexity, as in the
 * theorems' ‖x − x*‖² ≤ 2ε/σ), so a halving gap allows the next ball a radius smaller by √2 only. Halving D
 * instead shrinks the ball as 2^{−e} while the error shrinks as 2^{−e/2}: after a few epochs x* lies outside the
 * ball and the error stays on a floor.
 *
 * @param noise 𝒱, the bound on ‖∇_{k,i} − ∇f(x_k)‖ of good machines (Assumption 2.2)
 * @param thresholdA 𝔗_A (first epoch)
 * @param thresholdB 𝔗_B (first epoch)
 * @param delta δ, used to recompute the thresholds of later epochs (ALI-ALG1: C = log(16mT/δ))
 * @param batch mini-batch size of each stochastic gradient (0 = full local gradient)
 */
public record ByzantineSgd(double stepSize, double diameter, int iterations, double noise, double thresholdA,
    double thresholdB, double delta, int batch, int restarts) implements Optimizer {
  private static final String WHO = "ByzantineSGD (Alistarh et al. Alg. 1)";


  public ByzantineSgd {
    Checks.positive(WHO, "learning rate η", stepSize);
    Checks.positive(WHO, "diameter D", diameter);
    Checks.atLeast(WHO, "the number of iterations T", iterations, 1);
    Checks.positive(WHO, "noise bound 𝒱", noise);
    Checks.positive(WHO, "threshold 𝔗_A", thresholdA);
    Checks.positive(WHO, "threshold 𝔗_B", thresholdB);
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("confidence δ must lie in (0, 1), got " + delta);
    }
    if (batch < 0 || restarts < 0) {
      throw new IllegalArgumentException("batch and restarts must be ≥ 0, got " + batch + " and " + restarts);
    }
  }

  /**
   * The thresholds "theory suggests" (Algorithm 1's comment): 𝔗_A = 4D𝒱√(TC), 𝔗_B = 4𝒱√(TC),
   * C = log(16mT/δ). {@code io.byzcheck.theory.alistarh.ByzantineSgdThresholds} encodes the same
   * (ALI-ALG1) and a test holds the two equal.
   */
  public static ByzantineSgd theoretical(int workers, double stepSize, double diameter, int iterations, double noise,
      double delta, int batch, int restarts) {
    double[] t = thresholds(workers, diameter, iterations, noise, delta);
    return new ByzantineSgd(stepSize, diameter, iterations, noise, t[0], t[1], delta, batch, restarts);
  }

  /** {𝔗_A, 𝔗_B} for m machines. */
  public static double[] thresholds(int workers, double diameter, int iterations, double noise, double delta) {
    if (workers < 1) {
      throw new IllegalArgumentException("m must be ≥ 1, got " + workers);
    }
    double c = Math.log(16.0 * workers * iterations / delta);
    double root = Math.sqrt(iterations * c);
    return new double[] {4 * diameter * noise * root, 4 * noise * root};
  }

  @Override
  public String name() {
    return "ByzantineSGD (Alistarh Alg. 1" + (restarts > 0 ? ", " + restarts + " restarts" : "") + ")";
  }

  /**
   * Sees every round of a run after the filter of line 10, for checks of Lemma 3.1 and the good event
   * (ALI-GOOD): the iterate x_k, every machine's gradient ∇_{k,i} as the server received it, and good_k.
   * The arrays are the run's own and are reused: copy what you keep.
   */
  @FunctionalInterface
  public interface Observer {
    void round(int k, double[] x, double[][] gradients, boolean[] good);
  }

  @Override
  public Trajectory run(Cluster cluster, double[] start, Progress progress) {
    return run(cluster, start, progress, (k, x, gradients, good) -> {});
  }

  /** As {@link #run(Cluster, double[], Progress)}, telling {@code observer} about every round. */
  public Trajectory run(Cluster cluster, double[] start, Progress progress, Observer observer) {
    Session session = cluster.start();
    int total = 0;
    for (int e = 0, t = iterations; e <= restarts; e++, t *= 2) {
      total += t;
    }
    Recorder recorder = new Recorder(cluster, progress, total, start);
    double[] x1 = start.clone();
    double eta = stepSize;
    double radius = diameter;
    int epochT = iterations;
    double ta = thresholdA;
    double tb = thresholdB;
    int done = 0;
    for (int e = 0; e <= restarts; e++) {
      double[] average = epoch(session, recorder, x1, eta, radius, epochT, ta, tb, done, observer);
      if (recorder.diverged()) {
        return recorder.finish(name(), average);
      }
      x1 = average;
      done += epochT;
      eta /= 2;
      radius /= Math.sqrt(2);
      epochT *= 2;
      double[] t = thresholds(cluster.workers(), radius, epochT, noise, delta);
      ta = t[0];
      tb = t[1];
    }
    return recorder.finish(name(), x1);
  }

  /** One run of Algorithm 1 from x₁; returns the average iterate x̄ (the last finite θ if it diverged). */
  private double[] epoch(Session session, Recorder recorder, double[] x1, double eta, double radius, int epochT,
      double ta, double tb, int offset, Observer observer) {
    int m = session.workers();
    int d = x1.length;
    double[] a = new double[m];
    double[][] b = new double[m][d];
    boolean[] good = new boolean[m];
    Arrays.fill(good, true);
    double[] average = new double[d];
    double[][] grads = new double[m][d];
    double[] scratch = new double[m];
    double[] last = recorder.iterate(x1, offset, epochT, (k, x, next) -> {
      WorkerVectors messages = session.exchange(k, d, (worker, out) -> {
        if (batch == 0) {
          worker.gradient(x, out);
        } else {
          worker.stochasticGradient(x, batch, out);
        }
      }, Optional.empty(), 0);
      int excluded = 0;
      for (int i = 0; i < m; i++) {
        float[] row = messages.row(i);
        boolean finite = true;
        double inner = 0;
        for (int c = 0; c < d; c++) {
          grads[i][c] = row[c];
          finite &= Float.isFinite(row[c]);
          inner += row[c] * (x[c] - x1[c]);
          b[i][c] += row[c];
        }
        a[i] += inner;
        if (!finite) {
          // A machine that sends NaN or ±∞ fails every test below; drop it explicitly so NaN never reaches the step.
          good[i] = false;
          excluded++;
        }
      }
      double aMed = median(a, scratch);
      int bMed = vectorMedian(b, tb);
      int gMed = vectorMedian(grads, 2 * noise);
      double[] xi = new double[d];
      int accepted = 0;
      for (int i = 0; i < m; i++) {
        good[i] = good[i] && Math.abs(a[i] - aMed) <= ta && distance(b[i], b[bMed]) <= tb
            && distance(grads[i], grads[gMed]) <= 4 * noise;
        if (good[i]) {
          accepted++;
          for (int c = 0; c < d; c++) {
            xi[c] += grads[i][c] / m;
          }
        }
      }
      observer.round(k, x, grads, good);
      Steps.descend(x, eta, xi, next);
      Steps.projectOntoBall(next, x1, radius);
      for (int c = 0; c < d; c++) {
        average[c] += x[c] / epochT;
      }
      return new Recorder.Outcome(accepted, excluded);
    });
    return recorder.diverged() ? last : average;
  }

  /** Lower median of the finite values (non-finite A_i belong to machines already dropped); sorts in scratch. */
  private static double median(double[] values, double[] scratch) {
    int n = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        scratch[n++] = v;
      }
    }
    if (n == 0) {
      return 0;
    }
    Arrays.sort(scratch, 0, n);
    return scratch[(n - 1) / 2];
  }

  /** The smallest i with more than m/2 points within r; the i with the most such points otherwise. */
  private static int vectorMedian(double[][] points, double r) {
    int m = points.length;
    int best = 0;
    int bestCount = -1;
    for (int i = 0; i < m; i++) {
      int count = 0;
      for (int j = 0; j < m; j++) {
        count += distance(points[i], points[j]) <= r ? 1 : 0;
      }
      if (2 * count > m) {
        return i;
      }
      if (count > bestCount) {
        bestCount = count;
        best = i;
      }
    }
    return best;
  }

  private static double distance(double[] u, double[] v) {
    double s = 0;
    for (int c = 0; c < u.length; c++) {
      double r = u[c] - v[c];
      s += r * r;
    }
    return Math.sqrt(s);
  }
}
