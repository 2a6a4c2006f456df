package io.byzcheck.kernels.internal.parallel;

import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/** The JVM's kernels with their d-dimensional passes split over a {@link ChunkPool}. */
public final class ParallelKernels {
  private ParallelKernels() {}

  /**
   * A provider to {@link VectorizationProvider#enter} on the calling thread: the coordinate-wise and Gram kernels
   * of {@link VectorizationProvider#base()}, each whole-row pass split into chunks of at least {@code minFloats}
   * floats over {@code pool}. One pass at a time: the caller serialises.
   */
  public static VectorizationProvider over(ChunkPool pool, long minFloats) {
    VectorizationProvider base = VectorizationProvider.base();
    return base.withKernels(new ParallelCoordinateKernels(base.coordinateKernels(), pool, minFloats),
        new ParallelGramKernel(base.gramKernel(), pool, minFloats),
        "passes split over " + pool.parallelism() + " threads");
  }
}
