package io.byzcheck.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The physical yardstick ({@link Yardstick}): one vectorised read of the round's n·d floats. The
 * regression tool divides every benchmark by this one at the same (n, d), fork by fork.
 */
public class YardstickBenchmark extends Settings {
  @Benchmark
  public void sum(RoundState s, Blackhole bh) {
    bh.consume(Yardstick.sum(s.x.liveRows()));
  }
}
