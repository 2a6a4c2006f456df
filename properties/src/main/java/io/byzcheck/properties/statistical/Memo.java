package io.byzcheck.properties.statistical;

import io.byzcheck.properties.stats.MonteCarlo;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A trial remembered by its seed, so that several statements tested on the same runs (ALI-GOOD, ALI-L31 and
 * ALI-T32 at one parameter point) do not rerun them. A trial is a function of its seed, so this changes no result.
 */
final class Memo implements MonteCarlo.Trial {
  private final MonteCarlo.Trial trial;
  private final ConcurrentHashMap<Long, double[]> done = new ConcurrentHashMap<>();

  Memo(MonteCarlo.Trial trial) {
    this.trial = trial;
  }

  @Override
  public double[] run(long seed) {
    return done.computeIfAbsent(seed, trial::run);
  }
}
