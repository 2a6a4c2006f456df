/**
 * Every aggregation rule of this module on all cores, for large d (issue 15): {@link
 * io.byzcheck.kernels.parallel.ParallelAggregation}.
 */
package io.byzcheck.kernels.parallel;
