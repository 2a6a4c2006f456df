package io.byzcheck.kernels.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.Awkward;
import io.byzcheck.kernels.ByzantineInputException;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.rules.Bucketing;
import io.byzcheck.kernels.rules.Bulyan;
import io.byzcheck.kernels.rules.CentredClipping;
import io.byzcheck.kernels.rules.ComparativeGradientElimination;
import io.byzcheck.kernels.rules.CoordinateWiseMedian;
import io.byzcheck.kernels.rules.CoordinateWiseTrimmedMean;
import io.byzcheck.kernels.rules.GeometricMedian;
import io.byzcheck.kernels.rules.Krum;
import io.byzcheck.kernels.rules.Mean;
import io.byzcheck.kernels.rules.MeanAroundMedian;
import io.byzcheck.kernels.rules.MinimumDiameterAveraging;
import io.byzcheck.kernels.rules.NearestNeighbourMixing;
import io.byzcheck.kernels.rules.NormClipping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link ParallelAggregation} against the same rule called directly, at thread counts 1, 2, 3 and 7, with the
 * size threshold at 1 float so that even d = 17 is split (coordinate passes in blocks of 16 coordinates, Gram
 * passes of 512, uneven at most sizes):
 * the coordinate-wise rules and the selecting distance rules give the same floats; the geometric median and
 * centred clipping are within the class's stated tolerances (smoothed GM and CC: 2 ulps + 10⁻⁹ of the largest
 * |coordinate|; certified GM: 10⁻⁷ of it, and the objective within the certified gap). Tagged: runs at every forced vector
 * width and without the Vector API module. Seeds from {@link Awkward#SEED}, printed in every message.
 */
@Tag("vector-width")
class ParallelAggregationTest {
  private static final int[] THREADS = {1, 2, 3, 7};
  /** d = 1, lane ± 1 for 4, 8, 16 lanes, primes, and sizes whose 16-coordinate units split unevenly. */
  private static final int[] DIMENSIONS = {1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 47, 67, 101, 113, 257, 1031};
  /**
   * The distance rules' sizes: the awkward ones, and beyond the Gram passes' 512-coordinate blocks, where they
   * split (2, 3 and 4 blocks of uneven sizes).
   */
  private static final int[] DISTANCE_DIMENSIONS = {1, 4, 5, 8, 9, 16, 17, 33, 101, 1031, 1553, 2053};
  /**
   * The tolerance of the continuous distance rules, relative to the largest |coordinate|, plus 2 float ulps of the
   * coordinate (the float rounding of the output flips its last bit when the double value moves at all; observed:
   * GM n = 8, d = 2053, 3 threads, 256-bit, one coordinate one ulp apart).
   */
  private static final double CONTINUOUS_TOLERANCE = 1e-9;

  /**
   * The certified geometric median (gap 10⁻⁶) stops where its certificate first holds, which a last-bit change of
   * the Gram can move by an iteration: its coordinates are held to 10⁻⁷ of the largest |coordinate| (seen: 5·10⁻⁹,
   * GM n = 8, d = 2053, 3 threads, 256-bit) and its objective to the certified gap
   * ({@link #certifiedObjectivesAgree}).
   */
  private static final double CERTIFIED_GM_TOLERANCE = 1e-7;

  private static final List<ParallelAggregation> POOLS = new ArrayList<>();

  @BeforeAll
  static void pools() {
    for (int t : THREADS) {
      POOLS.add(ParallelAggregation.withThreads(t, 1));
    }
  }

  @AfterAll
  static void close() {
    POOLS.forEach(ParallelAggregation::close);
  }

  /** A named rule, made fresh per call (bucketing is stateful: both sides get the same seed), and its f. */
  private record Case(String name, Supplier<AggregationRule> rule, IntUnaryOperator f, int minN) {}

  private static List<Case> coordinateWise() {
    return List.of(
        new Case("Mean", Mean::new, n -> n / 3, 1),
        new Case("CWMed", CoordinateWiseMedian::new, n -> (n - 1) / 2, 1),
        new Case("CWTM", CoordinateWiseTrimmedMean::trimF, n -> (n - 1) / 2, 1),
        new Case("TrMean(β=0.2)", () -> CoordinateWiseTrimmedMean.byFraction(0.2), n -> n / 5, 5),
        new Case("MeaMed", MeanAroundMedian::new, n -> (n - 1) / 2, 1),
        new Case("CWMed∘Bucketing(2)", () -> new Bucketing(2, 11).then(new CoordinateWiseMedian()), n -> (n - 1) / 4, 1),
        new Case("Mean∘Clip(c=3)", () -> NormClipping.fixed(3).then(new Mean()), n -> n / 3, 1));
  }

  /** Rules that select workers or weights from the Gram or the norms, and then average: same floats. */
  private static List<Case> selecting() {
    return List.of(
        new Case("Krum", Krum::blanchard, n -> (n - 3) / 2, 5),
        new Case("Krum*", Krum::star, n -> (n - 1) / 2, 2),
        new Case("Multi-Krum*_3", () -> Krum.multiStar(3), n -> (n - 3) / 2, 6),
        new Case("MDA", MinimumDiameterAveraging::new, n -> (n - 1) / 2, 2),
        new Case("Mean∘NNM", () -> new NearestNeighbourMixing().then(new Mean()), n -> (n - 1) / 2, 2),
        new Case("CWTM∘NNM", () -> new NearestNeighbourMixing().then(CoordinateWiseTrimmedMean.trimF()), n -> (n - 1) / 2, 2),
        new Case("CGE", ComparativeGradientElimination::new, n -> n / 3, 2),
        new Case("Mean∘ARC", () -> NormClipping.adaptive().then(new Mean()), n -> n / 3, 2),
        new Case("Bulyan", Bulyan::new, n -> (n - 3) / 4, 3));
  }

  private static List<Case> continuous() {
    return List.of(
        new Case("GM", () -> GeometricMedian.certified(1e-6), n -> (n - 1) / 2, 1),
        new Case("GM(smoothed)", () -> GeometricMedian.smoothedWeiszfeld(1e-6, 20), n -> (n - 1) / 2, 1),
        new Case("CC", () -> CentredClipping.fromZero(10, 3), n -> 0, 1));
  }

  @Test
  void coordinateWiseRulesGiveTheSameFloats() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 1);
    for (int n : new int[] {1, 2, 3, 5, 8, 9, 33, 40}) {
      for (int d : DIMENSIONS) {
        WorkerVectors x = Awkward.vectors(rnd, n, d);
        for (Case c : coordinateWise()) {
          if (n >= c.minN) {
            compare(c, x, 0);
          }
        }
      }
    }
  }

  @Test
  void selectingDistanceRulesGiveTheSameFloats() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 2);
    for (int n : new int[] {2, 3, 5, 7, 9, 12}) {
      for (int d : DISTANCE_DIMENSIONS) {
        WorkerVectors x = gaussian(rnd, n, d);
        for (Case c : selecting()) {
          if (n >= c.minN) {
            compare(c, x, 0);
          }
        }
      }
    }
    // Krum beyond MDA's sizes: n = 40 takes the Gram's 4 × 4 tiles and the padding rows.
    WorkerVectors x = gaussian(rnd, 40, 1031);
    compare(selecting().get(1), x, 0);
    compare(selecting().get(4), x, 0);
  }

  @Test
  void continuousDistanceRulesAreWithinTheStatedTolerance() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 3);
    for (int n : new int[] {1, 2, 3, 5, 8, 13}) {
      for (int d : DISTANCE_DIMENSIONS) {
        WorkerVectors x = gaussian(rnd, n, d);
        for (Case c : continuous()) {
          compare(c, x, c.name.equals("GM") ? CERTIFIED_GM_TOLERANCE : CONTINUOUS_TOLERANCE);
        }
        certifiedObjectivesAgree(x);
      }
    }
  }

  /**
   * The same (n, d, thread count) gives the same floats on every run and on an executor as on own threads:
   * the blocks and the order of the partial sums depend on nothing else. The geometric median is the rule
   * most sensitive to the Gram's last bits.
   */
  @Test
  void aFixedThreadCountIsDeterministic() throws Exception {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 4);
    WorkerVectors x = gaussian(rnd, 9, 4099);
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try (ParallelAggregation on = ParallelAggregation.on(executor, 3, 1)) {
      for (Case c : List.of(continuous().get(0), continuous().get(2), selecting().get(1))) {
        int f = c.f.applyAsInt(9);
        float[] first = new float[x.d()];
        POOLS.get(2).aggregate(c.rule.get(), x, f, first);
        for (int run = 0; run < 5; run++) {
          float[] again = new float[x.d()];
          POOLS.get(2).aggregate(c.rule.get(), x, f, again);
          assertThat(again).as("%s run %d (seed %d)", c.name, run, Awkward.SEED).containsExactly(first);
          float[] viaExecutor = new float[x.d()];
          on.aggregate(c.rule.get(), x, f, viaExecutor);
          assertThat(viaExecutor).as("%s on an executor (seed %d)", c.name, Awkward.SEED).containsExactly(first);
        }
      }
    } finally {
      executor.shutdownNow();
    }
  }

  /** Non-finite rows up to f are excluded as in the direct call, beyond f rejected with its message. */
  @Test
  void theNonFinitePolicyIsTheDirectCallsOwn() {
    SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 5);
    List<Case> all = new ArrayList<>(coordinateWise());
    all.addAll(selecting());
    all.addAll(continuous());
    float[] poison = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
    for (int d : new int[] {1, 17, 67, 1031}) {
      for (Case c : all) {
        int n = 9;
        int f = c.f.applyAsInt(n);
        for (int bad = 1; bad <= f + 1; bad++) {
          WorkerVectors x = gaussian(rnd, n, d);
          for (int b = 0; b < bad; b++) {
            x.set(2 * b % n, rnd.nextInt(d), poison[b % 3]);
          }
          compare(c, x, c.name.equals("GM") ? CERTIFIED_GM_TOLERANCE
              : c.name.startsWith("GM") || c.name.equals("CC") ? CONTINUOUS_TOLERANCE : 0);
        }
      }
    }
  }

  /** Bad calls fail with the direct call's exception type and message, and never reach the pool. */
  @Test
  void validationErrorsAreTheDirectCallsOwn() {
    WorkerVectors x = gaussian(new SplittableRandom(Awkward.SEED + 6), 5, 40);
    ParallelAggregation p = POOLS.get(3);
    for (Case c : List.of(new Case("Krum", Krum::blanchard, n -> 2, 1), new Case("CWMed", CoordinateWiseMedian::new, n -> 3, 1),
        new Case("Mean", Mean::new, n -> 5, 1), new Case("Mean", Mean::new, n -> -1, 1),
        new Case("Multi-Krum*_5", () -> Krum.multiStar(5), n -> 1, 1))) {
      sameFailure(c.rule.get(), p.wrap(c.rule.get()), x, c.f.applyAsInt(5), new float[x.d()]);
    }
    sameFailure(new Mean(), p.wrap(new Mean()), x, 1, new float[x.d() + 1]);
    assertThatThrownBy(() -> p.aggregate(null, x, 1, new float[40])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ParallelAggregation.withThreads(0)).hasMessageContaining("thread count");
    assertThatThrownBy(() -> ParallelAggregation.withThreads(2, 0)).hasMessageContaining("at least 1 float");
  }

  /**
   * The caller never waits for a helper task that has not started: an executor that drops every task, or
   * rejects it, still gets the right answer (the caller claims every block itself).
   */
  @Test
  void anExecutorThatNeverRunsTheTasksCannotBlockTheCall() {
    WorkerVectors x = gaussian(new SplittableRandom(Awkward.SEED + 7), 7, 1031);
    AtomicInteger dropped = new AtomicInteger();
    try (ParallelAggregation dropping = ParallelAggregation.on(r -> dropped.incrementAndGet(), 4, 1);
        ParallelAggregation rejecting = ParallelAggregation.on(r -> {
          throw new RejectedExecutionException("full");
        }, 4, 1)) {
      for (Case c : List.of(coordinateWise().get(2), selecting().get(1), continuous().get(0))) {
        float[] want = c.rule.get().aggregate(x, 2);
        float[] got = new float[x.d()];
        dropping.aggregate(c.rule.get(), x, 2, got);
        assertThat(got).as(c.name).containsExactly(want);
        rejecting.aggregate(c.rule.get(), x, 2, got);
        assertThat(got).as(c.name).containsExactly(want);
      }
    }
    assertThat(dropped.get()).as("tasks offered to the executor").isPositive();
  }

  /**
   * The threshold: at the default 2¹⁶ floats per block nothing is handed to the executor for n·d below 2¹⁷
   * (one block), and tasks are handed over above it: the negative control that the counter sees them.
   */
  @Test
  void smallCallsStayOnTheCallersThread() {
    AtomicInteger offered = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try (ParallelAggregation p = ParallelAggregation.on(r -> {
      offered.incrementAndGet();
      executor.execute(r);
    }, 3)) {
      SplittableRandom rnd = new SplittableRandom(Awkward.SEED + 8);
      WorkerVectors small = gaussian(rnd, 5, 20_000); // 10⁵ floats: one block of ≥ 2¹⁶
      for (Case c : List.of(coordinateWise().get(1), selecting().get(1))) {
        p.aggregate(c.rule.get(), small, 1, new float[small.d()]);
      }
      assertThat(offered.get()).as("tasks for n·d = 10⁵").isZero();
      WorkerVectors large = gaussian(rnd, 5, 100_000); // 5·10⁵ floats: 3 blocks
      float[] got = new float[large.d()];
      p.aggregate(new CoordinateWiseMedian(), large, 1, got);
      assertThat(offered.get()).as("tasks for n·d = 5·10⁵").isEqualTo(2);
      assertThat(got).containsExactly(new CoordinateWiseMedian().aggregate(large, 1));
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aClosedInstanceSaysSo() {
    ParallelAggregation p = ParallelAggregation.withThreads(2);
    AggregationRule mean = p.wrap(new Mean());
    assertThat(mean.name()).isEqualTo("Mean");
    p.close();
    WorkerVectors x = WorkerVectors.zeros(3, 4);
    assertThatThrownBy(() -> mean.aggregate(x, 1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  /**
   * The rule called directly against every pool: the same floats when {@code tolerance} is 0, else within
   * tolerance·max|x|; the same exception and message when the direct call throws; the input unchanged.
   */
  private static void compare(Case c, WorkerVectors x, double tolerance) {
    int n = x.n();
    int f = c.f.applyAsInt(n);
    float[] want = new float[x.d()];
    RuntimeException wantFailure = null;
    try {
      c.rule.get().aggregate(x, f, want);
    } catch (IllegalArgumentException | IllegalStateException e) {
      wantFailure = e;
    }
    WorkerVectors before = x.deepCopy();
    double scale = 0;
    for (int i = 0; i < n; i++) {
      for (float v : x.row(i)) {
        if (Float.isFinite(v)) {
          scale = Math.max(scale, Math.abs(v));
        }
      }
    }
    for (ParallelAggregation p : POOLS) {
      String what = String.format("%s n=%d f=%d d=%d threads=%d (seed %d)", c.name, n, f, x.d(), p.parallelism(),
          Awkward.SEED);
      float[] got = new float[x.d()];
      try {
        p.aggregate(c.rule.get(), x, f, got);
        if (wantFailure != null) {
          fail(what + ": the direct call threw " + wantFailure + ", the parallel one did not");
        }
      } catch (IllegalArgumentException | IllegalStateException e) {
        if (wantFailure == null) {
          throw new AssertionError(what + ": only the parallel call threw", e);
        }
        assertThat(e).as(what).hasSameClassAs(wantFailure).hasMessage(wantFailure.getMessage());
        if (e instanceof ByzantineInputException b) {
          assertThat(b.faultyWorkers()).as(what).containsExactly(((ByzantineInputException) wantFailure).faultyWorkers());
        }
        continue;
      }
      if (tolerance == 0) {
        if (!Arrays.equals(got, want)) {
          fail(what + ": not the same floats, first difference at k = " + Arrays.mismatch(got, want));
        }
      } else {
        for (int k = 0; k < got.length; k++) {
          double allowed = tolerance * scale + 2 * Math.ulp(want[k]);
          if (!(Math.abs(got[k] - want[k]) <= allowed)) {
            fail(what + ": k = " + k + " parallel " + got[k] + " direct " + want[k] + ", beyond " + tolerance + "·" + scale
                + " + 2 ulps");
          }
        }
      }
      assertThat(x.sameContents(before)).as(what + ": input modified").isTrue();
    }
  }

  /** Split or not, the certified GM's objective Σ‖z − xᵢ‖ (in double) is within its certified gap of the direct one's. */
  private static void certifiedObjectivesAgree(WorkerVectors x) {
    int f = (x.n() - 1) / 2;
    double want = objective(x, GeometricMedian.certified(1e-6).aggregate(x, f));
    for (ParallelAggregation p : POOLS) {
      float[] got = new float[x.d()];
      p.aggregate(GeometricMedian.certified(1e-6), x, f, got);
      assertThat(Math.abs(objective(x, got) - want)).as("GM objective n=%d d=%d threads=%d (seed %d)", x.n(), x.d(),
          p.parallelism(), Awkward.SEED).isLessThanOrEqualTo(2e-6 * want + 1e-300);
    }
  }

  private static double objective(WorkerVectors x, float[] z) {
    double g = 0;
    for (int i = 0; i < x.n(); i++) {
      double s = 0;
      for (int k = 0; k < z.length; k++) {
        double e = (double) x.get(i, k) - z[k];
        s += e * e;
      }
      g += Math.sqrt(s);
    }
    return g;
  }

  private static void sameFailure(AggregationRule direct, AggregationRule parallel, WorkerVectors x, int f, float[] out) {
    Throwable want = catchIt(() -> direct.aggregate(x, f, out));
    assertThat(want).as("the direct call of %s fails", direct.name()).isNotNull();
    Throwable got = catchIt(() -> parallel.aggregate(x, f, out));
    assertThat(got).as(direct.name()).hasSameClassAs(want).hasMessage(want.getMessage());
  }

  private static Throwable catchIt(Runnable r) {
    try {
      r.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  /** Gaussian rows, every third 10 times farther (as the distance rules' cross-implementation test). */
  static WorkerVectors gaussian(SplittableRandom rnd, int n, int d) {
    float[][] rows = new float[n][d];
    for (int i = 0; i < n; i++) {
      double scale = i % 3 == 0 ? 10 : 1;
      for (int k = 0; k < d; k++) {
        rows[i][k] = (float) (1 + scale * rnd.nextGaussian());
      }
    }
    return WorkerVectors.wrap(rows);
  }
}
