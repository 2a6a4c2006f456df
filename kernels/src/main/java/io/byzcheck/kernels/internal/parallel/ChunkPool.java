package io.byzcheck.kernels.internal.parallel;

import io.byzcheck.kernels.internal.vectorization.CoordinateKernels;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one d-dimensional pass as contiguous blocks of coordinates ("chunks") on the caller's thread and up to
 * parallelism − 1 helpers: threads of its own, or tasks on a caller's {@link Executor}. The block boundaries
 * depend only on (d, the number of chunks), never on which thread runs which block, so a caller that combines
 * per-chunk results in chunk order gets the same answer on every run.
 *
 * <p>Claiming, not assigning: the caller and every helper take the next unclaimed chunk from one atomic word
 * (generation, chunk count, next chunk) until none is left, and the caller then waits only for chunks already
 * claimed, i.e. running. A helper task queued behind other work on a busy executor (even one whose threads are
 * all waiting on us) therefore never blocks the call: the caller does its chunks itself, and the stale task,
 * when it runs, finds nothing of its generation to claim.
 *
 * <p>No allocation in steady state: the pass is a reused {@link Task} object, the helpers are reused
 * {@link Runnable}s, waiting is {@link LockSupport#park}. (A caller's executor may allocate its own queue
 * entry per task, e.g. a {@code LinkedBlockingQueue} node; its own threads do not.)
 *
 * <p>One pass at a time: {@link #run} is not reentrant and callers serialise (the public layer holds a lock).
 */
public final class ChunkPool implements AutoCloseable {

  /** One pass over the coordinates [from, to) of chunk {@code chunk}; written to reuse, not to capture. */
  public interface Task {
    void run(int chunk, int from, int to);
  }

  private static final int SPINS = 200;
  private static final long MASK16 = 0xffff;

  private final int parallelism;
  private final Executor executor;
  private final Thread[] threads;
  private final Runnable[] helpers;

  /** generation (32 bits) | chunks (16) | next chunk to claim (16). */
  private final AtomicLong claim = new AtomicLong();
  private final AtomicInteger done = new AtomicInteger();
  private Task task;
  private int d;
  private int align;
  private volatile Thread caller;
  private volatile boolean closed;
  private Throwable failure;
  private int failedChunk;

  private ChunkPool(int parallelism, Executor executor) {
    if (parallelism < 1 || parallelism > MASK16) {
      throw new IllegalArgumentException("parallelism must be in [1, 65535], got " + parallelism);
    }
    this.parallelism = parallelism;
    this.executor = executor;
    this.helpers = new Runnable[parallelism - 1];
    for (int i = 0; i < helpers.length; i++) {
      helpers[i] = this::claimAndRun;
    }
    if (executor == null) {
      threads = new Thread[parallelism - 1];
      for (int i = 0; i < threads.length; i++) {
        Thread t = new Thread(this::serve, "byzcheck-aggregation-" + (i + 1));
        t.setDaemon(true);
        threads[i] = t;
        t.start();
      }
    } else {
      threads = new Thread[0];
    }
  }

  /** {@code threads} in all: the caller's and threads − 1 daemon threads of this pool's own. */
  public static ChunkPool ownThreads(int threads) {
    return new ChunkPool(threads, null);
  }

  /** The caller's thread and up to parallelism − 1 tasks on {@code executor}. */
  public static ChunkPool on(Executor executor, int parallelism) {
    if (executor == null) {
      throw new IllegalArgumentException("executor is null");
    }
    return new ChunkPool(parallelism, executor);
  }

  /** True once {@link #close} ran. */
  public boolean closed() {
    return closed;
  }

  public int parallelism() {
    return parallelism;
  }

  /** The pool's own threads (none on an executor): for tests that count their allocation. */
  public Thread[] threads() {
    return threads.clone();
  }

  /**
   * The number of chunks for a pass over d coordinates reading {@code floatsPerCoordinate} floats at each:
   * at most the parallelism, at most one per {@link CoordinateKernels#RANGE_ALIGNMENT} coordinates, and each
   * at least {@code minFloats} floats, so that small passes (below where waking a thread costs more than it
   * saves) run as one chunk on the caller's thread.
   */
  public int chunks(int d, int floatsPerCoordinate, long minFloats) {
    return chunks(d, floatsPerCoordinate, minFloats, CoordinateKernels.RANGE_ALIGNMENT);
  }

  /** As {@link #chunks(int, int, long)} with block starts at multiples of {@code align}. */
  public int chunks(int d, int floatsPerCoordinate, long minFloats, int align) {
    long units = (d + (long) align - 1) / align;
    long bySize = Math.max(1, (long) d * floatsPerCoordinate / Math.max(1, minFloats));
    return (int) Math.max(1, Math.min(parallelism, Math.min(units, bySize)));
  }

  /**
   * The first coordinate of chunk t of c over d coordinates (t = c gives d): the aligned units split as
   * evenly as they go, the last chunk taking the ragged end. A function of (d, c, t) only.
   */
  public static int start(int d, int c, int t) {
    return start(d, c, t, CoordinateKernels.RANGE_ALIGNMENT);
  }

  /** As {@link #start(int, int, int)} with units of {@code align} coordinates. */
  public static int start(int d, int c, int t, int align) {
    if (t >= c) {
      return d;
    }
    long units = (d + (long) align - 1) / align;
    return (int) Math.min(d, units * t / c * align);
  }

  /**
   * Runs {@code task} on the c chunks of [0, d), the caller's thread taking part, and returns when all are
   * done. A chunk that throws does not stop the others; the lowest-numbered chunk's exception is rethrown.
   */
  public void run(Task task, int d, int c) {
    run(task, d, c, CoordinateKernels.RANGE_ALIGNMENT);
  }

  /** As {@link #run(Task, int, int)} with block starts at multiples of {@code align} (c from the same align). */
  public void run(Task task, int d, int c, int align) {
    if (c <= 1) {
      task.run(0, 0, d);
      return;
    }
    if (closed) {
      throw new IllegalStateException("the parallel aggregation is closed");
    }
    this.task = task;
    this.d = d;
    this.align = align;
    this.failure = null;
    this.caller = Thread.currentThread();
    done.set(0);
    long generation = (claim.get() >>> 32) + 1;
    claim.set(generation << 32 | (long) c << 16); // publishes the fields above
    if (executor == null) {
      for (int i = 0; i < c - 1; i++) {
        LockSupport.unpark(threads[i]);
      }
    } else {
      for (int i = 0; i < c - 1; i++) {
        try {
          executor.execute(helpers[i]);
        } catch (RejectedExecutionException e) {
          break; // the caller claims what no helper takes
        }
      }
    }
    claimAndRun();
    for (int spin = 0; done.get() < c; spin++) {
      if (spin < SPINS) {
        Thread.onSpinWait();
      } else {
        LockSupport.park(this);
      }
    }
    this.task = null;
    Throwable t = failure;
    if (t != null) {
      failure = null;
      if (t instanceof RuntimeException r) {
        throw r;
      }
      if (t instanceof Error e) {
        throw e;
      }
      throw new IllegalStateException(t);
    }
  }

  /** Claims and runs chunks of the current generation until none is left; true if it ran one. */
  private boolean claimAndRun() {
    boolean ran = false;
    while (true) {
      long v = claim.get();
      int c = (int) ((v >>> 16) & MASK16);
      int next = (int) (v & MASK16);
      if (next >= c) {
        return ran;
      }
      if (!claim.compareAndSet(v, v + 1)) {
        continue;
      }
      ran = true;
      Thread waiting = caller;
      try {
        task.run(next, start(d, c, next, align), start(d, c, next + 1, align));
      } catch (Throwable t) {
        fail(next, t);
      } finally {
        if (done.incrementAndGet() == c) {
          LockSupport.unpark(waiting);
        }
      }
    }
  }

  private synchronized void fail(int chunk, Throwable t) {
    if (failure == null || chunk < failedChunk) {
      failure = t;
      failedChunk = chunk;
    }
  }

  /** An own thread: runs chunks when woken, parks when there are none. */
  private void serve() {
    while (!closed) {
      if (!claimAndRun()) {
        LockSupport.park(this);
      }
    }
  }

  /** Stops the pool's own threads (an executor is the caller's to shut down). */
  @Override
  public void close() {
    closed = true;
    for (Thread t : threads) {
      LockSupport.unpark(t);
    }
  }
}
