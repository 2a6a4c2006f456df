package io.byzcheck.kernels.parallel;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.internal.parallel.ChunkPool;
import io.byzcheck.kernels.internal.parallel.ParallelKernels;
import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Any aggregation rule of this module on several threads, for large d (issue 15): the rule runs on the
 * caller's thread as always — validation, the non-finite policy (NaN/±∞ workers excluded and charged to f,
 * more than f rejected), the O(n²) selection or iteration — and each of its d-dimensional passes is split
 * into contiguous blocks of coordinates, one per thread:
 * <ul>
 *   <li><b>coordinate-wise passes</b> (CWMed, CWTM and Yin's trimmed mean, MeaMed, the finiteness scans, and
 *       the combination pass Σβᵢxᵢ that ends the Mean, Krum, Multi-Krum, MDA, NNM, the geometric median,
 *       centred clipping, CGE and bucketing): every thread runs the single-threaded kernel on its block,
 *       with block starts aligned to the widest float vector (16 coordinates), so a coordinate is computed
 *       exactly as in the single-threaded call. <b>Result: the same floats</b> as the rule called directly;</li>
 *   <li><b>Gram passes</b> (the median-centred Gram matrix of the distance rules, in double and in the faster
 *       ranking form, and squared norms): every thread accumulates its block's partial Gram (block starts at
 *       multiples of the Gram kernels' own 512-coordinate blocks, so a thread's blocks are the whole call's), and the partials
 *       are added in block order, not in completion order. The Gram entries then differ from the
 *       single-threaded ones only by the order of their double additions (one rounding more per block, about
 *       c·2⁻⁵³ relative to Σ|yᵢyⱼ| with c blocks). <b>Result</b>: a rule that <i>selects</i> (Krum,
 *       Multi-Krum, MDA, NNM's neighbourhoods, CGE's and ARC's norms ranking) gives the same floats unless two
 *       candidates are tied to within that rounding; a rule whose output is a continuous function of the Gram
 *       (centred clipping, the smoothed Weiszfeld) is, per coordinate, within 2 float ulps plus 10⁻⁹ of the largest
 *       |coordinate| of the single-threaded output; the certified geometric median, which stops where its
 *       certificate first holds (a last-bit change can move that by an iteration), within 10⁻⁷ of the largest
 *       |coordinate| (seen: 5·10⁻⁹), and its objective within the certified gap of the direct call's. These are
 *       the stated tolerances, which {@code ParallelAggregationTest} checks at 1, 2, 3 and 7 threads on every
 *       forced vector width and the scalar path; and the certified geometric median keeps its certified
 *       objective gap. For a given (n, d, thread count) the result is the same on every run: the blocks depend
 *       on nothing else.</li>
 * </ul>
 *
 * <p><b>Small calls stay on the caller's thread.</b> A pass is split only into blocks of at least
 * {@link #DEFAULT_MINIMUM_FLOATS} = 2¹⁶ floats read (256 KiB): waking a parked thread costs tens of
 * microseconds on Linux, about what one core needs to read 2¹⁶ floats at ~10 GB/s, so below that the threads
 * cost more than they give. A pass below it runs on the caller's thread, bit for bit as the direct call (the
 * threshold is a parameter of {@link #withThreads(int, long)} and {@link #on(Executor, int, long)}).
 *
 * <p><b>Allocation.</b> In steady state (same n, caller's output buffer) a split call allocates nothing more
 * than the direct call, on the caller's thread and the pool's threads together: the passes are reused objects
 * and every thread keeps its own kernel scratch. So Mean, CWMed, CWTM, MeaMed, Krum*, MDA and NNM∘Mean allocate
 * nothing (Multi-Krum* and the certified GM allocate a few small objects of their own, 56 and 128 bytes a call,
 * split or not; the pre-aggregations other than NNM∘Mean allocate their n new vectors). With a caller's {@link Executor} the executor's own per-task bookkeeping (e.g. a queue node)
 * is its own.
 *
 * <p><b>Which rules.</b> Every rule whose d-dimensional work goes through this module's kernels, looked up per
 * call: all the rules of {@code io.byzcheck.kernels.rules} and their compositions with pre-aggregations, and any
 * new one written the same way (no list of rules is kept here). Any other {@link AggregationRule} (e.g. one of
 * a user's) is run as it is, on the caller's thread, unless it opts in: a rule of the caller's own that works
 * coordinate by coordinate hands its pass to {@link #forEachBlock}, which splits it into the same blocks.
 *
 * <p><b>Threads.</b> One call at a time per instance: concurrent callers are served in turn (a lock). With
 * {@link #withThreads}, the pool's daemon threads park between calls; {@link #close} stops them. With
 * {@link #on(Executor, int)}, helper tasks are submitted to the caller's executor and the caller's thread takes
 * part; the caller never waits for a task that has not started (it claims the unstarted blocks itself), so a
 * saturated executor, or a call from one of its own threads, slows the call but cannot deadlock it.
 *
 * <pre>{@code
 * try (ParallelAggregation parallel = ParallelAggregation.withThreads(8)) {
 *   AggregationRule krum = parallel.wrap(Krum.star());
 *   float[] out = new float[d];
 *   krum.aggregate(x, f, out);              // the Gram pass and the final average on 8 threads
 * }
 * }</pre>
 */
public final class ParallelAggregation implements AutoCloseable {
  /** Floats read per block below which a pass is not split further: 2¹⁶ (class comment). */
  public static final long DEFAULT_MINIMUM_FLOATS = 1L << 16;

  private final ChunkPool pool;
  private final VectorizationProvider kernels;
  private final long minimumFloats;
  private final ReentrantLock lock = new ReentrantLock();

  private ParallelAggregation(ChunkPool pool, long minimumFloats) {
    if (minimumFloats < 1) {
      pool.close();
      throw new IllegalArgumentException("the minimum block must be at least 1 float, got " + minimumFloats);
    }
    this.pool = pool;
    this.minimumFloats = minimumFloats;
    this.kernels = ParallelKernels.over(pool, minimumFloats);
  }

  /** {@code threads} threads in all (the caller's and threads − 1 of its own), blocks of at least 2¹⁶ floats. */
  public static ParallelAggregation withThreads(int threads) {
    return withThreads(threads, DEFAULT_MINIMUM_FLOATS);
  }

  /** As {@link #withThreads(int)}, splitting a pass only into blocks of at least {@code minimumFloats} floats read. */
  public static ParallelAggregation withThreads(int threads, long minimumFloats) {
    requireThreads(threads);
    return new ParallelAggregation(ChunkPool.ownThreads(threads), minimumFloats);
  }

  /** One thread per available processor ({@link Runtime#availableProcessors()}). */
  public static ParallelAggregation allCores() {
    return withThreads(Runtime.getRuntime().availableProcessors());
  }

  /**
   * The caller's thread and up to {@code parallelism} − 1 tasks on {@code executor} (an {@code ExecutorService},
   * a {@code ForkJoinPool}, …), which stays the caller's to shut down.
   */
  public static ParallelAggregation on(Executor executor, int parallelism) {
    return on(executor, parallelism, DEFAULT_MINIMUM_FLOATS);
  }

  /** As {@link #on(Executor, int)} with a minimum block of {@code minimumFloats} floats read. */
  public static ParallelAggregation on(Executor executor, int parallelism, long minimumFloats) {
    requireThreads(parallelism);
    return new ParallelAggregation(ChunkPool.on(executor, parallelism), minimumFloats);
  }

  private static void requireThreads(int threads) {
    if (threads < 1 || threads > 65_535) {
      throw new IllegalArgumentException("the thread count must be in [1, 65535], got " + threads);
    }
  }

  /**
   * The first coordinate of block t when d coordinates are split into {@code blocks} (t = blocks gives d): units
   * of 16 coordinates shared as evenly as they go, the last block taking the ragged end. For callers that
   * measure against the same split (the benchmarks' parallel yardstick).
   */
  public static int blockStart(int d, int blocks, int t) {
    return ChunkPool.start(d, blocks, t);
  }

  /** Threads a pass may use, the caller's included. */
  public int parallelism() {
    return pool.parallelism();
  }

  /**
   * {@code rule.aggregate(x, f, out)} with its passes split over this instance's threads (class comment); the
   * same exceptions, with the same messages, as the direct call.
   */
  public void aggregate(AggregationRule rule, WorkerVectors x, int f, float[] out) {
    if (rule == null) {
      throw new IllegalArgumentException("rule is null");
    }
    if (pool.closed()) {
      throw new IllegalStateException("this ParallelAggregation is closed");
    }
    lock.lock();
    try {
      if (VectorizationProvider.getInstance() == kernels) {
        rule.aggregate(x, f, out); // nested (a wrapped rule inside a wrapped composition)
        return;
      }
      VectorizationProvider previous = VectorizationProvider.enter(kernels);
      try {
        rule.aggregate(x, f, out);
      } finally {
        VectorizationProvider.exit(previous);
      }
    } finally {
      lock.unlock();
    }
  }

  /** A caller's pass over the coordinates [from, to) of its own coordinate-wise rule ({@link #forEachBlock}). */
  @FunctionalInterface
  public interface CoordinatePass {
    void run(int from, int to);
  }

  /**
   * The opt-in for a caller's own coordinate-wise rule: runs {@code pass} on contiguous blocks covering [0, d)
   * once, on this instance's threads (the caller's among them), and returns when every block is done. The blocks
   * are the library's own: starts at multiples of 16 coordinates, and no split below the minimum block, counted
   * as {@code floatsPerCoordinate} floats read per coordinate (n for a pass over n workers), so a small pass is
   * one call {@code pass.run(0, d)} on the caller's thread. A pass that writes only its block's coordinates
   * and reads only shared input therefore gives the same result at every thread count. A block that throws does
   * not stop the others; the exception of the lowest block that threw is rethrown. While the instance is busy
   * (another thread's call, or a call from inside a pass) the pass runs unsplit on the calling thread instead of
   * waiting: the result is the same, and a pass that calls its own instance cannot deadlock.
   *
   * <pre>{@code
   * parallel.forEachBlock(d, n, (from, to) -> {
   *   for (int k = from; k < to; k++) out[k] = myCoordinateRule(rows, k);
   * });
   * }</pre>
   *
   * @throws IllegalArgumentException if d &lt; 0, floatsPerCoordinate &lt; 1 or pass is null
   * @throws IllegalStateException if this instance is closed
   */
  public void forEachBlock(int d, int floatsPerCoordinate, CoordinatePass pass) {
    if (pass == null) {
      throw new IllegalArgumentException("pass is null");
    }
    if (d < 0) {
      throw new IllegalArgumentException("d must be at least 0, got " + d);
    }
    if (floatsPerCoordinate < 1) {
      throw new IllegalArgumentException("floatsPerCoordinate must be at least 1, got " + floatsPerCoordinate);
    }
    if (pool.closed()) {
      throw new IllegalStateException("this ParallelAggregation is closed");
    }
    if (lock.isHeldByCurrentThread() || !lock.tryLock()) {
      pass.run(0, d);
      return;
    }
    try {
      pool.run((chunk, from, to) -> pass.run(from, to), d, pool.chunks(d, floatsPerCoordinate, minimumFloats));
    } finally {
      lock.unlock();
    }
  }

  /** {@code rule} as an {@link AggregationRule} whose every call runs through {@link #aggregate}; same name. */
  public AggregationRule wrap(AggregationRule rule) {
    if (rule == null) {
      throw new IllegalArgumentException("rule is null");
    }
    return new Wrapped(this, rule);
  }

  /** Stops the pool's own threads; a caller's executor is left running. Later calls throw IllegalStateException. */
  @Override
  public void close() {
    pool.close();
  }

  /** The pool's own threads, for tests that count what they allocate. */
  Thread[] threads() {
    return pool.threads();
  }

  /** The pool, for tests. */
  ChunkPool pool() {
    return pool;
  }

  @Override
  public String toString() {
    return "ParallelAggregation[" + kernels.describe() + "]";
  }

  private record Wrapped(ParallelAggregation parallel, AggregationRule rule) implements AggregationRule {
    @Override
    public String name() {
      return rule.name();
    }

    @Override
    public void aggregate(WorkerVectors x, int f, float[] out) {
      parallel.aggregate(rule, x, f, out);
    }
  }
}
