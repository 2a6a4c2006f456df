/**
 * Aggregation rules with their plain references, and the simulator (attacks, problems, optimizers).
 *
 * <p>The SIMD, scalar and Gram kernels live in {@code io.byzcheck.kernels.internal.vectorization},
 * which is not exported (as Lucene's {@code org.apache.lucene.internal.vectorization}): callers see the
 * rules, and {@link io.byzcheck.kernels.Backend} says which kernels run. The Vector API is an optional
 * dependence: without {@code --add-modules jdk.incubator.vector} the module resolves and runs the scalar
 * kernels.
 */
module io.byzcheck.kernels {
  requires static jdk.incubator.vector;
  // Reads HotSpot's UseFMA flag; without it the kernels multiply and add instead of fusing.
  requires static jdk.management;

  exports io.byzcheck.kernels;
  exports io.byzcheck.kernels.parallel;
  exports io.byzcheck.kernels.reference;
  exports io.byzcheck.kernels.rules;
  exports io.byzcheck.kernels.sim;
  exports io.byzcheck.kernels.sim.attack;
  exports io.byzcheck.kernels.sim.optim;
  exports io.byzcheck.kernels.sim.problem;
  exports io.byzcheck.kernels.sim.worker;
}
