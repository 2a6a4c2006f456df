/**
 * The JMH benchmarks of the rules, the physical yardstick, and the performance regression tool. JMH runs
 * them from the shaded jar on the class path; as a module it needs reflective access to the benchmark and
 * state classes and to the code its annotation processor generates (the {@code jmh_generated} packages),
 * which it instantiates and calls by name. The benchmarks use the kernels' exported API only.
 */
module io.byzcheck.benchmarks {
  requires io.byzcheck.kernels;
  // The yardstick reads the input with the widest float vectors itself.
  requires jdk.incubator.vector;
  // Automatic module: jmh-core 1.37 names none, so its name comes from the jar's (jmh-core-1.37.jar).
  requires jmh.core;
  // The regression verdicts: Welch's t and the t quantiles.
  requires org.apache.commons.statistics.distribution;
  requires org.apache.commons.statistics.inference;

  opens io.byzcheck.benchmarks to jmh.core;
  opens io.byzcheck.benchmarks.jmh_generated to jmh.core;
  opens io.byzcheck.benchmarks.control to jmh.core;
  opens io.byzcheck.benchmarks.control.jmh_generated to jmh.core;
  // Nothing is exported: the benchmarks and the regression tool are applications, not an API.
}
