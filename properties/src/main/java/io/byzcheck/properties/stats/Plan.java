package io.byzcheck.properties.stats;

/**
 * How a check runs: at most {@code trials} trials in {@code looks} sequential looks (at trials/2^{looks−1}, …,
 * trials/2, trials), on {@code threads} threads, from {@code seed}, at false-failure level {@code level}.
 * Each look tests at level/looks (a union bound over looks), so stopping early costs no level.
 */
public record Plan(int trials, int looks, int threads, long seed, double level) {
  public Plan {
    if (trials < 16 || looks < 1 || threads < 1) {
      throw new IllegalArgumentException("a plan needs ≥ 16 trials, ≥ 1 look and ≥ 1 thread, got " + trials + ", "
          + looks + ", " + threads);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("a level lies in (0, 1), got " + level);
    }
  }

  /** Four looks on every core. */
  public static Plan of(int trials, long seed, double level) {
    return new Plan(trials, 4, MonteCarlo.defaultThreads(), seed, level);
  }

  public Plan withThreads(int t) {
    return new Plan(trials, looks, t, seed, level);
  }

  /** Trials at look j = 1..looks. */
  int trialsAt(int j) {
    return Math.max(16, (int) Math.ceil(trials / Math.pow(2, looks - j)));
  }
}
