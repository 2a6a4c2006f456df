/**
 * The verification engine (generators, worst-case search, shrinking) and the catalogue of checks. Its
 * API speaks in the kernels' and the theory's types, so both are required transitively.
 */
module io.byzcheck.properties {
  requires transitive io.byzcheck.kernels;
  requires transitive io.byzcheck.theory;
  // Automatic module (commons-math3 3.6.1 names none): CMA-ES for the worst-case search.
  requires commons.math3;
  // The statistical engine's exact tests and intervals (Commons Statistics ships module descriptors).
  requires org.apache.commons.statistics.distribution;
  requires org.apache.commons.statistics.inference;
  requires org.apache.commons.statistics.interval;

  exports io.byzcheck.properties;
  exports io.byzcheck.properties.catalogue;
  exports io.byzcheck.properties.controls;
  exports io.byzcheck.properties.gen;
  exports io.byzcheck.properties.search;
  exports io.byzcheck.properties.stats;
  exports io.byzcheck.properties.statistical;
}
